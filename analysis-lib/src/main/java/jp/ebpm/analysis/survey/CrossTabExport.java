package jp.ebpm.analysis.survey;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.CsvWriter;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Flat ("long") views of a cross-tabulation: one line per cell with layer, row, column, count, expected,
 * row %, column %, total %, adjusted residual, marker and letters. Used for CSV, .xlsx and as a Tablesaw
 * {@link Table} for charts and further exports.
 */
public final class CrossTabExport {

    /** Column names of the flat view. */
    public static final List<String> COLUMNS = List.of("layer", "row", "col", "count", "expected", "row_pct", "col_pct",
            "total_pct", "adjusted_residual", "marker", "letters");

    private CrossTabExport() {
    }

    /** The flat rows: overall table first, then each layer. */
    public static List<List<Object>> rows(CrossTabResult r) {
        List<List<Object>> out = new ArrayList<>();
        add(out, r.overall(), "");
        for (CrossTab t : r.layers()) {
            add(out, t, t.layer().label());
        }
        return out;
    }

    private static void add(List<List<Object>> out, CrossTab t, String layer) {
        for (int i = 0; i < t.rows().size(); i++) {
            for (int j = 0; j < t.cols().size(); j++) {
                out.add(List.of(layer, t.rows().get(i).label(), t.cols().get(j).label(), t.table().counts()[i][j],
                        t.table().expected()[i][j], t.table().rowPct()[i][j], t.table().colPct()[i][j],
                        t.table().totalPct()[i][j], t.tests().adjustedResiduals()[i][j], t.markers()[i][j], t.letters()[i][j]));
            }
        }
    }

    /** A Tablesaw table of the flat rows. */
    public static Table toTable(CrossTabResult r) {
        List<List<Object>> rows = rows(r);
        Table t = Table.create(r.spec().rowVar() + " × " + r.spec().colVar());
        for (int c = 0; c < COLUMNS.size(); c++) {
            int k = c;
            if (c <= 2 || c >= 9) {
                t.addColumns(StringColumn.create(COLUMNS.get(c), rows.stream().map(x -> String.valueOf(x.get(k))).toList()));
            } else {
                t.addColumns(DoubleColumn.create(COLUMNS.get(c), rows.stream().mapToDouble(x -> ((Number) x.get(k)).doubleValue())));
            }
        }
        return t;
    }

    /** Writes the flat rows as CSV (guarded against spreadsheet formula injection). */
    public static void writeCsv(CrossTabResult r, Writer w) throws IOException {
        CsvWriter csv = CsvWriter.forSpreadsheets(w);
        csv.row(COLUMNS);
        for (List<Object> row : rows(r)) {
            csv.row(row);
        }
        csv.flush();
    }

    /**
     * Writes an .xlsx workbook: sheet "table" with counts and column % as a grid per table (markers and
     * letters beside the %), sheet "cells" with the flat rows, and sheet "statistics".
     */
    public static void writeXlsx(CrossTabResult r, Path file) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet grid = wb.createSheet("table");
            int line = 0;
            List<CrossTab> tables = new ArrayList<>();
            tables.add(r.overall());
            tables.addAll(r.layers());
            for (CrossTab t : tables) {
                line = grid(grid, line, t, r.spec());
            }
            Sheet cells = wb.createSheet("cells");
            Row h = cells.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                h.createCell(c).setCellValue(COLUMNS.get(c));
            }
            int i = 1;
            for (List<Object> row : rows(r)) {
                Row x = cells.createRow(i++);
                for (int c = 0; c < row.size(); c++) {
                    set(x.createCell(c), row.get(c));
                }
            }
            Sheet stats = wb.createSheet("statistics");
            int s = 0;
            for (CrossTab t : tables) {
                String prefix = t.layer() == null ? "" : t.layer().label() + ": ";
                s = stat(stats, s, prefix + "Pearson chi-square", t.tests().pearson().statistic());
                s = stat(stats, s, prefix + "df", t.tests().pearson().df());
                s = stat(stats, s, prefix + "p", t.tests().pearson().p());
                s = stat(stats, s, prefix + "Likelihood ratio", t.tests().likelihoodRatio().statistic());
                s = stat(stats, s, prefix + "Cramer's V", t.tests().cramersV());
                if (t.tests().fisher() != null) {
                    s = stat(stats, s, prefix + "Fisher exact p (two-sided)", t.tests().fisher().pTwoSided());
                }
                if (t.raoScott() != null) {
                    s = stat(stats, s, prefix + "Rao-Scott F", t.raoScott().f());
                    s = stat(stats, s, prefix + "Rao-Scott ndf", t.raoScott().ndf());
                    s = stat(stats, s, prefix + "Rao-Scott ddf", t.raoScott().ddf());
                    s = stat(stats, s, prefix + "Rao-Scott p", t.raoScott().p());
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static int grid(Sheet sheet, int line, CrossTab t, CrossTabSpec spec) {
        Row title = sheet.createRow(line++);
        title.createCell(0).setCellValue(spec.rowVar() + " × " + spec.colVar() + (t.layer() == null ? "" : " [" + t.layer().label() + "]"));
        Row head = sheet.createRow(line++);
        head.createCell(0).setCellValue("");
        for (int j = 0; j < t.cols().size(); j++) {
            head.createCell(1 + 2 * j).setCellValue(t.cols().get(j).label() + " (" + t.colLetters().get(j) + ") n");
            head.createCell(2 + 2 * j).setCellValue(t.cols().get(j).label() + " %");
        }
        for (int i = 0; i < t.rows().size(); i++) {
            Row row = sheet.createRow(line++);
            row.createCell(0).setCellValue(t.rows().get(i).label());
            for (int j = 0; j < t.cols().size(); j++) {
                row.createCell(1 + 2 * j).setCellValue(t.table().counts()[i][j]);
                String mark = t.markers()[i][j] + t.letters()[i][j];
                double pct = t.table().colPct()[i][j];
                if (mark.isEmpty()) {
                    set(row.createCell(2 + 2 * j), pct);
                } else {
                    row.createCell(2 + 2 * j).setCellValue(String.format(java.util.Locale.ROOT, "%.1f %s", pct, mark));
                }
            }
        }
        Row base = sheet.createRow(line++);
        base.createCell(0).setCellValue("base n");
        for (int j = 0; j < t.cols().size(); j++) {
            base.createCell(1 + 2 * j).setCellValue(t.colBase()[j]);
        }
        return line + 1;
    }

    private static int stat(Sheet sheet, int line, String name, double v) {
        Row r = sheet.createRow(line);
        r.createCell(0).setCellValue(name);
        set(r.createCell(1), v);
        return line + 1;
    }

    private static void set(Cell cell, Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                cell.setCellValue("");
            } else {
                cell.setCellValue(d);
            }
        } else {
            cell.setCellValue(v == null ? "" : v.toString());
        }
    }
}
