package jp.ebpm.analysis.export.xlsx;

import java.util.HexFormat;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTMarker;
import org.openxmlformats.schemas.drawingml.x2006.main.CTShapeProperties;

/**
 * Draws a native line chart (XDDF) over a data block already written to the sheet. Every series gets an
 * explicit line colour and width, markers get explicit fill and outline colours, and smoothing is off: without
 * that LibreOffice draws the lines empty (tech-probe §5).
 */
final class ChartDrawer {

    private ChartDrawer() {
    }

    /**
     * @param sheet      the (underlying XSSF) sheet holding the data
     * @param spec       the chart
     * @param headerRow  0-based row of the series names
     * @param firstRow   0-based first data row; categories in column {@code dataCol}, series in the next columns
     * @param dataCol    0-based column of the categories
     * @param anchorCol  0-based first column of the chart
     * @param anchorRow  0-based first row of the chart
     * @param width      width in columns
     * @param height     height in rows
     */
    static XSSFChart draw(XSSFSheet sheet, LineChartSpec spec, int headerRow, int firstRow, int dataCol,
                          int anchorCol, int anchorRow, int width, int height) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, anchorCol, anchorRow, anchorCol + width, anchorRow + height);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(spec.title());
        chart.setTitleOverlay(false);
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        x.setTitle(spec.categoryTitle());
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setTitle(spec.valueTitle());
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        if (!"General".equals(spec.valueFormat().pattern())) {
            y.setNumberFormat(spec.valueFormat().pattern());
        }
        y.getOrAddMajorGridProperties().setLineProperties(line("D9D9D9", 0.75, false));
        int lastRow = firstRow + spec.categories().size() - 1;
        // fromArray: literal caches plus cell references. The range readers would read the XSSF sheet's
        // rows, which SXSSF has already streamed to disk.
        String name = sheet.getSheetName();
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromArray(spec.categories().toArray(new String[0]),
                new CellRangeAddress(firstRow, lastRow, dataCol, dataCol).formatAsString(name, true));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        data.setVaryColors(false);
        for (int i = 0; i < spec.series().size(); i++) {
            ChartSeries cs = spec.series().get(i);
            int col = dataCol + 1 + i;
            XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromArray(cs.values().toArray(new Double[0]),
                    new CellRangeAddress(firstRow, lastRow, col, col).formatAsString(name, true));
            XDDFLineChartData.Series s = (XDDFLineChartData.Series) data.addSeries(cats, vals);
            s.setTitle(cs.name(), new CellReference(name, headerRow, col, true, true));
            s.setSmooth(false);
            s.setLineProperties(line(cs.rgb(), cs.dashed() ? 1.5 : 2.25, cs.dashed()));
            if (cs.markers()) {
                s.setMarkerStyle(MarkerStyle.CIRCLE);
                CTMarker m = s.getCTLineSer().getMarker();
                CTShapeProperties sp = m.isSetSpPr() ? m.getSpPr() : m.addNewSpPr();
                byte[] rgb = HexFormat.of().parseHex(cs.rgb());
                sp.addNewSolidFill().addNewSrgbClr().setVal(rgb);
                sp.addNewLn().addNewSolidFill().addNewSrgbClr().setVal(rgb);
            } else {
                s.setMarkerStyle(MarkerStyle.NONE);
            }
        }
        chart.plot(data);
        // gaps (not zero) where a year has no actual
        chart.displayBlanksAs(DisplayBlanks.GAP);
        return chart;
    }

    static XDDFLineProperties line(String rgb, double width, boolean dashed) {
        XDDFLineProperties lp = new XDDFLineProperties();
        lp.setFillProperties(new XDDFSolidFillProperties(rgb == null ? XDDFColor.from(PresetColor.BLACK)
                : XDDFColor.from(HexFormat.of().parseHex(rgb))));
        lp.setWidth(width);
        if (dashed) {
            lp.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
        }
        return lp;
    }
}
