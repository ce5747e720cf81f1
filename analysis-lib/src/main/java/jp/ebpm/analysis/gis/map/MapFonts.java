package jp.ebpm.analysis.gis.map;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Set;

/**
 * Picks a font that can show Japanese: the first installed of IPAexGothic, IPAGothic, Noto Sans CJK JP,
 * Yu Gothic UI, Meiryo, Hiragino Sans; else the logical font {@code SansSerif} (whose fallback chain usually
 * includes a CJK font).
 *
 * @since 0.1
 */
public final class MapFonts {

    private static final List<String> PREFERRED = List.of("IPAexGothic", "IPAGothic", "IPAPGothic", "Noto Sans CJK JP",
            "Yu Gothic UI", "Meiryo", "Hiragino Sans");
    private static volatile String family;

    private MapFonts() {
    }

    /** The chosen family name. */
    public static String family() {
        String f = family;
        if (f == null) {
            Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
            f = PREFERRED.stream().filter(installed::contains).findFirst().orElse(Font.SANS_SERIF);
            family = f;
        }
        return f;
    }

    /** A font of the chosen family. */
    public static Font font(int style, float size) {
        return new Font(family(), style, 12).deriveFont(size);
    }
}
