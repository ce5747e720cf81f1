package jp.ebpm.analysis.gis.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.TextEncoding;

/**
 * Reads a dBASE III/IV table (the {@code .dbf} of a shapefile). Field types: C (text), N/F (number: Long when it
 * has no decimals and fits, else Double; blank = null), L (logical), D (date YYYYMMDD), others as text.
 *
 * <p>Text encoding: the {@code .cpg} file when present (e.g. {@code UTF-8}, {@code SHIFT_JIS}, {@code 932},
 * {@code ANSI 932}); else the language driver byte (0x13 = Japanese Windows CP932); else detected by the input
 * layer ({@link TextEncoding}): UTF-8 when all text bytes decode as UTF-8, otherwise CP932 or EUC-JP.
 *
 * @since 0.1
 */
public final class DbfReader {

    /** Field names in order. */
    private final List<String> fields = new ArrayList<>();
    private final List<Map<String, Object>> records = new ArrayList<>();
    private Charset charset;
    private TextEncoding encoding = TextEncoding.UTF8;
    private String fileNameForDetection;
    private boolean detected;
    private int deleted;

    private DbfReader() {
    }

    /** The table read from the bytes; {@code cpg} may be null. */
    public static DbfReader read(byte[] dbf, String cpg, String fileName) {
        DbfReader r = new DbfReader();
        r.parse(dbf, cpg, fileName);
        return r;
    }

    /** Field names. */
    public List<String> fields() {
        return fields;
    }

    /** Records (deleted ones included, see {@link #deletedCount()}). */
    public List<Map<String, Object>> records() {
        return records;
    }

    /** Charset used for text. */
    public Charset charset() {
        return charset;
    }

    /** Whether the charset was guessed from the bytes (no .cpg, no language driver). */
    public boolean detected() {
        return detected;
    }

    /** Records flagged as deleted in the file (they are kept, and reported). */
    public int deletedCount() {
        return deleted;
    }

    /** Maps a .cpg text to a Java charset through the input layer, or {@code null} when it names none it reads. */
    public static Charset charsetOfCpg(String cpg) {
        TextEncoding e = TextEncoding.forCodePage(cpg);
        return e == null ? null : e.charset();
    }

    /** The encoding's name as the catalog records it ({@code UTF-8}, {@code CP932}, ...). */
    public String encodingLabel() {
        return encoding.label();
    }

    private void parse(byte[] b, String cpg, String fileName) {
        fileNameForDetection = fileName;
        if (b.length < 32) {
            throw new WorkbenchException("The attribute table is too short to be a dBASE file.", fileName, null, null, null);
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int n = bb.getInt(4);
        int headerLen = Short.toUnsignedInt(bb.getShort(8));
        int recLen = Short.toUnsignedInt(bb.getShort(10));
        int ldid = b[29] & 0xff;
        List<int[]> specs = new ArrayList<>();
        List<byte[]> rawNames = new ArrayList<>();
        List<Character> types = new ArrayList<>();
        for (int p = 32; p + 32 <= headerLen && b[p] != 0x0D; p += 32) {
            int end = p;
            while (end < p + 11 && b[end] != 0) {
                end++;
            }
            byte[] nm = java.util.Arrays.copyOfRange(b, p, end);
            rawNames.add(nm);
            types.add((char) (b[p + 11] & 0xff));
            specs.add(new int[] {b[p + 16] & 0xff, b[p + 17] & 0xff});
        }
        charset = chooseCharset(b, cpg, ldid, headerLen, rawNames);
        for (byte[] nm : rawNames) {
            String name = new String(nm, charset).strip();
            String unique = name.isEmpty() ? "field" : name;
            int k = 2;
            while (fields.contains(unique)) {
                unique = name + "_" + k++;
            }
            fields.add(unique);
        }
        for (int r = 0; r < n; r++) {
            int p = headerLen + r * recLen;
            if (p + recLen > b.length) {
                throw new WorkbenchException("The attribute table ends early: record " + (r + 1) + " of " + n + " is missing.",
                        fileName, (long) (r + 1), null, null);
            }
            if (b[p] == '*') {
                deleted++;
            }
            int q = p + 1;
            Map<String, Object> rec = new LinkedHashMap<>();
            for (int f = 0; f < specs.size(); f++) {
                int len = specs.get(f)[0];
                String raw = new String(b, q, len, charset);
                rec.put(fields.get(f), convert(raw, types.get(f), specs.get(f)[1], fileName, r + 1, fields.get(f)));
                q += len;
            }
            records.add(rec);
        }
    }

    private Charset chooseCharset(byte[] b, String cpg, int ldid, int headerLen, List<byte[]> names) {
        if (cpg != null && !cpg.isBlank()) {
            TextEncoding e = TextEncoding.forCodePage(cpg);
            if (e != null) {
                encoding = e;
                return e.charset();
            }
        }
        if (ldid == 0x13 || ldid == 0x7B) {
            encoding = TextEncoding.CP932;
            return encoding.charset();
        }
        detected = true;
        encoding = TextEncoding.detectText(java.util.Arrays.copyOfRange(b, Math.min(32, b.length), b.length), fileNameForDetection);
        if (encoding == TextEncoding.UTF8_BOM) {
            encoding = TextEncoding.UTF8;
        }
        return encoding.charset();
    }

    private static Object convert(String raw, char type, int decimals, String file, long row, String field) {
        String s = raw.strip();
        switch (Character.toUpperCase(type)) {
            case 'N', 'F' -> {
                if (s.isEmpty() || s.chars().allMatch(ch -> ch == '*')) {
                    return null;
                }
                try {
                    if (decimals == 0 && !s.contains(".") && !s.contains("e") && !s.contains("E") && s.length() < 19) {
                        return Long.parseLong(s);
                    }
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new WorkbenchException("\"" + s + "\" is not a number.", file, row, field, e);
                }
            }
            case 'L' -> {
                if (s.isEmpty() || s.equals("?")) {
                    return null;
                }
                char c = Character.toUpperCase(s.charAt(0));
                return c == 'T' || c == 'Y';
            }
            case 'D' -> {
                if (s.length() != 8 || !s.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                        Integer.parseInt(s.substring(6, 8)));
            }
            default -> {
                return s.isEmpty() ? null : s;
            }
        }
    }
}
