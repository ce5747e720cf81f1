package jp.ebpm.analysis.export.xlsx;

import java.util.List;

/**
 * A native, editable Excel line chart: categories along the x axis and one or more series. The data are
 * written as a small table next to the chart, and the chart refers to those cells.
 *
 * @param title      chart title
 * @param categoryTitle x-axis title (e.g. 年度)
 * @param valueTitle y-axis title (e.g. the unit)
 * @param categories category labels
 * @param series     the lines
 * @param valueFormat number format of the data cells and the axis
 * @param notes      notes written under the data
 * @param provenance where the data come from
 * @since 0.1
 */
public record LineChartSpec(String title, String categoryTitle, String valueTitle, List<String> categories,
                            List<ChartSeries> series, CellFormat valueFormat, List<String> notes,
                            Provenance provenance) {

    public LineChartSpec {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        notes = List.copyOf(notes == null ? List.of() : notes);
        valueFormat = valueFormat == null ? CellFormat.GENERAL : valueFormat;
    }
}
