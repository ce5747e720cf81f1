package jp.ebpm.analysis.gis.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.GridRow;

/**
 * A small table of text cells read from a CSV file (RFC 4180; UTF-8 with or without BOM, or CP932 when the
 * bytes are not valid UTF-8; comma, or tab when the header has tabs and no commas) or from the first sheet of an
 * Excel workbook (.xlsx/.xls, cells as displayed). Used for point tables and the mesh/overlay command line.
 *
 * @param header   column names
 * @param rows     data rows (each as long as the header; short rows padded with empty text)
 * @param encoding the text encoding read ({@code UTF-8}, {@code windows-31j}; {@code xlsx} for workbooks)
 * @since 0.1
 */
public record TextTable(List<String> header, List<String[]> rows, String encoding) {

    /**
     * Reads a file.
     *
     * @throws WorkbenchException for an empty file or a quote left open, naming the line
     */
    public static TextTable read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            return readExcel(file);
        }
        byte[] bytes = Files.readAllBytes(file);
        Charset cs = detect(bytes);
        int off = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String text = new String(bytes, off, bytes.length - off, cs);
        List<String[]> all = parse(text, name);
        if (all.isEmpty()) {
            throw new WorkbenchException("The file is empty.", name, null, null, null);
        }
        List<String> header = new ArrayList<>();
        for (String h : all.get(0)) {
            header.add(h.strip());
        }
        List<String[]> rows = new ArrayList<>(all.size());
        for (String[] r : all.subList(1, all.size())) {
            if (r.length == 1 && r[0].isEmpty()) {
                continue;
            }
            rows.add(r.length >= header.size() ? r : java.util.Arrays.copyOf(pad(r, header.size()), header.size()));
        }
        return new TextTable(header, rows, cs.name());
    }

    private static String[] pad(String[] r, int n) {
        String[] out = java.util.Arrays.copyOf(r, n);
        for (int i = r.length; i < n; i++) {
            out[i] = "";
        }
        return out;
    }

    /** UTF-8 when the bytes decode strictly as UTF-8, else CP932 (Windows-31J). */
    static Charset detect(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-31j");
        }
    }

    static List<String[]> parse(String text, String name) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        char sep = first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : ',';
        List<String[]> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        long line = 1;
        long quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
                quoteLine = line;
            } else if (ch == sep) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row.toArray(new String[0]));
                row = new ArrayList<>();
                line++;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new WorkbenchException("A quoted value is never closed.", name, quoteLine, null, null);
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row.toArray(new String[0]));
        }
        return rows;
    }

    private static TextTable readExcel(Path file) {
        List<GridRow> grid = jp.ebpm.analysis.io.SheetGrid.read(file, null).rows();
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (GridRow r : grid) {
            if (header.isEmpty()) {
                if (r.isBlank()) {
                    continue;
                }
                for (int c = 0; c < r.cells().size(); c++) {
                    Object v = r.cell(c);
                    header.add(v == null ? "column" + (c + 1) : v.toString().strip());
                }
                continue;
            }
            String[] vals = new String[header.size()];
            java.util.Arrays.fill(vals, "");
            for (int c = 0; c < Math.min(vals.length, r.cells().size()); c++) {
                Object v = r.cell(c);
                vals[c] = v == null ? "" : v.toString();
            }
            rows.add(vals);
        }
        if (header.isEmpty()) {
            throw new WorkbenchException("The first sheet is empty.", file.getFileName().toString(), null, null, null);
        }
        return new TextTable(header, rows, "xlsx");
    }

    /** Index of a column by exact name, else case-insensitive; -1 when absent. */
    public int indexOf(String column) {
        int i = header.indexOf(column);
        if (i >= 0) {
            return i;
        }
        for (int j = 0; j < header.size(); j++) {
            if (header.get(j).equalsIgnoreCase(column)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Index of a required column.
     *
     * @throws IllegalArgumentException naming the columns that exist
     */
    public int require(String column, String fileName) {
        int i = indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("The column \"" + column + "\" is not in " + fileName + " (columns: "
                    + String.join(", ", header) + ").");
        }
        return i;
    }
}
