package jp.ebpm.analysis.export;

/**
 * Width of text in character cells of a terminal or a spreadsheet column: East Asian wide and full-width characters
 * (kanji, kana, full-width forms, Hangul) count two, others one (Unicode East Asian Width W and F, simplified to
 * the ranges Japanese text uses). Used to align command-line tables and to size spreadsheet columns.
 *
 * @since 0.3
 */
public final class DisplayWidth {

    private DisplayWidth() {
    }

    /** Whether a code point takes two cells. */
    public static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD));
    }

    /** The width of a text in cells (null counts 0). */
    public static int of(String s) {
        if (s == null) {
            return 0;
        }
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    /** The text padded with spaces on the right to {@code width} cells (unchanged when it is wider). */
    public static String padRight(String s, int width) {
        String t = s == null ? "" : s;
        return t + " ".repeat(Math.max(0, width - of(t)));
    }

    /** The text padded with spaces on the left to {@code width} cells (for numbers). */
    public static String padLeft(String s, int width) {
        String t = s == null ? "" : s;
        return " ".repeat(Math.max(0, width - of(t))) + t;
    }
}
