package jp.ebpm.analysis.privacy.guard;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;


import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.export.xlsx.XlsxGrid;
import jp.ebpm.analysis.io.CsvWriter;

/**
 * Writes a {@link ProtectedTable} — and only that type, so unprotected private results cannot be
 * exported this way — as CSV (UTF-8, header row, suppressed cells as χ) or as an .xlsx sheet (numbers as
 * numeric cells, χ as text). The format follows the file name's extension.
 */
public final class TableExporter {

    private TableExporter() {
    }

    /** Writes the table; the file is replaced. */
    public static void write(ProtectedTable table, Path out) {
        write(table, out, List.of());
    }

    /**
     * Writes the table; an .xlsx sheet starts with the heading lines (title, guard parameters, the χ legend), then a
     * blank row, then the header row and the data. CSV files start with the header row (for programs reading them).
     */
    public static void write(ProtectedTable table, Path out, List<String> heading) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            if (name.endsWith(".xlsx")) {
                writeXlsx(table, out, heading);
            } else {
                try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8))) {
                    writeCsv(table, w);
                }
            }
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write " + out.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The table as CSV text. */
    public static void writeCsv(ProtectedTable table, java.io.Writer w) throws IOException {
        CsvWriter csv = CsvWriter.plain(w);
        csv.row(table.header());
        for (List<String> r : table.textRows()) {
            csv.row(r);
        }
        csv.flush();
    }

    private static void writeXlsx(ProtectedTable table, Path out, List<String> heading) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (String h : heading) {
            rows.add(List.of(h));
        }
        if (!heading.isEmpty()) {
            rows.add(List.of());
        }
        rows.add(new java.util.ArrayList<>(table.header()));
        for (List<String> row : table.textRows()) {
            List<Object> x = new java.util.ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                String v = row.get(i);
                x.add(i >= 2 && !ProtectedTable.SUPPRESSED.equals(v) ? (Object) Long.parseLong(v) : v);
            }
            rows.add(x);
        }
        if (heading.isEmpty()) {
            rows.add(List.of());
            rows.add(List.of("χ = suppressed (fewer than " + table.k()
                    + " distinct persons, or hidden to protect another cell)."
                    + (table.roundBase() > 1 ? " Counts rounded to base " + table.roundBase() + "." : "")));
        }
        XlsxGrid.write(out, "table", rows, null, heading.isEmpty() ? 0 : heading.size() + 1);
    }
}
