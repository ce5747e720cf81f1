package jp.ebpm.analysis.evaluation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


import org.jfree.chart.JFreeChart;

import jp.ebpm.analysis.export.xlsx.CellFormat;
import jp.ebpm.analysis.export.xlsx.ChartSeries;
import jp.ebpm.analysis.export.xlsx.LineChartSpec;
import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportInfo;
import jp.ebpm.analysis.export.xlsx.ReportTable;
import jp.ebpm.analysis.export.xlsx.ReportWriter;
import jp.ebpm.analysis.export.xlsx.SourceRef;
import jp.ebpm.analysis.export.xlsx.TableCell;
import jp.ebpm.analysis.stats.regression.OlsResult;
import jp.ebpm.analysis.stats.regression.RegressionTable;
import jp.ebpm.analysis.stats.regression.SeType;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;

/**
 * Excel reports of the evaluation results through the shared report writer (cover, item sheets, sources and
 * provenance sheet): regression (journal table and details), difference-in-differences (effect, native trend
 * chart, event study, regression), location quotients (table and map) and population tables (pyramid chart,
 * ratios, table).
 *
 * @since 0.2
 */
public final class EvaluationReports {

    private static final CellFormat DEC4 = new CellFormat("0.0000");

    private EvaluationReports() {
    }

    /** Provenance naming the source datasets (file, SHA-256, license) from the catalog. */
    public static Provenance provenance(Project project, List<String> datasets, String filters, String weights, String analyst) {
        List<SourceRef> refs = new ArrayList<>();
        for (String d : datasets) {
            DatasetInfo i = project.catalog().get(d);
            refs.add(new SourceRef(i.name(), i.sourceFile(), i.sourceSha256(), i.license()));
        }
        return new Provenance(refs, filters, weights, "", analyst, Instant.now());
    }

    /** A report description with the given title. */
    public static ReportInfo info(String title, String author) {
        return ReportInfo.of(title, "", java.time.LocalDate.now(), author, "EBPM Workbench");
    }

    /** Regression: the journal table and every coefficient's statistics. */
    public static void regression(OlsResult r, SeType type, ReportInfo info, Provenance prov, Path out) {
        try (ReportWriter w = new ReportWriter(info)) {
            w.addTable(RegressionTable.report(r, type, "回帰分析", prov));
            w.addTable(RegressionTable.details(r, "係数の詳細", prov));
            w.write(out);
        }
    }

    /** DiD: the effect, treated/control means (native line chart), event study and the regression. */
    public static void did(DidResult r, ReportInfo info, Provenance prov, Path out) {
        try (ReportWriter w = new ReportWriter(info)) {
            List<List<TableCell>> rows = new ArrayList<>();
            rows.add(row("効果 (" + r.effectTerm() + ")", r.effect()));
            rows.add(row("標準誤差 (地域クラスター)", r.se()));
            rows.add(row("95%信頼区間 下限", r.ciLow()));
            rows.add(row("95%信頼区間 上限", r.ciHigh()));
            rows.add(row("p値 (t, G−1)", r.p()));
            rows.add(List.of(TableCell.text("地域数 (クラスター)"), TableCell.count(r.clusters())));
            rows.add(List.of(TableCell.text("処置地域数"), TableCell.count(r.treatedUnits())));
            rows.add(List.of(TableCell.text("観測数"), TableCell.count(r.n())));
            rows.add(List.of(TableCell.text("開始時期"), TableCell.text(String.join(", ", r.starts()))));
            rows.add(List.of(TableCell.text("設計"), TableCell.text(r.design())));
            w.addTable(ReportTable.of("差の差分析", List.of("項目", "値"), rows, r.notes(), prov));
            List<String> periods = r.trends().stream().map(DidResult.TrendPoint::period).toList();
            List<Double> tr = r.trends().stream().map(t -> nanNull(t.treatedMean())).toList();
            List<Double> co = r.trends().stream().map(t -> nanNull(t.controlMean())).toList();
            w.addCharts("事前トレンド", List.of(new LineChartSpec("処置群と対照群の平均 (" + r.outcome() + ")", "期間",
                    r.outcome(), periods, List.of(new ChartSeries("処置群", tr, "D62728", false, true),
                    new ChartSeries("対照群", co, "1F77B4", false, true)), DEC4,
                    List.of("処置開始: " + String.join(", ", r.starts())), prov)));
            if (!r.eventStudy().isEmpty()) {
                List<List<TableCell>> ev = new ArrayList<>();
                for (DidResult.EventTime e : r.eventStudy()) {
                    ev.add(List.of(TableCell.count(e.relative()), num(e.coef()), num(e.se()), num(e.ciLow()), num(e.ciHigh()),
                            num(e.p()), TableCell.count(e.n())));
                }
                w.addTable(ReportTable.of("イベントスタディ", List.of("開始からの期間", "推定値", "標準誤差", "下限", "上限", "p値",
                        "処置観測数"), ev, List.of("基準: 開始直前の期間 (−1)。開始前の推定値が0に近ければ平行トレンドと矛盾しない。"), prov));
            }
            w.addTable(RegressionTable.report(r.regression(), SeType.CLUSTER, "回帰 (" + r.design() + ")", prov));
            w.write(out);
        }
    }

    /** Location quotients: the area × industry table and, when given, the map image (PNG). */
    public static void lq(LocationQuotient.Result r, byte[] mapPng, String mapTitle, ReportInfo info, Provenance prov, Path out) {
        try (ReportWriter w = new ReportWriter(info)) {
            List<String> header = new ArrayList<>();
            header.add("地域");
            header.addAll(r.industries());
            List<List<TableCell>> rows = new ArrayList<>();
            for (int a = 0; a < r.areas().size(); a++) {
                List<TableCell> row = new ArrayList<>();
                row.add(TableCell.text(r.areas().get(a)));
                for (int i = 0; i < r.industries().size(); i++) {
                    row.add(num(r.lq()[a][i]));
                }
                rows.add(row);
            }
            w.addTable(ReportTable.of("特化係数", header, rows, List.of("特化係数 = 地域の産業構成比 ÷ 基準 (" + r.reference()
                    + ") の構成比。1を超えると基準より特化。"), prov));
            if (mapPng != null) {
                w.addMap(mapTitle, mapPng, List.of(), prov);
            }
            w.write(out);
        }
    }

    /** Population by year: the pyramid chart (PNG), the ratios and the table. */
    public static void population(List<PopulationStructure> years, JFreeChart chart, String title, List<String> notes,
                                  ReportInfo info, Provenance prov, Path out) {
        try (ReportWriter w = new ReportWriter(info)) {
            if (chart != null) {
                w.addMap(title, png(chart, 1000, 800), notes, prov);
            }
            List<List<TableCell>> ratios = new ArrayList<>();
            for (PopulationStructure p : years) {
                ratios.add(List.of(TableCell.text(p.year()), TableCell.number(p.total(), CellFormat.INTEGER),
                        TableCell.percent(p.agingRatio()), TableCell.percent(p.ratio75()),
                        TableCell.number(p.youngDependency(), CellFormat.DECIMAL1), TableCell.number(p.oldDependency(), CellFormat.DECIMAL1),
                        TableCell.number(p.totalDependency(), CellFormat.DECIMAL1), TableCell.number(p.agingIndex(), CellFormat.DECIMAL1)));
            }
            w.addTable(ReportTable.of("人口構造の指標", List.of("年", "総人口", "高齢化率", "75歳以上割合", "年少人口指数", "老年人口指数",
                    "従属人口指数", "老年化指数"), ratios, notes, prov));
            List<List<TableCell>> rows = new ArrayList<>();
            for (List<Object> r : EvaluationOutput.csv(years).subList(1, EvaluationOutput.csv(years).size())) {
                rows.add(List.of(TableCell.text((String) r.get(0)), TableCell.text((String) r.get(1)),
                        TableCell.number((Double) r.get(2), CellFormat.INTEGER), TableCell.number((Double) r.get(3), CellFormat.INTEGER),
                        TableCell.number((Double) r.get(4), CellFormat.INTEGER)));
            }
            w.addTable(ReportTable.of("男女・年齢5歳階級別人口", List.of("年", "年齢", "男", "女", "計"), rows, List.of(), prov));
            w.write(out);
        }
    }

    /** A chart as PNG bytes. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        return jp.ebpm.analysis.survey.chart.SurveyCharts.png(chart, width, height);
    }

    private static Double nanNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static TableCell num(double v) {
        return Double.isNaN(v) ? TableCell.text("NA") : TableCell.number(v, DEC4);
    }

    private static List<TableCell> row(String label, double v) {
        return List.of(TableCell.text(label), num(v));
    }
}
