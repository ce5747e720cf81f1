package jp.ebpm.workbench.kpi;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ResourceBundle;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import jp.ebpm.analysis.kpi.Kpi;
import jp.ebpm.analysis.kpi.KpiEvaluator;
import jp.ebpm.analysis.survey.chart.SurveyCharts;

/** The JFreeChart line chart of one KPI: actuals, target, baseline and the straight line from baseline to target. */
final class KpiChart {

    private KpiChart() {
    }

    static JFreeChart create(Kpi k, ResourceBundle b) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries actual = new XYSeries(b.getString("kpi.chart.actual"), true, false);
        XYSeries target = new XYSeries(b.getString("kpi.chart.target"));
        XYSeries base = new XYSeries(b.getString("kpi.chart.baseline"));
        XYSeries path = new XYSeries(b.getString("kpi.chart.path"));
        int last = Math.max(k.targetYear(), k.latestActualYear().orElse(k.targetYear()));
        actual.add(k.baselineYear(), k.actual(k.baselineYear()).orElse(k.baselineValue()));
        for (int y = k.baselineYear(); y <= last; y++) {
            if (y > k.baselineYear()) {
                var a = k.comparableActual(y);
                if (a.isPresent()) {
                    actual.add(y, a.getAsDouble());
                } else {
                    actual.add(y, null);
                }
            }
            target.add(y, k.targetValue());
            base.add(y, k.baselineValue());
            if (y <= k.targetYear()) {
                path.add(y, KpiEvaluator.expected(k, y));
            }
        }
        data.addSeries(actual);
        data.addSeries(target);
        data.addSeries(base);
        data.addSeries(path);
        String unit = k.unit() == null || k.unit().isBlank() ? "" : java.text.MessageFormat.format(b.getString("kpi.chart.unit"), k.unit());
        JFreeChart chart = ChartFactory.createXYLineChart(k.id() + " " + k.name(), b.getString("kpi.chart.year"),
                null, data, PlotOrientation.VERTICAL, true, true, false);
        // a Japanese-capable font everywhere, so the unit (人, 件, ％ …) and the names read
        String family = SurveyCharts.fontFamily();
        chart.getTitle().setFont(new Font(family, Font.BOLD, 13));
        chart.getLegend().setItemFont(new Font(family, Font.PLAIN, 11));
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setLabelFont(new Font(family, Font.PLAIN, 12));
        plot.getDomainAxis().setTickLabelFont(new Font(family, Font.PLAIN, 11));
        plot.getRangeAxis().setTickLabelFont(new Font(family, Font.PLAIN, 11));
        // the unit reads as a line under the title, not rotated along the axis
        if (!unit.isEmpty()) {
            org.jfree.chart.title.TextTitle sub = new org.jfree.chart.title.TextTitle(unit, new Font(family, Font.PLAIN, 12));
            sub.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            chart.addSubtitle(0, sub);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xD9D9D9));
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
        // same colours as the Excel report (KpiReport.chart): Okabe–Ito blue, vermillion, grey, bluish green
        r.setSeriesPaint(0, new Color(0x0072B2));
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        r.setSeriesShapesVisible(0, true);
        r.setSeriesPaint(1, new Color(0xD55E00));
        r.setSeriesStroke(1, dashed);
        r.setSeriesPaint(2, new Color(0x999999));
        r.setSeriesStroke(2, dashed);
        r.setSeriesPaint(3, new Color(0x009E73));
        r.setSeriesStroke(3, dashed);
        plot.setRenderer(r);
        return chart;
    }
}
