package jp.ebpm.analysis.export.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;
import jp.ebpm.analysis.task.ProgressListener;

class ReportWriterTest {

    @TempDir
    static Path dir;
    static Path file;

    static final Provenance PROV = new Provenance(List.of(new SourceRef("survey2018", "survey.csv",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "CC BY 4.0")),
            "区 = 中原区", "w", "k=10", "analyst", Instant.parse("2026-11-27T00:00:00Z"));

    static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @BeforeAll
    static void writeReport() throws IOException {
        file = dir.resolve("report.xlsx");
        ReportInfo info = new ReportInfo("テスト報告", "川崎市", LocalDate.of(2026, 11, 27), "担当", "EBPM Workbench 0.1",
                List.of("国勢調査 CC BY 4.0"), List.of("10未満のセルは秘匿"), null);
        try (ReportWriter w = new ReportWriter(info)) {
            List<List<TableCell>> rows = List.of(
                    List.of(TableCell.text("=SUM(A1)"), TableCell.count(1234567), TableCell.percent(0.123).withMarker("▲")),
                    List.of(TableCell.text("-5"), TableCell.number(-5, CellFormat.INTEGER), TableCell.percent(0.05).withMarker("▼")),
                    List.of(TableCell.text("@cmd"), TableCell.number(1.5, CellFormat.withUnit(1, "億円")), TableCell.percent(null)),
                    List.of(TableCell.text("\tx"), TableCell.text("+1"), TableCell.text("普通")));
            w.addTable(new ReportTable("クロス集計 年齢×性別", List.of(List.of("区分", "n", "割合"), List.of("", "(人)", "(%)")),
                    rows, List.of("n = 1,500", "▲/▼: 全体より有意に高い/低い (5%)"), PROV,
                    List.of(new Highlight(2, "普通", "FFC7CE", "9C0006")),
                    List.of(new ColorScale(1, 0, 50, 100, "F8696B", "FFEB84", "63BE7B")), List.of()));
            w.addCharts("グラフ", List.of(new LineChartSpec("K01 データセット数", "年度", "セット",
                    List.of("FY2017", "FY2018", "FY2019"),
                    List.of(new ChartSeries("実績", java.util.Arrays.asList(108.0, null, 230.0), "1F77B4", false, true),
                            new ChartSeries("目標値", List.of(300.0, 300.0, 300.0), "D62728", true, false)),
                    CellFormat.INTEGER, List.of("note"), PROV)));
            w.addMap("地図", png(), List.of("背景地図: 国土地理院"), PROV);
            w.write(file);
        }
    }

    private static XSSFWorkbook open() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void sheetsInOrderWithCoverAndSources() throws IOException {
        try (XSSFWorkbook wb = open()) {
            List<String> names = IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList();
            assertEquals(List.of("表紙", "クロス集計 年齢×性別", "グラフ", "地図", "出典・注記"), names);
            XSSFSheet cover = wb.getSheet("表紙");
            assertEquals("テスト報告", cover.getRow(2).getCell(1).getStringCellValue());
            assertEquals("川崎市", cover.getRow(4).getCell(2).getStringCellValue());
            String sources = text(wb.getSheet("出典・注記"));
            assertTrue(sources.contains("SHA-256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
            assertTrue(sources.contains("EBPM Workbench 0.1"));
            assertTrue(sources.contains("10未満のセルは秘匿"));
            assertTrue(sources.contains("秘匿処理: k=10"));
            assertTrue(sources.contains("ウェイト: w"));
            assertEquals("Yu Gothic", wb.getFontAt(0).getFontName());
        }
    }

    @Test
    void formulaLikeTextIsWrittenAsQuotedText() throws IOException {
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sh = wb.getSheetAt(1);
            for (int r = 4; r <= 7; r++) {
                Cell c = sh.getRow(r).getCell(0);
                assertEquals(CellType.STRING, c.getCellType(), "row " + r);
                assertTrue(c.getCellStyle().getQuotePrefixed(), "row " + r);
            }
            assertEquals("=SUM(A1)", sh.getRow(4).getCell(0).getStringCellValue());
            assertEquals("\tx", sh.getRow(7).getCell(0).getStringCellValue());
            assertEquals(CellType.STRING, sh.getRow(7).getCell(1).getCellType());
            assertTrue(sh.getRow(7).getCell(1).getCellStyle().getQuotePrefixed());
            Cell n = sh.getRow(5).getCell(1);
            assertEquals(CellType.NUMERIC, n.getCellType());
            assertEquals(-5.0, n.getNumericCellValue());
            assertFalse(sh.getRow(7).getCell(2).getCellStyle().getQuotePrefixed());
        }
    }

    @Test
    void numberFormatsAndMarkers() throws IOException {
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sh = wb.getSheetAt(1);
            assertEquals("#,##0", sh.getRow(4).getCell(1).getCellStyle().getDataFormatString());
            assertEquals(1234567.0, sh.getRow(4).getCell(1).getNumericCellValue());
            assertEquals("0.0%\" ▲\"", sh.getRow(4).getCell(2).getCellStyle().getDataFormatString());
            assertEquals("0.0%\" ▼\"", sh.getRow(5).getCell(2).getCellStyle().getDataFormatString());
            assertEquals("#,##0.0\"億円\"", sh.getRow(6).getCell(1).getCellStyle().getDataFormatString());
            assertTrue(text(sh).contains("n = 1,500"));
        }
    }

    @Test
    void conditionalFormattingHasExplicitColours() throws IOException {
        try (XSSFWorkbook wb = open()) {
            var cf = wb.getSheetAt(1).getSheetConditionalFormatting();
            assertEquals(2, cf.getNumConditionalFormattings());
            ConditionalFormatting hl = cf.getConditionalFormattingAt(0);
            ConditionalFormattingRule rule = hl.getRule(0);
            assertEquals("\"普通\"", rule.getFormula1());
            assertEquals("FFC7CE", hex((XSSFColor) rule.getPatternFormatting().getFillBackgroundColorColor()));
            assertEquals("C5:C8", hl.getFormattingRanges()[0].formatAsString());
            XSSFConditionalFormattingRule scale = (XSSFConditionalFormattingRule) cf.getConditionalFormattingAt(1).getRule(0);
            var colors = scale.getColorScaleFormatting().getColors();
            assertEquals(3, colors.length);
            assertEquals("F8696B", hex((XSSFColor) colors[0]));
            assertEquals("63BE7B", hex((XSSFColor) colors[2]));
            assertEquals(100.0, scale.getColorScaleFormatting().getThresholds()[2].getValue());
        }
    }

    @Test
    void printSetupIsA4LandscapeFitToWidthWithRepeatedHeaderAndPageNumbers() throws IOException {
        try (XSSFWorkbook wb = open()) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet sh = wb.getSheetAt(i);
                PrintSetup ps = sh.getPrintSetup();
                assertEquals(PrintSetup.A4_PAPERSIZE, ps.getPaperSize(), sh.getSheetName());
                assertTrue(ps.getLandscape(), sh.getSheetName());
                assertEquals(1, ps.getFitWidth());
                assertEquals(0, ps.getFitHeight());
                assertTrue(sh.getFitToPage());
                assertTrue(sh.getFooter().getCenter().contains("&P"), sh.getSheetName());
            }
            XSSFSheet t = wb.getSheetAt(1);
            assertEquals("3:4", t.getRepeatingRows().formatAsString());
            assertNotNull(t.getPaneInformation());
            assertEquals(4, t.getPaneInformation().getHorizontalSplitTopRow());
            assertTrue(t.getCTWorksheet().isSetAutoFilter());
            assertEquals("A4:C8", t.getCTWorksheet().getAutoFilter().getRef());
        }
    }

    @Test
    void chartIsNativeWithExplicitColoursAndNoSmoothing() throws IOException {
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sh = wb.getSheet("グラフ");
            List<XSSFChart> charts = sh.getDrawingPatriarch().getCharts();
            assertEquals(1, charts.size());
            XSSFChart chart = charts.get(0);
            assertEquals("K01 データセット数", chart.getTitleText().getString());
            List<XDDFChartData> data = chart.getChartSeries();
            assertEquals(1, data.size());
            assertTrue(data.get(0) instanceof XDDFLineChartData);
            assertEquals(2, data.get(0).getSeriesCount());
            XDDFLineChartData.Series s0 = (XDDFLineChartData.Series) data.get(0).getSeries(0);
            assertFalse(s0.isSmooth());
            XDDFSolidFillProperties fill = (XDDFSolidFillProperties) s0.getShapeProperties().getLineProperties().getFillProperties();
            assertTrue(java.util.Arrays.equals(new byte[] {0x1F, 0x77, (byte) 0xB4},
                    ((org.apache.poi.xddf.usermodel.XDDFColorRgbBinary) fill.getColor()).getValue()));
            assertEquals("'グラフ'!$B$3:$B$5", s0.getValuesData().getDataRangeReference().replace("グラフ!", "'グラフ'!"));
            // data cells next to the chart are real numbers, the missing year is empty
            assertEquals(108.0, sh.getRow(2).getCell(1).getNumericCellValue());
            assertEquals(CellType.BLANK, sh.getRow(3).getCell(1).getCellType());
        }
    }

    @Test
    void mapSheetHoldsThePicture() throws IOException {
        try (XSSFWorkbook wb = open()) {
            assertEquals(1, wb.getAllPictures().size());
            assertEquals("image/png", wb.getAllPictures().get(0).getMimeType());
            assertTrue(text(wb.getSheet("地図")).contains("背景地図: 国土地理院"));
        }
        assertThrows(WorkbenchException.class, () -> ReportWriter.pngSize(new byte[30]));
    }

    @Test
    void largeTableIsStreamedAndCancellable() throws IOException {
        Path out = dir.resolve("large.xlsx");
        try (ReportWriter w = new ReportWriter(ReportInfo.of("大", "", null, "", "v"))) {
            Iterator<Object[]> rows = IntStream.range(0, 5000).mapToObj(i -> new Object[] {(long) i, "=x" + i, i * 0.5,
                LocalDate.of(2019, 4, 30).plusDays(i)}).iterator();
            long n = w.addLargeTable("明細", List.of("id", "text", "v", "date"),
                    List.of(CellFormat.INTEGER, CellFormat.GENERAL, CellFormat.DECIMAL1),
                    rows, PROV, ProgressListener.NONE, Cancellation.none());
            assertEquals(5000, n);
            w.write(out);
        }
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sh = wb.getSheet("明細");
            assertEquals(5000, sh.getLastRowNum());
            assertEquals("=x4999", sh.getRow(5000).getCell(1).getStringCellValue());
            assertTrue(sh.getRow(5000).getCell(1).getCellStyle().getQuotePrefixed());
            assertEquals("1:1", sh.getRepeatingRows().formatAsString());
            assertEquals(LocalDate.of(2019, 5, 1), sh.getRow(2).getCell(3).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("yyyy/mm/dd", sh.getRow(2).getCell(3).getCellStyle().getDataFormatString());
            assertEquals(4999 * 0.5, sh.getRow(5000).getCell(2).getNumericCellValue());
        }
        Cancellation c = new Cancellation();
        c.cancel();
        try (ReportWriter w = new ReportWriter(ReportInfo.of("大", "", null, "", "v"))) {
            Iterator<Object[]> rows = IntStream.range(0, 50_000).mapToObj(i -> new Object[] {(long) i}).iterator();
            assertThrows(CancelledException.class, () -> w.addLargeTable("x", List.of("id"), null, rows, PROV,
                    ProgressListener.NONE, c));
        }
    }

    static String hex(XSSFColor c) {
        return java.util.HexFormat.of().withUpperCase().formatHex(c.getRGB());
    }

    static String text(XSSFSheet sh) {
        List<String> out = new ArrayList<>();
        for (Row r : sh) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING) {
                    out.add(c.getStringCellValue());
                }
            }
        }
        return String.join("\n", out);
    }
}
