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

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.ebpm.analysis.WorkbenchException;
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
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            if (name.endsWith(".xlsx")) {
                writeXlsx(table, out);
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

    private static void writeXlsx(ProtectedTable table, Path out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(out)) {
            Sheet sh = wb.createSheet("table");
            Row head = sh.createRow(0);
            List<String> h = table.header();
            for (int i = 0; i < h.size(); i++) {
                head.createCell(i).setCellValue(h.get(i));
            }
            int r = 1;
            for (List<String> row : table.textRows()) {
                Row x = sh.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    String v = row.get(i);
                    if (i >= 2 && !ProtectedTable.SUPPRESSED.equals(v)) {
                        x.createCell(i).setCellValue(Long.parseLong(v));
                    } else {
                        x.createCell(i).setCellValue(v);
                    }
                }
            }
            Sheet note = wb.createSheet("note");
            note.createRow(0).createCell(0).setCellValue("χ = suppressed (fewer than " + table.k()
                    + " distinct persons, or hidden to protect another cell)."
                    + (table.roundBase() > 1 ? " Counts rounded to base " + table.roundBase() + "." : ""));
            wb.write(os);
        }
    }
}
