package jp.ebpm.analysis.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import jp.ebpm.analysis.io.JapaneseFonts;

/**
 * Charts of the evaluation results, drawn headless with JFreeChart in a Japanese-capable font: the pre-trend
 * chart (mean outcome of treated and control areas by period with the start marked), the event-study chart
 * (estimate ± 95 % interval by periods since the start) and the two-year population pyramid (the later year as
 * bars, the earlier one as outlines). Legend texts come from the caller (localized).
 *
 * @since 0.2
 */
public final class EvaluationCharts {

    private EvaluationCharts() {
    }

    private static JFreeChart themed(JFreeChart chart) {
        String family = JapaneseFonts.family();
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(family, Font.BOLD, 16));
        theme.setLargeFont(new Font(family, Font.BOLD, 13));
        theme.setRegularFont(new Font(family, Font.PLAIN, 12));
        theme.setSmallFont(new Font(family, Font.PLAIN, 10));
        theme.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Treated and control means by period; the first treated period(s) marked with a line. */
    public static JFreeChart trends(DidResult r, String title, String treatedLabel, String controlLabel, String periodLabel) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (DidResult.TrendPoint t : r.trends()) {
            ds.addValue(Double.isNaN(t.treatedMean()) ? null : t.treatedMean(), treatedLabel, t.period());
            ds.addValue(Double.isNaN(t.controlMean()) ? null : t.controlMean(), controlLabel, t.period());
        }
        JFreeChart chart = themed(ChartFactory.createLineChart(title, periodLabel, r.outcome(), ds, PlotOrientation.VERTICAL,
                true, true, false));
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        LineAndShapeRenderer lr = (LineAndShapeRenderer) plot.getRenderer();
        lr.setDefaultShapesVisible(true);
        lr.setSeriesPaint(0, new Color(0xD62728));
        lr.setSeriesPaint(1, new Color(0x1F77B4));
        lr.setSeriesStroke(0, new BasicStroke(2.5f));
        lr.setSeriesStroke(1, new BasicStroke(2.5f));
        for (String s : r.starts()) {
            CategoryMarker m = new CategoryMarker(s, new Color(0x7F7F7F), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            m.setDrawAsLine(true);
            plot.addDomainMarker(m);
        }
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        return chart;
    }

    /** Event-study estimates with 95 % intervals; a zero line. */
    public static JFreeChart eventStudy(DidResult r, String title, String estimateLabel, String relativeLabel) {
        DefaultStatisticalCategoryDataset ds = new DefaultStatisticalCategoryDataset();
        for (DidResult.EventTime e : r.eventStudy()) {
            double half = Double.isNaN(e.se()) ? 0 : (e.ciHigh() - e.ciLow()) / 2;
            ds.add(e.coef(), half, estimateLabel, Integer.toString(e.relative()));
        }
        JFreeChart chart = themed(ChartFactory.createLineChart(title, relativeLabel, r.outcome(), null, PlotOrientation.VERTICAL,
                false, true, false));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setDataset(ds);
        StatisticalLineAndShapeRenderer sr = new StatisticalLineAndShapeRenderer(false, true);
        sr.setSeriesPaint(0, new Color(0x1F77B4));
        sr.setErrorIndicatorPaint(new Color(0x1F77B4));
        plot.setRenderer(sr);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        return chart;
    }

    /**
     * A pyramid of one or two years: men to the left (labelled by magnitude), women to the right, youngest at the
     * bottom; with two years the later is drawn as bars and the earlier as outlines over them.
     */
    public static JFreeChart pyramid(List<PopulationStructure> years, String title, String maleLabel, String femaleLabel) {
        PopulationStructure last = years.get(years.size() - 1);
        List<String> labels = last.labels();
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        for (int i = labels.size() - 1; i >= 0; i--) {
            bars.addValue(-last.male()[i], maleLabel + " " + last.year(), labels.get(i));
            bars.addValue(last.female()[i], femaleLabel + " " + last.year(), labels.get(i));
        }
        // the theme resets series paints, so it is applied before the colours are set
        JFreeChart chart = themed(ChartFactory.createStackedBarChart(title, null, null, bars, PlotOrientation.HORIZONTAL, true,
                true, false));
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer r0 = (StackedBarRenderer) plot.getRenderer();
        r0.setSeriesPaint(0, new Color(0x6BAED6));
        r0.setSeriesPaint(1, new Color(0xFC9272));
        r0.setShadowVisible(false);
        r0.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        if (years.size() == 2) {
            PopulationStructure first = years.get(0);
            DefaultCategoryDataset outline = new DefaultCategoryDataset();
            for (int i = labels.size() - 1; i >= 0; i--) {
                outline.addValue(-first.male()[i], maleLabel + " " + first.year(), labels.get(i));
                outline.addValue(first.female()[i], femaleLabel + " " + first.year(), labels.get(i));
            }
            StackedBarRenderer r1 = new StackedBarRenderer();
            r1.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
            r1.setShadowVisible(false);
            r1.setDrawBarOutline(true);
            for (int s = 0; s < 2; s++) {
                r1.setSeriesPaint(s, new Color(0, 0, 0, 0));
                r1.setSeriesOutlinePaint(s, new Color(0x333333));
                r1.setSeriesOutlineStroke(s, new BasicStroke(1.2f));
            }
            plot.setDataset(1, outline);
            plot.setRenderer(1, r1);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setNumberFormatOverride(new Magnitude());
        CategoryAxis ages = plot.getDomainAxis();
        ages.setCategoryMargin(0.05);
        return chart;
    }

    /** Axis labels by magnitude (the men's side is negative). */
    private static final class Magnitude extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final DecimalFormat inner = new DecimalFormat("#,##0.##");

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return inner.format(Math.abs(number), toAppendTo, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return inner.format(Math.abs(number), toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return inner.parse(source, parsePosition);
        }
    }
}
