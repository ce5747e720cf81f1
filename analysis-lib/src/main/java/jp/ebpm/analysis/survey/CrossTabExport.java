package jp.ebpm.analysis.survey;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;


import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.export.xlsx.CellFormat;
import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportInfo;
import jp.ebpm.analysis.export.xlsx.ReportTable;
import jp.ebpm.analysis.export.xlsx.ReportWriter;
import jp.ebpm.analysis.export.xlsx.TableCell;
import jp.ebpm.analysis.io.CsvWriter;

/**
 * Flat ("long") views of a cross-tabulation: one line per cell with layer, row, column, count, expected,
 * row %, column %, total %, adjusted residual, marker and letters. Used for CSV and .xlsx (small results are plain
 * rows; see docs/adr/0003 on why there is no Tablesaw table).
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
     * Writes an .xlsx workbook through the shared report writer: a cross-tab sheet per table (counts and
     * column % with ▲/▼ markers and column letters, base n and notes), sheet "cells" with the flat rows, and
     * sheet "statistics"; print-ready with provenance (see {@link #reportTables}).
     */
    public static void writeXlsx(CrossTabResult r, Path file) {
        try (ReportWriter w = new ReportWriter(ReportInfo.of(r.spec().rowVar() + " × " + r.spec().colVar(), "",
                LocalDate.now(), System.getProperty("user.name", ""), "EBPM Workbench"))) {
            for (ReportTable t : reportTables(r, Provenance.of(List.of(), System.getProperty("user.name", ""), null))) {
                w.addTable(t);
            }
            w.write(file);
        }
    }

    /**
     * The result as report tables: one cross-tab per table (overall, then each layer), the flat cells and
     * the statistics. Used by {@link #writeXlsx} and by report specs.
     */
    public static List<ReportTable> reportTables(CrossTabResult r, Provenance provenance) {
        CrossTabSpec spec = r.spec();
        Provenance prov = new Provenance(provenance.sources(), provenance.filters(),
                spec.weightVar() == null ? "" : spec.weightVar() + " (" + spec.weightKind() + ")",
                provenance.suppression(), provenance.analyst(), provenance.createdAt());
        List<CrossTab> tables = new ArrayList<>();
        tables.add(r.overall());
        tables.addAll(r.layers());
        List<ReportTable> out = new ArrayList<>();
        for (CrossTab t : tables) {
            out.add(gridTable(t, spec, prov));
        }
        List<List<TableCell>> cells = new ArrayList<>();
        for (List<Object> row : rows(r)) {
            List<TableCell> x = new ArrayList<>();
            for (Object v : row) {
                x.add(cell(v));
            }
            cells.add(x);
        }
        out.add(ReportTable.of("cells", COLUMNS, cells, List.of(), prov));
        List<List<TableCell>> stats = new ArrayList<>();
        for (CrossTab t : tables) {
            String prefix = t.layer() == null ? "" : t.layer().label() + ": ";
            stat(stats, prefix + "Pearson chi-square", t.tests().pearson().statistic());
            stat(stats, prefix + "df", t.tests().pearson().df());
            stat(stats, prefix + "p", t.tests().pearson().p());
            stat(stats, prefix + "Likelihood ratio", t.tests().likelihoodRatio().statistic());
            stat(stats, prefix + "Likelihood ratio p", t.tests().likelihoodRatio().p());
            stat(stats, prefix + "Cramer's V", t.tests().cramersV());
            stat(stats, prefix + "Contingency coefficient", t.tests().contingencyCoefficient());
            if (t.isTwoByTwo()) {
                stat(stats, prefix + "Phi", t.tests().phi());
            }
            if (t.tests().fisher() != null) {
                stat(stats, prefix + "Fisher exact p (two-sided)", t.tests().fisher().pTwoSided());
            }
            if (t.raoScott() != null) {
                stat(stats, prefix + "Rao-Scott F", t.raoScott().f());
                stat(stats, prefix + "Rao-Scott ndf", t.raoScott().ndf());
                stat(stats, prefix + "Rao-Scott ddf", t.raoScott().ddf());
                stat(stats, prefix + "Rao-Scott p", t.raoScott().p());
            }
        }
        out.add(ReportTable.of("statistics", List.of("statistic", "value"), stats, List.of(), prov));
        return out;
    }

    private static ReportTable gridTable(CrossTab t, CrossTabSpec spec, Provenance prov) {
        List<String> head = new ArrayList<>();
        head.add(spec.rowVar());
        for (int j = 0; j < t.cols().size(); j++) {
            head.add(t.cols().get(j).label() + " (" + t.colLetters().get(j) + ") n");
            head.add(t.cols().get(j).label() + " %");
        }
        List<List<TableCell>> body = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            List<TableCell> row = new ArrayList<>();
            row.add(TableCell.text(t.rows().get(i).label()));
            for (int j = 0; j < t.cols().size(); j++) {
                row.add(TableCell.number(t.table().counts()[i][j],
                        isWhole(t.table().counts()[i][j]) ? CellFormat.INTEGER : CellFormat.DECIMAL1));
                double pct = t.table().colPct()[i][j];
                row.add(TableCell.percent(Double.isNaN(pct) ? null : pct / 100.0)
                        .withMarker(t.markers()[i][j] + t.letters()[i][j]));
            }
            body.add(row);
        }
        for (CrossTab.NetRow net : t.nets()) {
            List<TableCell> row = new ArrayList<>();
            row.add(TableCell.text("NET " + net.label()));
            for (int j = 0; j < t.cols().size(); j++) {
                row.add(TableCell.number(net.counts()[j], isWhole(net.counts()[j]) ? CellFormat.INTEGER : CellFormat.DECIMAL1));
                double pct = net.colPct()[j];
                row.add(TableCell.percent(Double.isNaN(pct) ? null : pct / 100.0).withMarker(net.letters()[j]));
            }
            body.add(row);
        }
        List<TableCell> base = new ArrayList<>();
        base.add(TableCell.text("base n"));
        for (int j = 0; j < t.cols().size(); j++) {
            base.add(TableCell.number(t.colBase()[j], isWhole(t.colBase()[j]) ? CellFormat.INTEGER : CellFormat.DECIMAL1));
            base.add(TableCell.empty());
        }
        body.add(base);
        for (CrossTab.MissingRow m : t.missingRows()) {
            List<TableCell> row = new ArrayList<>();
            row.add(TableCell.text("(" + m.label() + ")"));
            for (int j = 0; j < t.cols().size(); j++) {
                row.add(TableCell.number(m.counts()[j], isWhole(m.counts()[j]) ? CellFormat.INTEGER : CellFormat.DECIMAL1));
                row.add(TableCell.empty());
            }
            body.add(row);
        }
        List<String> notes = new ArrayList<>();
        if (!t.nets().isEmpty()) {
            notes.add("NET rows combine row categories; their letters use the same column-proportion test.");
        }
        if (!t.missingRows().isEmpty()) {
            notes.add("Rows in brackets are missing values: shown for information, not part of any base or percentage.");
        }
        notes.add("▲/▼: adjusted standardized residual significantly above/below expectation (p < " + spec.alpha() + ").");
        notes.add("Letters: the column proportion is significantly higher than that of the lettered column"
                + " (two-proportion z-test, Bonferroni-adjusted, p < " + spec.alpha() + ").");
        for (int j = 0; j < t.cols().size(); j++) {
            if (t.colBase()[j] < 30) {
                notes.add("Small base: " + t.cols().get(j).label() + " (n = " + Math.round(t.colBase()[j]) + " < 30).");
            }
        }
        String title = spec.rowVar() + " × " + spec.colVar() + (t.layer() == null ? "" : " [" + t.layer().label() + "]");
        return ReportTable.of(title, head, body, notes, prov);
    }

    private static boolean isWhole(double v) {
        return v == Math.rint(v);
    }

    private static void stat(List<List<TableCell>> out, String name, double v) {
        out.add(List.of(TableCell.text(name), cell(v)));
    }

    private static TableCell cell(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? TableCell.empty() : TableCell.number(d, CellFormat.GENERAL);
        }
        return v == null ? TableCell.empty() : TableCell.text(v.toString());
    }
}
