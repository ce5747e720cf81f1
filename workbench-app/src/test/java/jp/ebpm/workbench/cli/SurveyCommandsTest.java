package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The crosstab and rake commands end to end, on copies of the reference-vector inputs. */
class SurveyCommandsTest {

    private static Path resource(String name, Path dir) throws IOException {
        try (InputStream in = SurveyCommandsTest.class.getResourceAsStream("/jp/ebpm/workbench/cli/survey/" + name)) {
            Path p = dir.resolve(name);
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        }
    }

    private static void close(double expected, JsonNode actual) {
        assertTrue(Math.abs(expected - actual.asDouble()) <= 1e-6 * Math.abs(expected) + 1e-12,
                "expected " + expected + " but was " + actual);
    }

    @Test
    void crosstabFromCsvPrintsJsonWithStatistics(@TempDir Path dir) throws IOException {
        Path csv = resource("ct06_r_tea_tasting.csv", dir);
        CliTestSupport.Result r = CliTestSupport.run("crosstab", "--csv", csv.toString(), "--rows", "guess", "--cols", "truth",
                "--weight", "n");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1, j.get("row_labels").get(0).asInt());
        close(3, j.get("counts").get(0).get(0));
        // ct06 vector: PSPP Pearson 2.0 df 1 p 0.157299207050285; R fisher.test two-sided 0.4857142857142858
        close(2.0, j.get("pearson").get("statistic"));
        close(0.157299207050285, j.get("pearson").get("p"));
        close(0.4857142857142858, j.get("fisher_exact_p"));
        close(2.092992575058192, j.get("likelihood_ratio").get("statistic"));
        close(0.5, j.get("phi"));
        close(0.4472135954999579, j.get("contingency_coefficient"));
        close(1.414213562373095, j.get("adjusted_residuals").get(0).get(0));
    }

    @Test
    void crosstabReadsShiftJisCsv(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("sjis.csv");
        Files.writeString(csv, "性別,回答\n男性,はい\n女性,いいえ\n男性,はい\n", jp.ebpm.analysis.io.TextEncoding.CP932.charset());
        CliTestSupport.Result r = CliTestSupport.run("crosstab", "--csv", csv.toString(), "--encoding", "cp932",
                "--rows", "性別", "--cols", "回答");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        // text labels in ascending (code point) order: 女性 < 男性, いいえ < はい; counts by hand
        assertEquals("女性", j.get("row_labels").get(0).asText());
        assertEquals("いいえ", j.get("col_labels").get(0).asText());
        close(2, j.get("counts").get(1).get(1));
    }

    @Test
    void surveyWeightGivesRaoScott(@TempDir Path dir) throws IOException {
        Path csv = resource("apistrat.csv", dir);
        CliTestSupport.Result r = CliTestSupport.run("crosstab", "--csv", csv.toString(), "--rows", "sch.wide", "--cols", "stype",
                "--survey-weight", "pw");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rs = new ObjectMapper().readTree(r.out()).get("rao_scott");
        // R 4.2.2 survey 4.1.1: svychisq(~sch.wide+stype, svydesign(id=~1, weights=~pw, data=apistrat))
        close(16.7195776045142, rs.get("f"));
        close(1.8381238078121, rs.get("ndf"));
        close(365.786637754609, rs.get("ddf"));
        close(2.97784922764308e-07, rs.get("p"));
    }

    @Test
    void crosstabWritesXlsxAndCsv(@TempDir Path dir) throws IOException {
        Path csv = resource("ct01_pspp_residuals.csv", dir);
        Path xlsx = dir.resolve("t.xlsx");
        CliTestSupport.Result r = CliTestSupport.run("crosstab", "--csv", csv.toString(), "--rows", "r", "--cols", "c",
                "--weight", "n", "--format", "xlsx", "--out", xlsx.toString());
        assertEquals(0, r.exitCode(), r.err());
        try (Workbook wb = jp.ebpm.workbench.export.TestWorkbooks.open(xlsx)) {
            // Sheet 0 is the cover; sheet 1 the cross-tab: title, blank, header, then the body rows.
            // ct01 counts: cell (1,1) = 26 (PSPP vector input); its column % carries a number format.
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(1);
            assertEquals("r × c", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(26.0, sheet.getRow(3).getCell(1).getNumericCellValue(), 0.0);
            assertTrue(sheet.getRow(3).getCell(2).getCellStyle().getDataFormatString().contains("%"));
            assertEquals(java.util.List.of("表紙", "表", "グラフ", "cells", "statistics", "出典・注記"),
                    java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList());
            // the default chart as one picture on its own sheet, titled like the table
            org.apache.poi.xssf.usermodel.XSSFSheet chart = (org.apache.poi.xssf.usermodel.XSSFSheet) wb.getSheet("グラフ");
            assertEquals("r × c", chart.getRow(0).getCell(0).getStringCellValue());
            assertEquals(1, chart.getDrawingPatriarch().getShapes().stream()
                    .filter(sh -> sh instanceof org.apache.poi.xssf.usermodel.XSSFPicture).count());
        }
        // A NET row (codes 1 and 2) is written after the categories, with the sum of their counts.
        Path withNet = dir.resolve("net.xlsx");
        CliTestSupport.Result n = CliTestSupport.run("crosstab", "--csv", csv.toString(), "--rows", "r", "--cols", "c",
                "--weight", "n", "--net", "Top=1,2", "--format", "xlsx", "--out", withNet.toString());
        assertEquals(0, n.exitCode(), n.err());
        try (Workbook wb = jp.ebpm.workbench.export.TestWorkbooks.open(withNet)) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(1);
            int netRow = -1;
            for (int i = 3; i <= sheet.getLastRowNum(); i++) {
                if (sheet.getRow(i) != null && "NET Top".equals(sheet.getRow(i).getCell(0).getStringCellValue())) {
                    netRow = i;
                }
            }
            assertTrue(netRow > 4, "no NET row in the cross-tab sheet");
            assertEquals(sheet.getRow(3).getCell(1).getNumericCellValue() + sheet.getRow(4).getCell(1).getNumericCellValue(),
                    sheet.getRow(netRow).getCell(1).getNumericCellValue(), 1e-9);
        }
        CliTestSupport.Result c = CliTestSupport.run("crosstab", "--csv", csv.toString(), "--rows", "r", "--cols", "c",
                "--weight", "n", "--format", "csv");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().startsWith("layer,row,col,count,expected"), c.out());
        assertEquals(1 + 8, c.out().strip().split("\n").length);
    }

    @Test
    void rakeStoresConvergedWeights(@TempDir Path dir) throws IOException {
        Path csv = resource("apistrat.csv", dir);
        Path project = dir.resolve("proj");
        // create the dataset through the library (the importer is another helper's work)
        jp.ebpm.analysis.store.Project p = jp.ebpm.analysis.store.Project.openOrCreate(project);
        p.inTransaction(c -> {
            jp.ebpm.analysis.survey.CsvTable.load(c, csv, StandardCharsets.UTF_8, "api");
            p.catalog().register(c, new jp.ebpm.analysis.store.DatasetInfo("api", jp.ebpm.analysis.store.DatasetKind.SURVEY,
                    "apistrat.csv", null, java.time.Instant.now(), 200, jp.ebpm.analysis.store.Catalog.describe(c, "api"),
                    "UTF-8", "", jp.ebpm.analysis.store.Sensitivity.INTERNAL, "", java.util.Map.of()));
            return null;
        });
        p.close();
        Files.writeString(dir.resolve("stype.csv"), "stype,Freq\nE,4421\nH,755\nM,1018\n");
        Files.writeString(dir.resolve("schwide.csv"), "sch.wide,Freq\nNo,1072\nYes,5122\n");
        CliTestSupport.Result r = CliTestSupport.run("rake", "--project", project.toString(), "--dataset", "api",
                "--margins", "stype=" + dir.resolve("stype.csv"), "--margins", "sch.wide=" + dir.resolve("schwide.csv"),
                "--base-weight", "pw", "--out-weight", "rw");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("converged").asBoolean());
        // population total of the margins (R vector: 4421 + 755 + 1018)
        close(6194, j.get("sum_weights"));
        CliTestSupport.Result q = CliTestSupport.run("sql", "--project", project.toString(), "--query",
                "SELECT rw FROM api WHERE snum = '2077'");
        // R rake(..., epsilon=1e-10): weight of snum 2077 = 44.1771088541042
        assertTrue(q.out().contains("44.17710885"), q.out());
        // the project remembers the raking margins: svychisq on the raked design (R svychisq_F_after_rake)
        CliTestSupport.Result t = CliTestSupport.run("crosstab", "--project", project.toString(), "--dataset", "api",
                "--rows", "sch.wide", "--cols", "stype", "--survey-weight", "rw");
        assertEquals(0, t.exitCode(), t.err());
        JsonNode rs = new ObjectMapper().readTree(t.out()).get("rao_scott");
        close(12.2347031147557, rs.get("f"));
        close(1.66379691124452, rs.get("ndf"));
        close(331.095585337659, rs.get("ddf"));
        close(3.05778555198151e-05, rs.get("p"));
    }

    /** Respondents whose category the population lacks are refused, or left out with an empty weight on request. */
    @Test
    void rakeLeavesOutRespondentsWithoutAPopulationTargetOnRequest(@TempDir Path dir) throws IOException {
        Path data = jp.ebpm.analysis.sample.SampleProject.locateSampleData().orElseThrow().resolve("survey");
        String project = dir.resolve("p").toString();
        String pop = data.resolve("population.csv").toString();
        CliTestSupport.Result i = CliTestSupport.run("import", "--project", project, "--file", data.resolve("respondents.csv").toString(),
                "--name", "s", "--kind", "survey");
        assertEquals(0, i.exitCode(), i.err());
        CliTestSupport.Result refused = CliTestSupport.run("rake", "--project", project, "--dataset", "s", "--margins", "ward=" + pop,
                "--margins", "sex+age_group=" + pop, "--out-weight", "w");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("has respondents but no population target") && refused.err().contains("--leave-out-unmatched"),
                refused.err());
        CliTestSupport.Result r = CliTestSupport.run("rake", "--project", project, "--dataset", "s", "--margins", "ward=" + pop,
                "--margins", "sex+age_group=" + pop, "--out-weight", "w", "--leave-out-unmatched");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("converged").asBoolean());
        // the sample's 7 respondents with sex = 3 (その他): the population knows only 1 and 2
        assertEquals(1493, j.get("respondents").asLong());
        assertEquals(7, j.get("left_out").asLong());
        assertEquals("sex×age_group", j.get("left_out_categories").get(0).get("margin").asText());
        assertEquals(1_202_106.0, j.get("sum_weights").asDouble(), 1e-3);
        CliTestSupport.Result q = CliTestSupport.run("sql", "--project", project, "--query",
                "select count(*) from s where w is null and sex = 3", "--format", "csv");
        assertEquals(0, q.exitCode(), q.err());
        assertTrue(q.out().strip().endsWith("7"), q.out());
    }

    @Test
    void codebookTypesGiveMultipleResponseAndLikertSummaries(@TempDir Path dir) throws IOException {
        jp.ebpm.analysis.survey.sample.SurveySampleGenerator.writeTo(dir);
        String csv = dir.resolve("respondents.csv").toString();
        String cb = dir.resolve("codebook.csv").toString();
        CliTestSupport.Result mr = CliTestSupport.run("crosstab", "--csv", csv, "--codebook", cb, "--rows", "q3", "--cols", "sex");
        assertEquals(0, mr.exitCode(), mr.err());
        JsonNode m = new ObjectMapper().readTree(mr.out());
        assertEquals("multiple_response", m.get("type").asText());
        // published (kawasaki plan): 防災 33.3 % of respondents; Total is the last column
        int total = m.get("col_labels").size() - 1;
        assertEquals(33.3, m.get("pct_respondents").get(0).get(total).asDouble(), 0.1);
        CliTestSupport.Result lk = CliTestSupport.run("crosstab", "--csv", csv, "--codebook", cb, "--rows", "q4a", "--cols", "age_group");
        assertEquals(0, lk.exitCode(), lk.err());
        JsonNode l = new ObjectMapper().readTree(lk.out());
        // published: 70-79 about 70 % agree with 生活が便利になる (synthetic sample: 79 of 112 = 70.5 %)
        assertEquals(70.5, l.get("likert").get("top2_pct").get(6).asDouble(), 0.1);
        assertEquals("Top-2", l.get("nets").get(0).get("label").asText());
    }

    @Test
    void crosstabNeedsOneSource() {
        CliTestSupport.Result r = CliTestSupport.run("crosstab", "--rows", "a", "--cols", "b");
        assertEquals(2, r.exitCode());
    }
}
