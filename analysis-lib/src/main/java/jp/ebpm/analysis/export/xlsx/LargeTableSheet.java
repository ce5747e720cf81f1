package jp.ebpm.analysis.export.xlsx;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/** Streams a large table into one or more sheets (SXSSF keeps only a window of rows in memory). */
final class LargeTableSheet {

    private LargeTableSheet() {
    }

    static long write(SXSSFWorkbook wb, SheetSetup names, Styles styles, String reportTitle, String title,
                      List<String> header, List<CellFormat> formats, Iterator<Object[]> rows,
                      ProgressListener progress, Cancellation cancel, Consumer<String> onSheet) {
        int cols = header.size();
        String[] patterns = new String[cols];
        for (int c = 0; c < cols; c++) {
            patterns[c] = formats != null && c < formats.size() && formats.get(c) != null ? formats.get(c).pattern() : "General";
        }
        // styles resolved once per column: a map lookup per cell would cost ~10 % of the time
        org.apache.poi.ss.usermodel.CellStyle[] valueStyle = new org.apache.poi.ss.usermodel.CellStyle[cols];
        for (int c = 0; c < cols; c++) {
            valueStyle[c] = styles.style(Styles.Role.PLAIN, patterns[c], false);
        }
        org.apache.poi.ss.usermodel.CellStyle quoted = styles.style(Styles.Role.PLAIN, "General", true);
        org.apache.poi.ss.usermodel.CellStyle date = styles.style(Styles.Role.PLAIN, "yyyy/mm/dd", false);
        long total = 0;
        SXSSFSheet sh = null;
        int r = 0;
        while (sh == null || rows.hasNext()) {
            if (sh != null) {
                finish(sh, cols, r, reportTitle);
            }
            sh = wb.createSheet(names.name(total == 0 ? title : title + " (" + (total + 1) + "-)"));
            onSheet.accept(sh.getSheetName());
            Row hr = sh.createRow(0);
            for (int c = 0; c < cols; c++) {
                styles.set(hr.createCell(c), header.get(c), Styles.Role.HEADER, "General");
                ReportWriter.width(sh, c, Math.max(10, TableSheet.displayWidth(header.get(c)) + 2));
            }
            r = 1;
            while (r < ReportWriter.MAX_ROWS && rows.hasNext()) {
                Object[] values = rows.next();
                Row row = sh.createRow(r++);
                for (int c = 0; c < cols && c < values.length; c++) {
                    Object v = values[c];
                    if (v instanceof Number n) {
                        org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(valueStyle[c]);
                    } else if (v instanceof String str && str.length() <= 32_767) {
                        org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                        cell.setCellValue(str);
                        if (jp.ebpm.analysis.io.CsvWriter.isFormulaLike(str)) {
                            cell.setCellStyle(quoted);
                        }
                    } else if (v instanceof java.time.LocalDate d && d.getYear() >= 1901) {
                        // Excel serial date = days since 1899-12-30 (1970-01-01 is 25569); faster than DateUtil
                        org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                        cell.setCellValue(d.toEpochDay() + 25_569.0);
                        cell.setCellStyle(date);
                    } else if (v != null) {
                        styles.set(row.createCell(c), v, Styles.Role.PLAIN, patterns[c]);
                    }
                }
                total++;
                if (total % 10_000 == 0) {
                    cancel.check();
                    progress.progress("Writing rows", total, -1);
                }
            }
        }
        finish(sh, cols, r, reportTitle);
        progress.progress("Writing rows", total, total);
        return total;
    }

    private static void finish(SXSSFSheet sh, int cols, int rowsWritten, String reportTitle) {
        sh.createFreezePane(0, 1);
        if (cols > 0) {
            sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowsWritten - 1), 0, cols - 1));
        }
        SheetSetup.print(sh, reportTitle, 0, 0);
    }
}
