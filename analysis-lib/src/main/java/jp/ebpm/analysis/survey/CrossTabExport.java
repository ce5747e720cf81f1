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
import jp.ebpm.analysis.export.xlsx.SourceRef;
import jp.ebpm.analysis.export.xlsx.TableCell;
import jp.ebpm.analysis.io.CsvWriter;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.chart.SurveyCharts;

import org.jfree.chart.JFreeChart;

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
     * sheet "statistics"; print-ready. Without a project there is no source file to name: use
     * {@link #writeXlsx(Project, CrossTabResult, Path, ReportInfo)} for a project dataset.
     */
    public static void writeXlsx(CrossTabResult r, Path file) {
        String analyst = System.getProperty("user.name", "");
        writeXlsx(r, file, ReportInfo.of(SurveyTitles.table(r.spec(), null, false), "", LocalDate.now(), analyst,
                "EBPM Workbench"), Provenance.of(List.of(), analyst, null), null);
    }

    /**
     * Writes the workbook of a cross-tab of a project dataset with its provenance ({@link #provenance}): the survey
     * (dataset) name, its source file and SHA-256 on every table and on the sources sheet, the question texts, the
     * weight and its raking margins; the cover with the given title, organisation and author.
     */
    public static void writeXlsx(Project project, CrossTabResult r, Path file, ReportInfo cover) {
        writeXlsx(r, file, cover, provenance(project, r, cover.author()), null);
    }

    /**
     * As {@link #writeXlsx(Project, CrossTabResult, Path, ReportInfo)}, with a chart of the table: sheet
     * {@value #CHART_SHEET} after the table sheets holds the chart as a picture (1200 × 800 pixels, scaled to the
     * printed page) with the table's provenance.
     *
     * @param chart the chart to include (the one on screen in the app; {@link SurveyCharts#defaultChart} on the
     *     command line), or null for none
     * @since 0.4
     */
    public static void writeXlsx(Project project, CrossTabResult r, Path file, ReportInfo cover, JFreeChart chart) {
        writeXlsx(r, file, cover, provenance(project, r, cover.author()), chart);
    }

    /** The name of the chart sheet. */
    public static final String CHART_SHEET = "グラフ";

    private static void writeXlsx(CrossTabResult r, Path file, ReportInfo cover, Provenance prov, JFreeChart chart) {
        try (ReportWriter w = new ReportWriter(cover)) {
            List<ReportTable> tables = reportTables(r, prov);
            for (int i = 0; i < tables.size(); i++) {
                if (chart != null && i == r.layers().size() + 1) {
                    String title = chart.getTitle() == null ? title(r) : chart.getTitle().getText();
                    w.addImage(CHART_SHEET, title, SurveyCharts.png(chart, 1200, 800),
                            List.of("グラフ: 表の列 % (chart of the column percentages of the table)"), prov);
                }
                w.addTable(tables.get(i), sheetName(r, i));
            }
            w.write(file);
        }
    }

    /**
     * Short sheet names: 表 (the overall table), 表 ward=中原区 per layer, then cells and statistics; the question texts
     * stay in the titles.
     */
    static String sheetName(CrossTabResult r, int index) {
        if (index == 0) {
            return "表";
        }
        if (index <= r.layers().size()) {
            return "表 " + r.spec().layerVar() + "=" + r.layers().get(index - 1).layer().label();
        }
        return index == r.layers().size() + 1 ? "cells" : "statistics";
    }

    /**
     * The provenance of a cross-tab of a project dataset: the dataset (the survey) with its source file, SHA-256 and
     * licence; the survey design in words ({@link SurveyDesign#describe}); the analyst and the time.
     */
    public static Provenance provenance(Project project, CrossTabResult r, String analyst) {
        List<SourceRef> sources = new ArrayList<>();
        project.catalog().find(r.spec().table())
                .ifPresent(d -> sources.add(new SourceRef(d.name(), d.sourceFile(), d.sourceSha256(), d.license())));
        return new Provenance(sources, "", r.spec().design().describe(), "", analyst, null);
    }

    /** The default workbook title of a result: the survey (dataset) name and the table's question texts. */
    public static String title(CrossTabResult r) {
        return r.spec().table() + ": " + SurveyTitles.table(r.spec(), null, false);
    }

    /**
     * The result as report tables: one cross-tab per table (overall, then each layer), the flat cells and
     * the statistics. Used by {@link #writeXlsx} and by report specs.
     */
    public static List<ReportTable> reportTables(CrossTabResult r, Provenance provenance) {
        CrossTabSpec spec = r.spec();
        Provenance prov = new Provenance(provenance.sources(), provenance.filters(), spec.design().describe(),
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
        head.add(SurveyTitles.question(spec.codebook(), spec.rowVar(), false));
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
        notes.add(0, "集計: " + SurveyTitles.variables(spec) + (spec.weightVar() == null ? "" : " / ウェイト: "
                + spec.design().describe()));
        String title = SurveyTitles.table(spec, t.layer(), false);
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
