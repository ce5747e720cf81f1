package jp.ebpm.analysis.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EmptyFileException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.RecordFormatException;

import jp.ebpm.analysis.WorkbenchException;

/**
 * The cells of one Excel sheet read with Apache POI (.xlsx and .xls): text as {@link String}, numbers as
 * {@link Double}, date-formatted numbers as {@link LocalDateTime}, booleans as {@link Boolean}, error values as
 * {@link CellError}, empty cells as {@code null}. Formulas give their cached values (what Excel last
 * computed); they are never recalculated.
 *
 * @param sheetName the sheet's name
 * @param sheets    all sheet names of the workbook
 * @param cells     rows by 0-based sheet row index (missing rows are empty lists)
 * @param merged    merged cell ranges of the sheet
 * @param width     number of columns up to the last used one
 */
record ExcelGrid(String sheetName, List<String> sheets, List<List<Object>> cells, List<CellRangeAddress> merged, int width) {

    /** An error value such as {@code #DIV/0!}. */
    record CellError(String code) {
    }

    /** The value at a position, or {@code null}. */
    Object get(int row, int col) {
        if (row < 0 || row >= cells.size()) {
            return null;
        }
        List<Object> r = cells.get(row);
        return col < r.size() ? r.get(col) : null;
    }

    /** The value at a position, with a merged range's top-left value repeated over the whole range. */
    Object getMerged(int row, int col) {
        for (CellRangeAddress m : merged) {
            if (m.isInRange(row, col)) {
                return get(m.getFirstRow(), m.getFirstColumn());
            }
        }
        return get(row, col);
    }

    /** The A1-style reference of a cell, with the sheet: {@code Sheet1!C12}. */
    String ref(int row, int col) {
        return sheetName + "!" + new CellAddress(row, col).formatAsString();
    }

    static boolean isEmpty(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }

    /**
     * Opens a workbook and reads one sheet.
     *
     * @param sheet sheet name, or 1-based index as text, or {@code null} for the first sheet
     * @throws WorkbenchException when the file is damaged, truncated or the sheet does not exist
     */
    static ExcelGrid read(Path file, String sheet) {
        String fileName = file.getFileName().toString();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                names.add(wb.getSheetName(i));
            }
            Sheet s = choose(wb, names, sheet, fileName);
            List<List<Object>> rows = new ArrayList<>();
            int width = 0;
            for (int r = 0; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                List<Object> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        values.add(value(row.getCell(c)));
                    }
                    while (!values.isEmpty() && isEmpty(values.get(values.size() - 1))) {
                        values.remove(values.size() - 1);
                    }
                }
                width = Math.max(width, values.size());
                rows.add(values);
            }
            return new ExcelGrid(s.getSheetName(), names, rows, List.copyOf(s.getMergedRegions()), width);
        } catch (EmptyFileException e) {
            throw new WorkbenchException("The Excel file is empty (0 bytes).", fileName, null, null, e);
        } catch (IOException | POIXMLException | OpenXML4JRuntimeException
                 | RecordFormatException | IllegalStateException | IllegalArgumentException e) {
            throw new WorkbenchException("The Excel file cannot be read; it is damaged, incomplete (for example cut off"
                    + " during download) or protected with a password. Open it in Excel and save it again. (" + e.getMessage() + ")",
                    fileName, null, null, e);
        }
    }

    private static Sheet choose(Workbook wb, List<String> names, String sheet, String fileName) {
        if (names.isEmpty()) {
            throw new WorkbenchException("The workbook has no sheets.", fileName, null, null, null);
        }
        if (sheet == null || sheet.isBlank()) {
            return wb.getSheetAt(0);
        }
        int idx = names.indexOf(sheet);
        if (idx >= 0) {
            return wb.getSheetAt(idx);
        }
        if (sheet.strip().matches("\\d+")) {
            int n = Integer.parseInt(sheet.strip());
            if (n >= 1 && n <= names.size()) {
                return wb.getSheetAt(n - 1);
            }
        }
        throw new WorkbenchException("The workbook has no sheet \"" + sheet + "\". Its sheets are: "
                + String.join(", ", names) + " (or give the number 1 to " + names.size() + ").", fileName, null, null, null);
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType t = cell.getCellType();
        if (t == CellType.FORMULA) {
            t = cell.getCachedFormulaResultType();
        }
        return switch (t) {
            case STRING -> {
                String s = cell.getStringCellValue();
                yield s == null || s.isEmpty() ? null : s;
            }
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue() : (Object) cell.getNumericCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case ERROR -> new CellError(errorCode(cell.getErrorCellValue()));
            default -> null;
        };
    }

    private static String errorCode(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }
}
