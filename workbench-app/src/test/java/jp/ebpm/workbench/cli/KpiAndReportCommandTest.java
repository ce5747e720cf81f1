package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class KpiAndReportCommandTest {

    @TempDir
    Path dir;
    Path sample;

    @BeforeEach
    void copySample() throws IOException {
        sample = dir.resolve("kpi-register-sample.csv");
        try (InputStream in = getClass().getResourceAsStream("kpi-register-sample.csv")) {
            Files.copy(in, sample);
        }
    }

    @Test
    void evaluatePrintsJsonPerKpi() throws IOException {
        CliTestSupport.Result r = CliTestSupport.run("kpi", "evaluate", "--kpis", sample.toString(), "--fiscal-year", "令和元");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(2019, root.get("fiscalYear").asInt());
        JsonNode kpis = root.get("kpis");
        assertEquals(14, kpis.size());
        JsonNode k01 = kpis.get(0);
        assertEquals("K01", k01.get("id").asText());
        // hand: (230-108)/(300-108) = 122/192 = 0.63541..; path at 2019 = 108 + 192*2/4 = 204 -> on track
        assertEquals(122.0 / 192.0, k01.get("progressRate").asDouble(), 1e-12);
        assertEquals("on_track", k01.get("status").asText());
        assertEquals("B", k01.get("grade").asText());
        assertEquals("令和元(2019)年度", k01.get("fiscalYearLabel").asText());
    }

    @Test
    void evaluatePrintsCsv() {
        CliTestSupport.Result r = CliTestSupport.run("kpi", "evaluate", "--kpis", sample.toString(), "--fiscal-year", "2021",
                "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(15, lines.size());
        assertTrue(lines.get(0).startsWith("id,measure,name"));
        // K06 has no FY2021 actual in the sample
        assertTrue(lines.get(6).startsWith("K06,") && lines.get(6).endsWith(",no_data,-"), lines.get(6));
    }

    @Test
    void badFiscalYearIsUsageErrorAndBadRegisterIsDataError() throws IOException {
        assertEquals(2, CliTestSupport.run("kpi", "evaluate", "--kpis", sample.toString(), "--fiscal-year", "someday").exitCode());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "指標名,方向,基準年度,基準値,目標年度,目標値\nA,増加,2021,1,2017,5\n");
        CliTestSupport.Result r = CliTestSupport.run("kpi", "evaluate", "--kpis", bad.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("bad.csv, line 2, column \"目標年度\""), r.err());
    }

    @Test
    void reportKpiWritesChartsPerKpi() throws IOException {
        Path out = dir.resolve("r.xlsx");
        CliTestSupport.Result r = CliTestSupport.run("report", "kpi", "--kpis", sample.toString(), "--fiscal-year", "2021",
                "--out", out.toString(), "--author", "tester");
        assertEquals(0, r.exitCode(), r.err());
        try (XSSFWorkbook wb = (XSSFWorkbook) jp.ebpm.workbench.export.TestWorkbooks.open(out)) {
            assertEquals(4, wb.getNumberOfSheets());
            assertEquals("KPI一覧", wb.getSheetName(1));
            assertEquals(14, wb.getSheet("KPIグラフ").getDrawingPatriarch().getCharts().size());
            assertEquals("遅れ", wb.getSheet("KPI一覧").getRow(4).getCell(12).getStringCellValue()); // K02 behind
        }
    }

    @Test
    void reportBuildFromSpec() throws IOException {
        Path project = dir.resolve("proj");
        assertEquals(0, CliTestSupport.run("kpi", "store", "--project", project.toString(), "--kpis", sample.toString()).exitCode());
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(img, "png", dir.resolve("map.png").toFile());
        Files.writeString(dir.resolve("spec.json"), """
                {"title":"月次報告","organization":"川崎市","author":"担当","date":"2026-11-27","fiscalYear":"令和3",
                 "items":[{"type":"kpi","dataset":"KPI登録簿"},
                          {"type":"table","title":"集計","sql":"SELECT 1 AS n, '=x' AS t","notes":["n = 1"]},
                          {"type":"map","title":"地図","png":"map.png"}]}
                """);
        Path out = dir.resolve("b.xlsx");
        CliTestSupport.Result r = CliTestSupport.run("report", "build", "--project", project.toString(), "--spec",
                dir.resolve("spec.json").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        try (XSSFWorkbook wb = (XSSFWorkbook) jp.ebpm.workbench.export.TestWorkbooks.open(out)) {
            assertEquals(List.of("表紙", "KPI一覧", "KPIグラフ", "集計", "地図", "出典・注記"),
                    java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList());
            assertEquals("=x", wb.getSheet("集計").getRow(3).getCell(1).getStringCellValue());
            assertTrue(wb.getSheet("集計").getRow(3).getCell(1).getCellStyle().getQuotePrefixed());
        }
        CliTestSupport.Result missing = CliTestSupport.run("report", "build", "--project", project.toString(), "--spec",
                dir.resolve("nope.json").toString(), "--out", out.toString());
        assertEquals(1, missing.exitCode());
    }

    @Test
    void settingsStoreGradingAndYearStyleInTheProject() throws IOException {
        Path project = dir.resolve("p2");
        assertEquals(0, CliTestSupport.run("kpi", "store", "--project", project.toString(), "--kpis", sample.toString()).exitCode());
        Path g = Files.writeString(dir.resolve("g.json"), "{\"bands\":[{\"grade\":\"◎\",\"min\":0.9}],\"otherwise\":\"△\"}");
        CliTestSupport.Result r = CliTestSupport.run("kpi", "settings", "--project", project.toString(), "--grading", g.toString(),
                "--year-style", "fy");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("fy", root.get("yearStyle").asText());
        assertEquals("◎", root.get("grading").get("bands").get(0).get("grade").asText());
    }
}
