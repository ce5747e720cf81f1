package jp.ebpm.analysis.export.xlsx;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Writes line-chart blocks: for each chart its title, a data table (category column and one column per
 * series) on the left and the chart on the right (columns H to Q, 20 rows), then its notes and provenance below both,
 * so that no long line runs through the chart.
 */
final class ChartSheet {

    static final int CHART_COL = 7;
    static final int CHART_WIDTH = 10;
    static final int CHART_HEIGHT = 20;

    private ChartSheet() {
    }

    static void write(SXSSFSheet sh, XSSFSheet xs, List<LineChartSpec> charts, Styles styles, String reportTitle) {
        int r = 0;
        ReportWriter.width(sh, 0, 18);
        for (int c = 1; c < CHART_COL - 1; c++) {
            ReportWriter.width(sh, c, 12);
        }
        ReportWriter.width(sh, CHART_COL - 1, 2);
        for (LineChartSpec spec : charts) {
            int top = r;
            styles.set(sh.createRow(r++).createCell(0), spec.title(), Styles.Role.SUBTITLE, "General");
            int headerRow = r;
            Row hr = sh.createRow(r++);
            styles.set(hr.createCell(0), spec.categoryTitle(), Styles.Role.HEADER, "General");
            for (int i = 0; i < spec.series().size(); i++) {
                styles.set(hr.createCell(1 + i), spec.series().get(i).name(), Styles.Role.HEADER, "General");
            }
            int first = r;
            for (int k = 0; k < spec.categories().size(); k++) {
                Row row = sh.createRow(r++);
                styles.set(row.createCell(0), spec.categories().get(k), Styles.Role.BODY, "General");
                for (int i = 0; i < spec.series().size(); i++) {
                    List<Double> vals = spec.series().get(i).values();
                    styles.set(row.createCell(1 + i), k < vals.size() ? vals.get(k) : null, Styles.Role.BODY,
                            spec.valueFormat().pattern());
                }
            }
            if (!spec.categories().isEmpty() && !spec.series().isEmpty()) {
                ChartDrawer.draw(xs, spec, headerRow, first, 0, CHART_COL, top, CHART_WIDTH, CHART_HEIGHT);
            }
            // notes and the source lines go below the chart: long lines overflow to the right and must not run
            // through it
            r = Math.max(r, top + CHART_HEIGHT) + 1;
            for (String n : spec.notes()) {
                styles.set(sh.createRow(r++).createCell(0), n, Styles.Role.NOTE, "General");
            }
            r = TableSheet.writeProvenance(sh, r, spec.provenance(), styles) + 2;
            sh.setRowBreak(r - 1);
        }
        SheetSetup.print(sh, reportTitle, -1, -1);
    }
}
