package jp.ebpm.analysis.export.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Reads one sheet of a small .xlsx file as rows of typed cells, and writes rows as a clerk-friendly sheet
 * (bold header, frozen header row, autofilter, widths, formula-injection guard). For data entry files such as
 * the KPI register, not for large tables.
 *
 * @since 0.1
 */
public final class XlsxGrid {

    private XlsxGrid() {
    }

    /**
     * Reads the sheet named one of {@code preferredSheets} (first match), else the first sheet, of an .xlsx or
     * legacy .xls workbook. Numeric cells
     * come back as {@link Double}, formulas as their cached value, dates as text {@code yyyy-MM-dd}, booleans as
     * {@link Boolean}, text as {@link String}.
     *
     * @throws WorkbenchException when the file is not a readable .xlsx workbook
     */
    public static List<GridRow> read(Path file, String... preferredSheets) {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file); org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(in)) {
            Sheet sh = null;
            for (String p : preferredSheets) {
                if (sh == null) {
                    sh = wb.getSheet(p);
                }
            }
            if (sh == null) {
                sh = wb.getSheetAt(0);
            }
            DataFormatter fmt = new DataFormatter();
            List<GridRow> rows = new ArrayList<>();
            for (Row row : sh) {
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(value(row.getCell(c), fmt));
                }
                rows.add(new GridRow(row.getRowNum() + 1L, cells));
            }
            return rows;
        } catch (NotOfficeXmlFileException | EncryptedDocumentException e) {
            throw new WorkbenchException("Not an Excel workbook (.xlsx or .xls): " + e.getMessage(), name, null, null, e);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read the workbook: " + e.getMessage(), name, null, null, e);
        }
    }

    private static Object value(Cell cell, DataFormatter fmt) {
        if (cell == null) {
            return null;
        }
        CellType t = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (t) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString() : (Object) cell.getNumericCellValue();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case BLANK, ERROR, _NONE -> null;
            default -> fmt.formatCellValue(cell);
        };
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
