package jp.ebpm.analysis.export.xlsx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line of a {@link LineChartSpec}: a value per category ({@code null} leaves a gap), drawn in an explicit
 * colour (XDDF series without explicit line properties are drawn empty by LibreOffice, tech-probe §5).
 *
 * @param name    legend text
 * @param values  one value per category, {@code null} for none
 * @param rgb     line and marker colour as {@code RRGGBB}
 * @param dashed  dashed line (reference lines: baseline, target, path)
 * @param markers draw markers at the points
 * @since 0.1
 */
public record ChartSeries(String name, List<Double> values, String rgb, boolean dashed, boolean markers) {

    public ChartSeries {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }
}
