package jp.ebpm.analysis.gis.io;

import java.io.IOException;
import java.io.InputStream;
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
 * @param encoding the text encoding read ({@code UTF-8}, {@code CP932}; {@code xlsx} for workbooks)
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
        // decoding and splitting through the input layer (encoding detected, commons-csv records)
        jp.ebpm.analysis.io.ReadResult<List<jp.ebpm.analysis.io.DelimitedText.Record>> read =
                jp.ebpm.analysis.io.DelimitedText.read(file, null, null);
        List<String[]> all = read.value().stream().map(r -> r.fields().toArray(new String[0])).toList();
        String encodingLabel = read.source().encoding();
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
        return new TextTable(header, rows, encodingLabel);
    }

    private static String[] pad(String[] r, int n) {
        String[] out = java.util.Arrays.copyOf(r, n);
        for (int i = r.length; i < n; i++) {
            out[i] = "";
        }
        return out;
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
