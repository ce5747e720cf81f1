package jp.ebpm.analysis.io;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.store.TableWriter;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Imports one sheet of an Excel workbook (.xlsx or .xls).
 *
 * <p>Layout rules. The table has a header unless its first row holds no text at all (years as numbers are
 * fine in a header). Title rows above the table are skipped: the header is the first row that has at least
 * half as many filled cells as the fullest of the first 50 rows (and at least 2 when any row has 2). A header
 * row with a merged cell spanning several columns over a row of text gets a second header row; the two are
 * combined as {@code parent_child}. Merged header cells repeat their value over the merged range. Below the
 * table, trailing rows with a single filled cell (notes such as {@code 資料：...}) are left out.
 *
 * <p>Types: a column whose cells are all numbers is {@code BIGINT} when all are whole (and below 2^53), else
 * {@code DOUBLE}; all dates give {@code DATE} (all at midnight) or {@code TIMESTAMP}; all booleans give
 * {@code BOOLEAN}; anything else (mixed or text) is {@code VARCHAR}. Error values ({@code #DIV/0!}) are read as
 * missing with a warning naming the cell.
 */
final class ExcelImport {

    private static final double MAX_EXACT = 9.007199254740992E15;

    private ExcelImport() {
    }

    /** Where the table is on the sheet and what its columns are. */
    record Layout(int headerRow, int headerRows, List<String> names, int firstData, int endData, int width) {
    }

    static Layout layout(SheetGrid g, ImportOptions o, String fileName) {
        int rows = g.cells().size();
        int maxCount = 0;
        for (int r = 0; r < Math.min(rows, 50); r++) {
            maxCount = Math.max(maxCount, count(g, r));
        }
        if (maxCount == 0) {
            throw new WorkbenchException("The sheet \"" + g.sheetName() + "\" is empty; there is nothing to import.", fileName, null, null, null);
        }
        int header;
        if (o.skipRows() != null) {
            header = o.skipRows();
        } else {
            int need = Math.max(maxCount >= 2 ? 2 : 1, (maxCount + 1) / 2);
            header = 0;
            while (header < rows && count(g, header) < need) {
                header++;
            }
        }
        boolean hasHeader = o.header() != null ? o.header() : o.statistics() || hasText(g, header);
        int headerRows = 0;
        if (hasHeader) {
            headerRows = o.headerRows() != null ? o.headerRows() : o.statistics() ? statisticsHeaderRows(g, header) : spanningHeaderRows(g, header);
        }
        int width = g.width();
        List<String> names = new ArrayList<>();
        if (headerRows == 0) {
            for (int c = 1; c <= width; c++) {
                names.add("column" + c);
            }
        } else {
            List<List<String>> hrows = new ArrayList<>();
            for (int r = header; r < header + headerRows; r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    row.add(text(g.getMerged(r, c)));
                }
                hrows.add(row);
            }
            names.addAll(HeaderNames.combine(hrows, width, true));
        }
        int firstData = header + headerRows;
        int end = rows;
        while (end > firstData && (count(g, end - 1) == 0 || (g.width() > 1 && count(g, end - 1) == 1))) {
            end--;
        }
        // drop columns that are empty in the header and in all data
        while (width > 0 && names.get(width - 1).isEmpty() && columnEmpty(g, width - 1, firstData, end)) {
            names.remove(width - 1);
            width--;
        }
        for (int c = 0; c < names.size(); c++) {
            if (names.get(c).isBlank()) {
                throw new WorkbenchException(g.ref(header, c) + ": column " + (c + 1) + " has no name in the header row."
                        + " Give every column a name, or choose the header row (skip rows).", fileName, null, null, null);
            }
            for (int d = 0; d < c; d++) {
                if (names.get(d).equalsIgnoreCase(names.get(c))) {
                    throw new WorkbenchException(g.ref(header, c) + ": the column name \"" + names.get(c) + "\" appears twice"
                            + " in the header (also " + g.ref(header, d) + "). Column names must be unique.", fileName, null, null, null);
                }
            }
        }
        if (end <= firstData) {
            throw new WorkbenchException("The sheet \"" + g.sheetName() + "\" has a header but no data rows; there is nothing to import.",
                    fileName, null, null, null);
        }
        return new Layout(header, headerRows, names, firstData, end, width);
    }

    private static int count(SheetGrid g, int r) {
        int n = 0;
        if (r < g.cells().size()) {
            for (Object v : g.cells().get(r)) {
                if (!SheetGrid.isEmpty(v)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean hasNumbers(SheetGrid g, int r, int fromCol) {
        for (int c = fromCol; c < g.width(); c++) {
            Object v = g.get(r, c);
            if (v instanceof Double || (fromCol > 0 && StatisticsTable.isSymbol(v instanceof String s ? s : null))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a row holds at least one text cell (a header row may hold years as numbers, e.g. 2015, 2020). */
    private static boolean hasText(SheetGrid g, int r) {
        for (int c = 0; c < g.width(); c++) {
            if (g.get(r, c) instanceof String s && !s.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean columnEmpty(SheetGrid g, int c, int from, int to) {
        for (int r = from; r < to; r++) {
            if (!SheetGrid.isEmpty(g.get(r, c))) {
                return false;
            }
        }
        return true;
    }

    private static int statisticsHeaderRows(SheetGrid g, int header) {
        int n = 1;
        while (n < 5 && header + n < g.cells().size() && !hasNumbers(g, header + n, 1)) {
            n++;
        }
        return n;
    }

    private static int spanningHeaderRows(SheetGrid g, int header) {
        for (SheetGrid.Range m : g.merged()) {
            if (m.firstRow() == header && m.lastColumn() > m.firstColumn()
                    && !hasNumbers(g, header + 1, 0) && count(g, header + 1) > 0) {
                return 2;
            }
        }
        return 1;
    }

    static String text(Object v) {
        if (v == null || v instanceof SheetGrid.CellError) {
            return v == null ? "" : ((SheetGrid.CellError) v).code();
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString().replace('T', ' ');
        }
        return v.toString().strip();
    }

    /** Whether a column holds only numbers and statistics symbols, with at least one of each. */
    static boolean numbersWithSymbols(SheetGrid g, int c, int from, int to) {
        boolean number = false;
        boolean symbol = false;
        for (int r = from; r < to; r++) {
            Object v = g.get(r, c);
            if (SheetGrid.isEmpty(v)) {
                continue;
            }
            if (v instanceof Double) {
                number = true;
            } else if (v instanceof String s && StatisticsTable.isSymbol(s)) {
                symbol = true;
            } else {
                return false;
            }
        }
        return number && symbol;
    }

    static String columnType(SheetGrid g, int c, int from, int to) {
        boolean any = false;
        boolean nums = true;
        boolean whole = true;
        boolean dates = true;
        boolean midnight = true;
        boolean bools = true;
        for (int r = from; r < to; r++) {
            Object v = g.get(r, c);
            if (SheetGrid.isEmpty(v) || v instanceof SheetGrid.CellError) {
                continue;
            }
            any = true;
            nums &= v instanceof Double;
            dates &= v instanceof LocalDateTime;
            bools &= v instanceof Boolean;
            if (v instanceof Double d) {
                whole &= d == Math.rint(d) && Math.abs(d) < MAX_EXACT;
            }
            if (v instanceof LocalDateTime t) {
                midnight &= t.toLocalTime().equals(LocalTime.MIDNIGHT);
            }
        }
        if (!any) {
            return "VARCHAR";
        }
        if (nums) {
            return whole ? "BIGINT" : "DOUBLE";
        }
        if (dates) {
            return midnight ? "DATE" : "TIMESTAMP";
        }
        return bools ? "BOOLEAN" : "VARCHAR";
    }

    private static Object convert(Object v, String type) {
        if (SheetGrid.isEmpty(v) || v instanceof SheetGrid.CellError) {
            return null;
        }
        return switch (type) {
            case "BIGINT" -> (long) (double) (Double) v;
            case "DOUBLE", "BOOLEAN", "TIMESTAMP" -> v;
            case "DATE" -> ((LocalDateTime) v).toLocalDate();
            default -> text(v);
        };
    }

    static ImportPreview preview(Path file, ImportOptions o) {
        String fileName = file.getFileName().toString();
        SheetGrid g = SheetGrid.read(file, o.sheet());
        Layout l = layout(g, o, fileName);
        List<ColumnInfo> cols = new ArrayList<>();
        for (int c = 0; c < l.width(); c++) {
            String t = o.statistics() ? "VARCHAR" : columnType(g, c, l.firstData(), l.endData());
            cols.add(new ColumnInfo(l.names().get(c), o.columnTypes().getOrDefault(l.names().get(c), t)));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = l.firstData(); r < l.endData() && rows.size() < 100; r++) {
            if (count(g, r) == 0) {
                continue;
            }
            List<String> row = new ArrayList<>();
            for (int c = 0; c < l.width(); c++) {
                Object v = g.get(r, c);
                row.add(SheetGrid.isEmpty(v) ? null : text(v));
            }
            rows.add(row);
        }
        String format = SourceFormat.extension(file).equals("xls") ? "xls" : "xlsx";
        return new ImportPreview(format, null, null, l.headerRows() > 0, g.sheets(), l.headerRow(), cols, rows, List.of());
    }

    static ImportResult run(Project p, Path file, ImportOptions o, String name, ProgressListener progress, Cancellation cancel) {
        String fileName = file.getFileName().toString();
        String sha = Transcoder.sha256(file, ProgressListener.NONE, cancel);
        progress.progress("Reading " + fileName, 0, -1);
        SheetGrid g = SheetGrid.read(file, o.sheet());
        cancel.check();
        Layout l = layout(g, o, fileName);
        ImportSupport.checkOverrides(o.columnTypes(), l.names(), fileName);
        List<String> warnings = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int c = 0; c < l.width(); c++) {
            types.add(o.statistics() ? "VARCHAR" : columnType(g, c, l.firstData(), l.endData()));
        }
        if (!o.statistics()) {
            for (int c = 0; c < l.width(); c++) {
                if (types.get(c).equals("VARCHAR") && numbersWithSymbols(g, c, l.firstData(), l.endData())) {
                    warnings.add("The column \"" + l.names().get(c) + "\" holds numbers and statistics symbols (χ, -, …),"
                            + " so it was read as text. Import it as a statistics table to keep it numeric.");
                }
            }
        }
        DatasetInfo info = p.inTransaction(conn -> {
            String table = o.statistics() ? "_wb_stage_" + UUID.randomUUID().toString().replace("-", "") : name;
            List<ColumnInfo> cols = new ArrayList<>();
            for (int c = 0; c < l.width(); c++) {
                cols.add(new ColumnInfo(o.statistics() ? "c" + (c + 1) : l.names().get(c), types.get(c)));
            }
            long total = l.endData() - l.firstData();
            try (TableWriter w = TableWriter.create(conn, table, cols)) {
                for (int r = l.firstData(); r < l.endData(); r++) {
                    if (((r - l.firstData()) & 1023) == 0) {
                        cancel.check();
                        progress.progress(null, r - l.firstData(), total);
                    }
                    if (count(g, r) == 0) {
                        continue;
                    }
                    Object[] row = new Object[l.width()];
                    for (int c = 0; c < l.width(); c++) {
                        Object v = g.get(r, c);
                        if (v instanceof SheetGrid.CellError e && warnings.size() < 20) {
                            warnings.add(g.ref(r, c) + " holds the error " + e.code() + "; it was read as a missing value.");
                        }
                        row[c] = convert(v, types.get(c));
                    }
                    w.row(row);
                }
            }
            if (o.statistics()) {
                StatisticsTable.Outcome out = StatisticsTable.convert(conn, table, name, l.names(), cancel);
                ImportSupport.execute(conn, "DROP TABLE " + Sql.ident(table), cancel);
                if (out.droppedRows() > 0) {
                    warnings.add(out.droppedRows() + " rows with nothing after their first cell (notes under the table) were left out.");
                }
                if (out.symbolCells() > 0) {
                    warnings.add(out.symbolCells() + " cells held statistics symbols and were read as missing values;"
                            + " the symbols are kept in " + String.join(", ", out.flaggedColumns().stream().map(s -> s + "_flag").toList()) + ".");
                }
            }
            ImportSupport.applyOverrides(conn, name, o.columnTypes(), fileName);
            long rows = ImportSupport.requireRows(conn, name, fileName, "sheet");
            Map<String, String> props = new LinkedHashMap<>();
            props.put("format", SourceFormat.extension(file).equals("xls") ? "xls" : "xlsx");
            props.put("sheet", g.sheetName());
            props.put("header_row", String.valueOf(l.headerRow() + 1));
            props.put("header_rows", String.valueOf(l.headerRows()));
            cancel.check();
            return ImportSupport.register(p, conn, name, file, sha, rows, null, o, props);
        });
        return new ImportResult(info, warnings);
    }

}
