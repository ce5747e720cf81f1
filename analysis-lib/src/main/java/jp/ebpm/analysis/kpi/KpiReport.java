package jp.ebpm.analysis.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import jp.ebpm.analysis.export.xlsx.CellFormat;
import jp.ebpm.analysis.export.xlsx.ChartSeries;
import jp.ebpm.analysis.export.xlsx.ColorScale;
import jp.ebpm.analysis.export.xlsx.Highlight;
import jp.ebpm.analysis.export.xlsx.LineChartSpec;
import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportTable;
import jp.ebpm.analysis.export.xlsx.ReportWriter;
import jp.ebpm.analysis.export.xlsx.TableCell;

/**
 * Turns KPI evaluations into report items: a summary table (values with thousands separators and units,
 * progress rate as percent with a colour scale, status coloured by conditional formatting, grade) and one
 * native line chart per KPI (actuals, target, baseline and the straight-line path).
 *
 * @since 0.1
 */
public final class KpiReport {

    /** Status colours (fill, font) used in the summary and the app. */
    public static final String ACHIEVED_FILL = "C6EFCE";
    /** Font colour of achieved. */
    public static final String ACHIEVED_FONT = "006100";
    /** Fill of on track. */
    public static final String ON_TRACK_FILL = "DDEBF7";
    /** Font colour of on track. */
    public static final String ON_TRACK_FONT = "1F4E79";
    /** Fill of behind. */
    public static final String BEHIND_FILL = "FFC7CE";
    /** Font colour of behind. */
    public static final String BEHIND_FONT = "9C0006";
    /** Fill of no data. */
    public static final String NO_DATA_FILL = "EDEDED";
    /** Font colour of no data. */
    public static final String NO_DATA_FONT = "595959";

    /**
     * The default title of a KPI report. The report's sheets are written in Japanese, so its title is Japanese too,
     * whatever the language of the app or the command line.
     */
    public static final String DEFAULT_TITLE = "KPI進捗状況報告";

    /** Column of the status in the summary table (0-based). */
    public static final int STATUS_COLUMN = 12;
    /** Column of the progress rate in the summary table (0-based). */
    public static final int PROGRESS_COLUMN = 11;

    private KpiReport() {
    }

    /**
     * Adds the KPI summary sheet and the chart sheet to a report.
     *
     * @param evaluations one evaluation per KPI, in register order
     */
    public static void addTo(ReportWriter writer, List<KpiEvaluation> evaluations, YearStyle style, Provenance provenance,
                             GradingTable grading) {
        addTo(writer, evaluations, style, provenance, grading, null);
    }

    /**
     * Adds the summary and chart sheets under a title (a report item's title): "title" and "title グラフ"; null keeps
     * KPI一覧 and KPIグラフ.
     */
    public static void addTo(ReportWriter writer, List<KpiEvaluation> evaluations, YearStyle style, Provenance provenance,
                             GradingTable grading, String title) {
        ReportTable s = summary(evaluations, style, provenance, grading);
        if (title != null) {
            s = new ReportTable(title, s.headerRows(), s.rows(), s.notes(), s.provenance(), s.highlights(), s.colorScales(),
                    s.columnWidths());
        }
        writer.addTable(s);
        writer.addCharts(title == null ? "KPIグラフ" : title + " グラフ", charts(evaluations, style, provenance));
    }

    /** The summary table. */
    public static ReportTable summary(List<KpiEvaluation> evaluations, YearStyle style, Provenance provenance,
                                      GradingTable grading) {
        List<String> header = List.of("指標ID", "施策", "指標名", "方向", "基準年度", "基準値", "目標年度", "目標値",
                "評価年度", "実績値", "計画線の値", "進捗率", "状態", "評価");
        List<List<TableCell>> rows = new ArrayList<>();
        for (KpiEvaluation e : evaluations) {
            Kpi k = e.kpi();
            CellFormat f = format(k);
            rows.add(List.of(TableCell.text(k.id()), TableCell.text(k.measure()),
                    TableCell.text(k.name()), TableCell.text(k.direction().japanese()),
                    TableCell.text(FiscalYear.of(k.baselineYear()).format(style)), TableCell.number(k.baselineValue(), f),
                    TableCell.text(FiscalYear.of(k.targetYear()).format(style)), TableCell.number(k.targetValue(), f),
                    TableCell.text(FiscalYear.of(e.fiscalYear()).format(style)), TableCell.number(e.actual(), f),
                    TableCell.number(e.expected(), f), TableCell.percent(e.progressRate()),
                    TableCell.text(e.status().japanese()), TableCell.text(e.grade())));
        }
        List<Highlight> hl = List.of(
                new Highlight(STATUS_COLUMN, KpiStatus.ACHIEVED.japanese(), ACHIEVED_FILL, ACHIEVED_FONT),
                new Highlight(STATUS_COLUMN, KpiStatus.ON_TRACK.japanese(), ON_TRACK_FILL, ON_TRACK_FONT),
                new Highlight(STATUS_COLUMN, KpiStatus.BEHIND.japanese(), BEHIND_FILL, BEHIND_FONT),
                new Highlight(STATUS_COLUMN, KpiStatus.NO_DATA.japanese(), NO_DATA_FILL, NO_DATA_FONT));
        List<ColorScale> cs = List.of(new ColorScale(PROGRESS_COLUMN, 0.0, 0.5, 1.0, "F8696B", "FFEB84", "63BE7B"));
        List<String> notes = new ArrayList<>();
        notes.add("進捗率 = (実績値 − 基準値) / (目標値 − 基準値)（増加・減少の指標）。維持の指標は 実績値 / 目標値（上限100%）、"
                + "上限の指標は 実績値 ≦ 目標値 で100%、超えた場合は 目標値 / 実績値。");
        notes.add("状態: 達成 = 目標値に到達、順調 = 基準値から目標値への直線（計画線）以上、遅れ = 計画線未満、実績なし = 評価年度の実績が未入力。");
        notes.add("累計指標は累計値で評価します（単年度値で入力された場合は基準値に加算）。");
        StringBuilder g = new StringBuilder("評価区分: ");
        grading.bands().forEach(b -> g.append(b.grade()).append(" = 進捗率 ").append(Math.round(b.min() * 100)).append("%以上、"));
        g.append(grading.otherwise()).append(" = それ以外、").append(grading.noData()).append(" = 実績なし、")
                .append(grading.changed()).append(" = 指標変更");
        notes.add(g.toString());
        return new ReportTable("KPI一覧", List.of(header), rows, notes, provenance, hl, cs,
                List.of(8, 28, 44, 8, 16, 14, 16, 14, 16, 14, 14, 10, 10, 6));
    }

    /** One line chart per KPI. */
    public static List<LineChartSpec> charts(List<KpiEvaluation> evaluations, YearStyle style, Provenance provenance) {
        List<LineChartSpec> out = new ArrayList<>();
        for (KpiEvaluation e : evaluations) {
            out.add(chart(e.kpi(), style, provenance));
        }
        return out;
    }

    /**
     * The chart of one KPI: fiscal years from the baseline year to the later of the target year and the last
     * actual; series 実績 (running totals for cumulative KPIs), 目標値, 基準値 and 計画線 (straight line from
     * baseline to target).
     */
    public static LineChartSpec chart(Kpi k, YearStyle style, Provenance provenance) {
        int last = Math.max(k.targetYear(), k.latestActualYear().orElse(k.targetYear()));
        List<String> cats = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        List<Double> target = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        List<Double> path = new ArrayList<>();
        for (int y = k.baselineYear(); y <= last; y++) {
            cats.add(FiscalYear.of(y).format(style));
            OptionalDouble a = y == k.baselineYear() && k.actual(y).isEmpty() ? OptionalDouble.of(k.baselineValue())
                    : k.comparableActual(y);
            actual.add(a.isPresent() ? a.getAsDouble() : null);
            target.add(k.targetValue());
            base.add(k.baselineValue());
            path.add(y <= k.targetYear() ? KpiEvaluator.expected(k, y) : null);
        }
        List<ChartSeries> series = List.of(
                new ChartSeries("実績", actual, "0072B2", false, true),
                new ChartSeries("目標値", target, "D55E00", true, false),
                new ChartSeries("基準値", base, "999999", true, false),
                new ChartSeries("計画線", path, "009E73", true, false));
        List<String> notes = new ArrayList<>();
        notes.add("方向: " + k.direction().japanese() + (k.cumulative() ? "（累計）" : "") + "　単位: " + k.unit());
        if (!k.source().isEmpty()) {
            notes.add("出典: " + k.source());
        }
        if (!k.notes().isEmpty()) {
            notes.add("備考: " + k.notes());
        }
        return new LineChartSpec(k.id() + " " + k.name(), "年度", k.unit(), cats, series, format(k), notes, provenance);
    }

    /** Thousands separators, the unit, and one decimal when any value has a fraction. */
    static CellFormat format(Kpi k) {
        boolean fraction = k.baselineValue() != Math.rint(k.baselineValue()) || k.targetValue() != Math.rint(k.targetValue())
                || k.actuals().values().stream().anyMatch(v -> v != Math.rint(v));
        return CellFormat.withUnit(fraction ? 1 : 0, k.unit());
    }
}
