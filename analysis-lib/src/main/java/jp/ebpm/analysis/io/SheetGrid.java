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
 * The cells of one Excel sheet (.xlsx and .xls), read by {@link #read}: the only sheet reader of the library,
 * used by the table importer, KPI registers, codebooks and point tables alike.
 *
 * <p>One cell convention everywhere: text as {@link String} (an empty string is {@code null}), numbers as
 * {@link Double}, date-formatted numbers as {@link LocalDateTime} (the text form, {@link GridRow#text}, is
 * {@code yyyy-MM-dd} at midnight), booleans as {@link Boolean}, error values as {@link CellError}, empty cells
 * as {@code null}. Formulas give their cached values (what Excel last computed); they are never recalculated.
 *
 * <p>Hostile workbooks: POI's zip-bomb limits are set once by {@link PoiLimits}; a workbook over them, a damaged
 * or password-protected one gives one plain message naming the file.
 *
 * @param sheetName the sheet's name
 * @param sheets    all sheet names of the workbook
 * @param cells     rows by 0-based sheet row index (missing rows are empty lists)
 * @param merged    merged cell ranges of the sheet
 * @param width     number of columns up to the last used one
 * @since 0.1
 */
public record SheetGrid(String sheetName, List<String> sheets, List<List<Object>> cells, List<Range> merged, int width) {

    /** An error value such as {@code #DIV/0!}. */
    public record CellError(String code) {
        @Override
        public String toString() {
            return code;
        }
    }

    /** A merged range, 0-based and inclusive. */
    public record Range(int firstRow, int lastRow, int firstColumn, int lastColumn) {

        /** Whether a cell lies in the range. */
        public boolean contains(int row, int col) {
            return row >= firstRow && row <= lastRow && col >= firstColumn && col <= lastColumn;
        }
    }

    /** The value at a position, or {@code null}. */
    public Object get(int row, int col) {
        if (row < 0 || row >= cells.size()) {
            return null;
        }
        List<Object> r = cells.get(row);
        return col < r.size() ? r.get(col) : null;
    }

    /** The value at a position, with a merged range's top-left value repeated over the whole range. */
    public Object getMerged(int row, int col) {
        for (Range m : merged) {
            if (m.contains(row, col)) {
                return get(m.firstRow(), m.firstColumn());
            }
        }
        return get(row, col);
    }

    /** The A1-style reference of a cell, with the sheet: {@code Sheet1!C12}. */
    public String ref(int row, int col) {
        return sheetName + "!" + new CellAddress(row, col).formatAsString();
    }

    /** Whether a cell value is empty ({@code null} or blank text). */
    public static boolean isEmpty(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }

    /**
     * The rows as {@link GridRow}s numbered as the spreadsheet shows them (1-based), leading to the last row
     * that has a value; empty rows are kept as rows without cells.
     */
    public List<GridRow> rows() {
        List<GridRow> out = new ArrayList<>(cells.size());
        for (int r = 0; r < cells.size(); r++) {
            out.add(new GridRow(r + 1L, cells.get(r)));
        }
        return out;
    }

    /**
     * The non-blank rows as text records ({@link GridRow#text} of each cell), numbered as the spreadsheet shows
     * them, so small tables read from a sheet or a CSV file look the same to their parser.
     */
    public List<DelimitedText.Record> textRecords() {
        List<DelimitedText.Record> out = new ArrayList<>();
        for (GridRow r : rows()) {
            if (!r.isBlank()) {
                out.add(new DelimitedText.Record(r.number(), r.cells().stream().map(GridRow::text).toList()));
            }
        }
        return out;
    }

    /**
     * Reads a small table from a sheet (.xlsx, .xlsm, .xls: first sheet) or a delimited text file (any other
     * name: encoding and delimiter detected), as text records without blank lines.
     */
    public static List<DelimitedText.Record> readTable(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls")) {
            return read(file, null).textRecords();
        }
        return DelimitedText.read(file, null, null).value();
    }

    /**
     * Opens a workbook and reads one sheet.
     *
     * @param sheet sheet name, or 1-based index as text, or {@code null} for the first sheet
     * @throws WorkbenchException when the file is damaged, truncated, a zip bomb, protected, or the sheet does not
     *                            exist
     */
    public static SheetGrid read(Path file, String sheet) {
        return read(file, sheet == null ? List.of() : List.of(sheet), false);
    }

    /**
     * Reads the first sheet named in {@code preferred} that exists, else the first sheet (KPI registers look for
     * their sheet name before taking the first sheet).
     */
    public static SheetGrid readPreferred(Path file, String... preferred) {
        return read(file, List.of(preferred), true);
    }

    private static SheetGrid read(Path file, List<String> wanted, boolean fallback) {
        String fileName = file.getFileName().toString();
        PoiLimits.apply();
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new WorkbenchException("The file does not exist or is a folder. Check the path.", fileName, null, null, null);
        }
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                names.add(wb.getSheetName(i));
            }
            Sheet s = null;
            if (fallback) {
                for (String w : wanted) {
                    if (s == null && names.contains(w)) {
                        s = wb.getSheet(w);
                    }
                }
                if (s == null && !names.isEmpty()) {
                    s = wb.getSheetAt(0);
                }
            }
            if (s == null) {
                s = choose(wb, names, wanted.isEmpty() ? null : wanted.get(0), fileName);
            }
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
            List<Range> merged = new ArrayList<>();
            for (CellRangeAddress m : s.getMergedRegions()) {
                merged.add(new Range(m.getFirstRow(), m.getLastRow(), m.getFirstColumn(), m.getLastColumn()));
            }
            return new SheetGrid(s.getSheetName(), names, rows, List.copyOf(merged), width);
        } catch (EmptyFileException e) {
            throw new WorkbenchException("The Excel file is empty (0 bytes).", fileName, null, null, e);
        } catch (IOException | POIXMLException | OpenXML4JRuntimeException
                 | RecordFormatException | IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
            throw PoiLimits.unreadable(fileName, e);
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
