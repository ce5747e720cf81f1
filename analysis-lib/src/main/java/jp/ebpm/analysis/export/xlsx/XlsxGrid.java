package jp.ebpm.analysis.export.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Writes rows as a clerk-friendly sheet (bold header, frozen header row, autofilter, widths, formula-injection
 * guard). For data entry files such as the KPI register, not for large tables. Reading goes through the one
 * sheet reader, {@link jp.ebpm.analysis.io.SheetGrid}.
 *
 * @since 0.1
 */
public final class XlsxGrid {

    private XlsxGrid() {
    }

    /**
     * Writes rows (the first is the header) to a new workbook with one sheet. Values are {@link String},
     * {@link Number}, {@link Boolean} or {@code null}; text is never a formula.
     *
     * @param numberFormats number format per column (shorter list or {@code null}: General)
     * @throws WorkbenchException when the file cannot be written
     */
    public static void write(Path file, String sheetName, List<List<Object>> rows, List<String> numberFormats) {
        write(file, sheetName, rows, numberFormats, 0);
    }

    /**
     * Writes rows to a new workbook with one sheet: the rows before {@code headerRow} are heading lines (title,
     * parameters, legend; the first in bold), then the header row (frozen, repeated when printed, with an autofilter)
     * and the data.
     */
    public static void write(Path file, String sheetName, List<List<Object>> rows, List<String> numberFormats, int headerRow) {
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(200)) {
            Styles styles = new Styles(wb, ReportWriter.DEFAULT_FONT);
            Sheet sh = wb.createSheet(new SheetSetup().name(sheetName));
            int cols = 0;
            int[] widths = new int[512];
            for (int r = 0; r < rows.size(); r++) {
                Row row = sh.createRow(r);
                List<Object> values = rows.get(r);
                if (r < headerRow) {
                    for (int c = 0; c < values.size(); c++) {
                        styles.set(row.createCell(c), values.get(c), r == 0 ? Styles.Role.SUBTITLE : Styles.Role.NOTE, "General");
                    }
                    continue;
                }
                cols = Math.max(cols, values.size());
                for (int c = 0; c < values.size() && c < widths.length; c++) {
                    String fmt = r > headerRow && numberFormats != null && c < numberFormats.size() && numberFormats.get(c) != null
                            ? numberFormats.get(c) : "General";
                    styles.set(row.createCell(c), values.get(c), r == headerRow ? Styles.Role.HEADER : Styles.Role.BODY, fmt);
                    Object v = values.get(c);
                    widths[c] = Math.max(widths[c], TableSheet.displayWidth(v == null ? "" : v instanceof Double d
                            ? String.format("%,.1f", d) : v.toString()) + 2);
                }
            }
            for (int c = 0; c < cols && c < widths.length; c++) {
                ReportWriter.width(sh, c, Math.min(48, Math.max(8, widths[c])));
            }
            if (rows.size() > headerRow && cols > 0) {
                sh.createFreezePane(0, headerRow + 1);
                sh.setAutoFilter(new CellRangeAddress(headerRow, rows.size() - 1, 0, cols - 1));
            }
            SheetSetup.print(sh, sheetName, headerRow, headerRow);
            Path abs = file.toAbsolutePath();
            Path tmp = jp.ebpm.analysis.export.OutputFiles.temporarySibling(abs);
            try {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    wb.write(os);
                }
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write the workbook: " + e.getMessage(), file.getFileName().toString(), null, null, e);
        }
    }
}
