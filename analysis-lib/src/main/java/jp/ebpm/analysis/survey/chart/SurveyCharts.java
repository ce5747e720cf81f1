package jp.ebpm.analysis.survey.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.ChartFactory;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.JapaneseFonts;
import jp.ebpm.analysis.survey.CrossTab;
import jp.ebpm.analysis.survey.CrossTabResult;
import jp.ebpm.analysis.survey.CrossTabSpec;
import jp.ebpm.analysis.survey.SurveyTitles;
import jp.ebpm.analysis.survey.VariableType;

/**
 * Charts of survey tables, drawn headless with JFreeChart in a Japanese-capable font and calm colours
 * ({@link ChartPalette}: Okabe–Ito, diverging RdBu for ordered scales): 100% stacked bars
 * (one bar per column category, segments = row categories' column %), grouped bars (column % of each row
 * category side by side per column) and an age × sex population pyramid. Export as PNG or SVG.
 */
public final class SurveyCharts {

    private SurveyCharts() {
    }

    /** The first installed Japanese-capable font family, else "SansSerif" ({@link JapaneseFonts}). */
    public static String fontFamily() {
        return JapaneseFonts.family();
    }

    /**
     * A calm style: a Japanese-capable font, flat bars without shadows or gradients, white plot with light grid lines,
     * and the given series colours (see {@link ChartPalette}).
     */
    private static JFreeChart themed(JFreeChart chart, Color[] colors) {
        String family = fontFamily();
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(family, Font.BOLD, 16));
        theme.setLargeFont(new Font(family, Font.BOLD, 13));
        theme.setRegularFont(new Font(family, Font.PLAIN, 12));
        theme.setSmallFont(new Font(family, Font.PLAIN, 11));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xD9D9D9));
        theme.setDomainGridlinePaint(new Color(0xD9D9D9));
        theme.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setOutlineVisible(false);
            for (int i = 0; i < colors.length; i++) {
                plot.getRenderer().setSeriesPaint(i, colors[i]);
                plot.getRenderer().setSeriesOutlinePaint(i, Color.WHITE);
            }
            if (plot.getRenderer() instanceof BarRenderer br) {
                br.setDrawBarOutline(true);
            }
        }
        return chart;
    }

    private static Color[] qualitative(int k) {
        Color[] c = new Color[k];
        for (int i = 0; i < k; i++) {
            c[i] = ChartPalette.qualitative(i);
        }
        return c;
    }

    /** 100% stacked bars in qualitative colours (see {@link #stackedPercent(CrossTab, String, boolean)}). */
    public static JFreeChart stackedPercent(CrossTab t, String title) {
        return stackedPercent(t, title, false);
    }

    /**
     * 100% stacked bars: one bar per column category; segments are the rows' column %, in qualitative colours or —
     * for an ordered scale such as a Likert item, positive end first — in diverging colours.
     */
    public static JFreeChart stackedPercent(CrossTab t, String title, boolean ordered) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (int i = 0; i < t.rows().size(); i++) {
            for (int j = 0; j < t.cols().size(); j++) {
                ds.addValue(t.table().colPct()[i][j], t.rows().get(i).label(), t.cols().get(j).label());
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, "%", ds, PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        ((StackedBarRenderer) plot.getRenderer()).setRenderAsPercentages(false);
        int k = t.rows().size();
        return themed(chart, ordered ? ChartPalette.diverging(k) : qualitative(k));
    }

    /** Grouped bars: per row category, the column % of every column category (series = columns). */
    public static JFreeChart grouped(CrossTab t, String title) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (int i = 0; i < t.rows().size(); i++) {
            for (int j = 0; j < t.cols().size(); j++) {
                ds.addValue(t.table().colPct()[i][j], t.cols().get(j).label(), t.rows().get(i).label());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, "%", ds, PlotOrientation.VERTICAL, true, false, false);
        ((BarRenderer) chart.getCategoryPlot().getRenderer()).setItemMargin(0.05);
        return themed(chart, qualitative(t.cols().size()));
    }

    /**
     * Population pyramid: horizontal bars, males to the left (drawn as negative values, labelled by
     * magnitude), females to the right, youngest age group at the bottom.
     */
    public static JFreeChart pyramid(List<String> ageGroups, double[] male, double[] female, String maleLabel, String femaleLabel,
                                     String title) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (int i = ageGroups.size() - 1; i >= 0; i--) {
            ds.addValue(-male[i], maleLabel, ageGroups.get(i));
            ds.addValue(female[i], femaleLabel, ageGroups.get(i));
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, null, ds, PlotOrientation.HORIZONTAL, true, false, false);
        NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        axis.setNumberFormatOverride(new MagnitudeFormat());
        return themed(chart, qualitative(2));
    }

    /**
     * Whether the rows of a table are an ordered scale drawn in diverging colours: the codebook types the row variable
     * {@code likert}. The Cross-tab tab and {@code workbench crosstab --format xlsx} use this one rule.
     *
     * @since 0.4
     */
    public static boolean orderedRows(CrossTabSpec spec) {
        return spec.codebook().variable(spec.rowVar()).filter(v -> v.type() == VariableType.LIKERT).isPresent();
    }

    /**
     * The default chart of a table of a result: 100% stacked bars titled with the question texts
     * ({@link SurveyTitles#table}), diverging colours for a Likert row variable ({@link #orderedRows}).
     *
     * @since 0.4
     */
    public static JFreeChart defaultChart(CrossTabResult r, CrossTab t, boolean english) {
        return stackedPercent(t, SurveyTitles.table(r.spec(), t.layer(), english), orderedRows(r.spec()));
    }

    /**
     * The chart as PNG bytes (for a workbook).
     *
     * @since 0.4
     */
    public static byte[] png(JFreeChart chart, int width, int height) {
        java.awt.image.BufferedImage img = chart.createBufferedImage(width, height);
        try (java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(img, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new WorkbenchException("Cannot draw the chart: " + e.getMessage(), e);
        }
    }

    /** Writes a PNG. */
    public static void writePng(JFreeChart chart, Path file, int width, int height) {
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes an SVG (org.jfree.svg). */
    public static void writeSvg(JFreeChart chart, Path file, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        try {
            Files.writeString(file, g.getSVGDocument(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Axis labels by magnitude (the pyramid's left side is negative). A DecimalFormat pattern such as
     * "#,##0;#,##0" does not do this: a negative subpattern equal to the positive one falls back to "-".
     */
    static final class MagnitudeFormat extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;
        private final java.text.DecimalFormat inner = new java.text.DecimalFormat("#,##0.##");

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return inner.format(Math.abs(number), toAppendTo, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return inner.format(Math.abs(number), toAppendTo, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition parsePosition) {
            return inner.parse(source, parsePosition);
        }
    }
}
