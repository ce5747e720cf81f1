package jp.ebpm.analysis.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import jp.ebpm.analysis.WorkbenchException;

/**
 * The text encodings every reader of the workbench understands, and their detection. This is the only place
 * in the library that names a charset; every feature (imports, KPI registers, codebooks, margins, pings,
 * layers) decodes through it, so a CP932 or EUC-JP file behaves the same everywhere.
 *
 * <p>Detection decodes a sample (the first {@link #SAMPLE_BYTES} bytes) strictly
 * ({@link CodingErrorAction#REPORT}) in each candidate. A byte-order mark decides at once (UTF-8, UTF-16LE,
 * UTF-16BE). Otherwise valid UTF-8 wins (ASCII-only text is UTF-8). A sample whose lines are partly valid
 * UTF-8 with Japanese text and partly not is refused as mixed (see {@link MixedEncoding}). Among CP932 and
 * EUC-JP, the one that decodes without error wins; when both decode, the one whose text scores higher as
 * Japanese (see {@link #japaneseScore}) wins, ties going to CP932, the usual encoding of files from Windows
 * and government sites.
 *
 * @since 0.1
 */
public enum TextEncoding {
    /** UTF-8 without byte-order mark. */
    UTF8("UTF-8", StandardCharsets.UTF_8),
    /** UTF-8 with a byte-order mark (Excel's "CSV UTF-8"). */
    UTF8_BOM("UTF-8 (BOM)", StandardCharsets.UTF_8),
    /** Microsoft's Shift_JIS (Windows-31J); decoded with {@code windows-31j}, never plain {@code Shift_JIS}. */
    CP932("CP932", Charset.forName("windows-31j")),
    /** EUC-JP (older Unix systems). */
    EUC_JP("EUC-JP", Charset.forName("EUC-JP")),
    /** UTF-16 little-endian with its byte-order mark (Excel's "Unicode text"). */
    UTF16LE("UTF-16LE", StandardCharsets.UTF_16LE),
    /** UTF-16 big-endian with its byte-order mark. */
    UTF16BE("UTF-16BE", StandardCharsets.UTF_16BE),
    /**
     * Windows Latin-1 (a superset of ISO-8859-1), only when a file says so (a shapefile's {@code .cpg},
     * {@link #forCodePage}); never detected and not offered as a user's choice.
     */
    WINDOWS_1252("windows-1252", Charset.forName("windows-1252"));

    /** Bytes read for encoding detection and checked strictly. */
    static final int SAMPLE_BYTES = 4 << 20;
    /** Bytes of the sample decoded into text for the dialect detection and the preview. */
    static final int TEXT_BYTES = 1 << 20;

    private final String label;
    private final Charset charset;

    TextEncoding(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    /** The name shown to the user and stored in the catalog. */
    public String label() {
        return label;
    }

    /** The Java charset that decodes this encoding. */
    public Charset charset() {
        return charset;
    }

    /** Whether DuckDB can read the file as it is (no transcoding). */
    public boolean isUtf8() {
        return this == UTF8 || this == UTF8_BOM;
    }

    /** Length of the byte-order mark this encoding starts with (0 when none). */
    int bomLength() {
        return switch (this) {
            case UTF8_BOM -> 3;
            case UTF16LE, UTF16BE -> 2;
            default -> 0;
        };
    }

    /**
     * Parses a user's choice: {@code auto} (or null/blank) gives {@code null}; {@code utf-8}, {@code utf8},
     * {@code cp932}, {@code windows-31j}, {@code ms932}, {@code shift_jis}, {@code sjis}, {@code euc-jp}.
     *
     * @throws IllegalArgumentException for any other word
     */
    public static TextEncoding parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "auto" -> null;
            case "utf-8", "utf8" -> UTF8;
            case "utf-8-bom", "utf-8 (bom)" -> UTF8_BOM;
            case "cp932", "windows-31j", "ms932", "shift-jis", "sjis", "shift-jis (cp932)", "932" -> CP932;
            case "euc-jp", "eucjp" -> EUC_JP;
            case "utf-16le", "utf16le" -> UTF16LE;
            case "utf-16be", "utf16be", "utf-16", "utf16" -> UTF16BE;
            default -> throw new IllegalArgumentException("Unknown encoding \"" + s
                    + "\". Use auto, utf-8, cp932 (also shift_jis, sjis), euc-jp or utf-16le/utf-16be.");
        };
    }

    /**
     * The encoding a code page names, as in a shapefile's {@code .cpg} file ({@code UTF-8}, {@code 65001},
     * {@code ANSI 932}, {@code SHIFT_JIS}, {@code CP932}, {@code 20932}, {@code EUC-JP}, {@code 1252}, ...), or
     * {@code null} when it is not one this library reads.
     */
    public static TextEncoding forCodePage(String cpg) {
        String t = cpg == null ? "" : cpg.strip().toUpperCase(Locale.ROOT).replace("ANSI ", "");
        if (t.startsWith("CP") && t.length() > 2 && Character.isDigit(t.charAt(2))) {
            t = t.substring(2);
        }
        switch (t) {
            case "65001":
                return UTF8;
            case "20932", "51932":
                return EUC_JP;
            case "1252", "WINDOWS-1252", "ISO-8859-1", "ISO8859-1", "88591", "LATIN1":
                return WINDOWS_1252;
            default:
                break;
        }
        try {
            TextEncoding e = parse(t);
            return e == UTF8_BOM ? UTF8 : e;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Detects the encoding of the text bytes of a binary file (a {@code .dbf} table): UTF-8 when they decode as
     * UTF-8, else CP932 or EUC-JP as {@link #detect} decides.
     *
     * @throws WorkbenchException when no candidate decodes the bytes
     */
    public static TextEncoding detectText(byte[] bytes, String fileName) {
        return detect(bytes, true, fileName);
    }

    /**
     * A user's encoding option as an encoding ({@code null} for auto).
     *
     * @throws WorkbenchException naming the file for a word {@link #parse} does not know
     */
    static TextEncoding option(String encoding, String fileName) {
        try {
            return parse(encoding);
        } catch (IllegalArgumentException e) {
            throw new WorkbenchException(e.getMessage(), fileName, null, null, e);
        }
    }

    /** The first bytes of a file and the encoding chosen or detected from them. */
    record Sample(byte[] bytes, boolean complete, TextEncoding encoding) {
    }

    /**
     * Reads a file's sample and settles its encoding: the user's option, else detection.
     *
     * @throws WorkbenchException when the file is missing, the option unknown or the encoding not recognised
     */
    static Sample sample(Path file, String encoding) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new WorkbenchException("The file does not exist or is a folder. Check the path.", name, null, null, null);
        }
        TextEncoding enc = option(encoding, name);
        byte[] bytes = readSample(file);
        boolean complete = bytes.length < SAMPLE_BYTES;
        return new Sample(bytes, complete, enc != null ? enc : detect(bytes, complete, name));
    }

    /** Reads up to {@link #SAMPLE_BYTES} bytes from the start of a file. */
    static byte[] readSample(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            throw new WorkbenchException("The file cannot be read: " + e.getMessage(), file.getFileName().toString(), null, null, e);
        }
    }

    /**
     * Detects the encoding of a sample.
     *
     * @param sample   the first bytes of the file
     * @param complete whether the sample is the whole file (else a character cut at its end is ignored)
     * @param fileName for error messages
     * @throws WorkbenchException when no candidate decodes the sample
     */
    static TextEncoding detect(byte[] sample, boolean complete, String fileName) {
        if (hasBom(sample)) {
            return UTF8_BOM;
        }
        TextEncoding utf16 = utf16Bom(sample);
        if (utf16 != null) {
            return utf16;
        }
        if (firstInvalid(sample, UTF8, complete) < 0) {
            return UTF8;
        }
        MixedEncoding.check(sample, complete, fileName);
        boolean sjis = firstInvalid(sample, CP932, complete) < 0;
        boolean euc = firstInvalid(sample, EUC_JP, complete) < 0;
        if (sjis && euc) {
            String a = decode(sample, CP932, complete);
            String b = decode(sample, EUC_JP, complete);
            return japaneseScore(b) > japaneseScore(a) ? EUC_JP : CP932;
        }
        if (sjis) {
            return CP932;
        }
        if (euc) {
            return EUC_JP;
        }
        long off = firstInvalid(sample, CP932, complete);
        throw new WorkbenchException("The text encoding could not be recognised: the file is neither UTF-8,"
                + " Shift_JIS (CP932) nor EUC-JP (first byte invalid as Shift_JIS at byte offset " + off
                + "). Save it again as UTF-8 or choose the encoding by hand.", fileName, lineOf(sample, off), null, null);
    }

    /**
     * A score of how much a text looks like Japanese: +2 per hiragana, katakana or common kanji, +1 per
     * full-width ASCII form, -3 per half-width katakana and -5 per private-use or unassigned-looking
     * character (what a wrong multi-byte decoding typically yields).
     */
    static long japaneseScore(String s) {
        long score = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '\u3040' && c <= '\u30FF') || (c >= '\u4E00' && c <= '\u9FFF')) {
                score += 2;
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                score += 1;
            } else if (c >= '\uFF61' && c <= '\uFF9F') {
                score -= 3;
            } else if ((c >= '\uE000' && c <= '\uF8FF') || Character.getType(c) == Character.UNASSIGNED) {
                score -= 5;
            }
        }
        return score;
    }

    /** UTF-16LE or UTF-16BE when the bytes start with that byte-order mark, else {@code null}. */
    static TextEncoding utf16Bom(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return UTF16LE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return UTF16BE;
        }
        return null;
    }

    static boolean hasBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static CharsetDecoder strict(TextEncoding enc) {
        return enc.charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The byte offset of the first byte sequence invalid in the encoding, or -1 when all bytes decode. When
     * {@code complete} is false an incomplete character at the very end is not counted as invalid.
     */
    static long firstInvalid(byte[] bytes, TextEncoding enc, boolean complete) {
        CharsetDecoder dec = strict(enc);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        while (true) {
            CoderResult r = dec.decode(in, out, complete);
            if (r.isError()) {
                return in.position();
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            if (complete) {
                r = dec.flush(out);
                return r.isError() ? in.position() : -1;
            }
            return -1;
        }
    }

    /**
     * Checks the whole sample strictly and decodes its first {@link #TEXT_BYTES} bytes. When that is not the
     * whole file, the text is cut after its last complete line so that no half record is seen.
     *
     * @throws WorkbenchException naming the line and byte offset of the first invalid bytes
     */
    static String decodeSample(byte[] sample, TextEncoding enc, boolean complete, String fileName) {
        long bad = firstInvalid(sample, enc, complete);
        if (bad >= 0) {
            throw invalidBytes(fileName, enc, lineOf(sample, bad), bad);
        }
        boolean whole = complete && sample.length <= TEXT_BYTES;
        byte[] head = sample.length <= TEXT_BYTES ? sample : java.util.Arrays.copyOf(sample, TEXT_BYTES);
        String s = decode(head, enc, whole);
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        if (!whole) {
            int nl = s.lastIndexOf('\n');
            s = nl < 0 ? s : s.substring(0, nl + 1);
        }
        return s;
    }

    static String decode(byte[] bytes, TextEncoding enc, boolean complete) {
        CharsetDecoder dec = strict(enc);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) dec.maxCharsPerByte()) + 16);
        CoderResult r = dec.decode(in, out, complete);
        if (r.isError()) {
            try {
                r.throwException();
            } catch (CharacterCodingException e) {
                throw new IllegalStateException("sample was checked before decoding", e);
            }
        }
        if (complete) {
            dec.flush(out);
        }
        return out.flip().toString();
    }

    /** 1-based line of a byte offset: 1 + the number of LF bytes before it (LF is never part of a multi-byte character here). */
    static long lineOf(byte[] bytes, long offset) {
        long line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The error for bytes that are invalid in the chosen or detected encoding. */
    static WorkbenchException invalidBytes(String fileName, TextEncoding enc, long line, long offset) {
        return new WorkbenchException("The file holds bytes that are not valid " + enc.label() + " text"
                + (offset >= 0 ? " at byte offset " + offset : "") + ". The file may be damaged or in another encoding; choose the encoding by hand"
                + " (utf-8, cp932, euc-jp) or save the file again.", fileName, line, null, null);
    }
}
