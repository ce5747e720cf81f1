package jp.ebpm.workbench.cli.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.evaluation.DidResult;
import jp.ebpm.analysis.evaluation.DiffInDiff;
import jp.ebpm.analysis.evaluation.PanelSpec;
import jp.ebpm.analysis.kpi.KpiFiles;
import jp.ebpm.analysis.kpi.KpiStore;
import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.cli.CliTestSupport;

/**
 * The evaluation commands on the bundled sample project (its SYNTHETIC evaluation tables). Numbers are checked
 * against the library calls the commands wrap (whose own tests compare with R), and the JSON keys and R
 * coefficient names the issue specifies.
 */
class EvaluationCommandsTest {

    @TempDir
    static Path dir;
    static Path project;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void buildSample() throws Exception {
        project = SampleProject.ensure(dir, ProgressListener.NONE, Cancellation.none());
        // a KPI register with one indicator per ward and an area table (for did --kpi-register)
        Path reg = dir.resolve("ward-kpis.csv");
        StringBuilder csv = new StringBuilder("指標ID,施策,指標名,単位,方向,基準年度,基準値,目標年度,目標値,FY2016,FY2017,FY2018,FY2019,FY2020\n");
        String[] wards = {"川崎区", "幸区", "中原区", "高津区", "多摩区", "宮前区"};
        for (int i = 0; i < wards.length; i++) {
            boolean treated = i % 2 == 1;
            double b = 20 + i;
            csv.append("W").append(i).append(",施策3,オンライン申請率 ").append(wards[i]).append(",%,増加,2016,").append(b)
                    .append(",2021,40,").append(b).append(',').append(b + 1.1).append(',').append(b + 2.0).append(',')
                    .append(b + 3.2 + (treated ? 4 : 0)).append(',').append(b + 3.9 + (treated ? 4 : 0)).append('\n');
        }
        Files.writeString(reg, csv);
        Path areas = dir.resolve("kpi-areas.csv");
        StringBuilder a = new StringBuilder("指標ID,ward,treated\n");
        for (int i = 0; i < wards.length; i++) {
            a.append("W").append(i).append(',').append(wards[i]).append(',').append(i % 2).append('\n');
        }
        Files.writeString(areas, a);
        try (Project p = Project.open(project)) {
            KpiStore.save(p, "ward_kpis", KpiFiles.read(reg), reg.getFileName().toString(), null, "test");
            jp.ebpm.analysis.io.Importer.importFile(p, areas, jp.ebpm.analysis.io.ImportOptions.defaults().withName("kpi_areas"),
                    ProgressListener.NONE, Cancellation.none());
        }
    }

    private static CliTestSupport.Result run(String... args) {
        CliTestSupport.Result r = CliTestSupport.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    @Test
    void regressPrintsRNamesAndTheListedKeys() throws Exception {
        CliTestSupport.Result r = run("regress", "--project", project.toString(), "--dataset", "measure_panel_synthetic",
                "--formula", "online_rate ~ measure_in_place + factor(fiscal_year) + factor(ward)", "--se", "cluster:ward,HC1");
        JsonNode j = JSON.readTree(r.out());
        for (String key : List.of("terms", "coef", "se", "t", "p", "ci_low", "ci_high", "r2", "adj_r2", "sigma", "f", "f_df1",
                "f_df2", "n", "se_HC1", "se_cluster")) {
            assertTrue(j.has(key), key);
        }
        List<String> terms = JSON.convertValue(j.get("terms"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertEquals("(Intercept)", terms.get(0));
        assertTrue(terms.contains("factor(ward)幸区"), terms.toString());
        assertEquals(56, j.get("n").asInt());
        try (Project p = Project.open(project)) {
            DidResult d = DiffInDiff.estimate(p, PanelSpec.of("measure_panel_synthetic", "online_rate", "ward", "fiscal_year",
                    "measure_in_place", null).withFixedEffects(), ProgressListener.NONE, Cancellation.none());
            int k = terms.indexOf("measure_in_place");
            assertEquals(d.effect(), j.get("coef").get(k).asDouble(), 1e-9);
            assertEquals(d.se(), j.get("se_cluster").get(k).asDouble(), 1e-9);
        }
        CliTestSupport.Result csv = run("regress", "--project", project.toString(), "--dataset", "measure_panel_synthetic",
                "--formula", "online_rate ~ measure_in_place", "--format", "csv");
        assertTrue(csv.out().startsWith("term,coef,se,t,p,ci_low,ci_high\n(Intercept),"), csv.out());
        Path xlsx = dir.resolve("regress.xlsx");
        run("regress", "--project", project.toString(), "--dataset", "measure_panel_synthetic", "--formula",
                "online_rate ~ measure_in_place + fiscal_year", "--se", "HC1", "--format", "xlsx", "--out", xlsx.toString());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertTrue(wb.getSheet("回帰分析") != null);
            assertTrue(wb.getSheet("出典・注記") != null);
        }
    }

    @Test
    void didTwoByTwoAndFixedEffectsWithChartAndReport() throws Exception {
        CliTestSupport.Result r = run("did", "--project", project.toString(), "--dataset", "measure_panel_synthetic", "--outcome",
                "online_rate", "--unit", "ward", "--period", "fiscal_year", "--treated", "first_wave", "--start", "2019");
        JsonNode j = JSON.readTree(r.out());
        assertEquals("2x2", j.get("design").asText());
        assertEquals("treated:post", j.get("effect_term").asText());
        assertEquals(7, j.get("clusters").asInt());
        assertEquals(8, j.get("trends").size());
        assertTrue(r.err().contains("note: Only 7 areas"), r.err());
        Path png = dir.resolve("trend.png");
        Path xlsx = dir.resolve("did.xlsx");
        CliTestSupport.Result fe = run("did", "--project", project.toString(), "--dataset", "measure_panel_synthetic", "--outcome",
                "online_rate", "--unit", "ward", "--period", "fiscal_year", "--treated", "measure_in_place", "--fe",
                "--chart", png.toString(), "--format", "xlsx", "--out", xlsx.toString());
        assertTrue(Files.size(png) > 5000);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertTrue(wb.getSheet("イベントスタディ") != null);
            assertTrue(wb.getSheet("事前トレンド") != null);
        }
        assertTrue(fe.err().contains("Staggered"), fe.err());
    }

    @Test
    void didOnAKpiRegistersActualsJoinedToAreas() throws Exception {
        // treated wards (i odd) gain 4 points from FY2019 on top of the common path: the 2x2 effect is exactly 4
        // (both groups share +1.1, +2.0, +3.2, +3.9 relative to their own baseline b)
        CliTestSupport.Result r = run("did", "--project", project.toString(), "--kpi-register", "ward_kpis", "--areas", "kpi_areas",
                "--unit", "ward", "--treated", "treated", "--start", "2019");
        JsonNode j = JSON.readTree(r.out());
        assertEquals(4.0, j.get("effect").asDouble(), 1e-9);
        assertEquals(6, j.get("units").asInt());
        assertEquals(30, j.get("n").asInt());
    }

    @Test
    void lqWithMapAndReport() throws Exception {
        Path png = dir.resolve("lq.png");
        CliTestSupport.Result r = run("lq", "--project", project.toString(), "--dataset", "ward_employment_synthetic", "--area", "ward",
                "--industry", "industry", "--value", "employees", "--reference-area", "全国(参考・合成)", "--map", png.toString(),
                "--map-industry", "製造業", "--layer", "kawasaki_wards");
        JsonNode j = JSON.readTree(r.out());
        assertEquals(7, j.get("areas").size());
        assertEquals(7 * 8, j.get("rows").size());
        assertTrue(j.get("rows").get(0).has("lq"));
        assertTrue(Files.size(png) > 5000);
        Path xlsx = dir.resolve("lq.xlsx");
        run("lq", "--project", project.toString(), "--dataset", "ward_employment_synthetic", "--area", "ward", "--industry",
                "industry", "--value", "employees", "--map-industry", "製造業", "--layer", "kawasaki_wards", "--format", "xlsx",
                "--out", xlsx.toString());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertTrue(wb.getSheet("特化係数") != null);
            assertFalse(wb.getSheet("特化係数 製造業") == null);
        }
    }

    @Test
    void pyramidAndProjection() throws Exception {
        CliTestSupport.Result r = run("pyramid", "--project", project.toString(), "--dataset", "ward_population_age_synthetic",
                "--age", "age_group", "--sex", "sex", "--value", "population", "--area-column", "ward", "--area", "幸区",
                "--year-column", "year", "--years", "2015,2020", "--chart", dir.resolve("pyr.png").toString());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(2, j.get("years").size());
        assertEquals(18, j.get("years").get(1).get("age_groups").size());
        assertTrue(j.get("years").get(1).has("aging_ratio"));
        CliTestSupport.Result p = run("project-population", "--project", project.toString(), "--population",
                "ward_population_age_synthetic", "--age", "age_group", "--sex", "sex", "--value", "population", "--area-column",
                "ward", "--area", "幸区", "--year-column", "year", "--base-year", "2020", "--to", "2040", "--rates",
                "projection_rates_synthetic", "--cwr", "0.19", "--format", "csv");
        assertEquals(1 + 5 * 18, p.out().lines().count());
    }

    @Test
    void outIntoAFolderUsesTheDefaultNameTheAppSuggests() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("outputs"));
        run("did", "--project", project.toString(), "--dataset", "measure_panel_synthetic", "--outcome", "online_rate",
                "--unit", "ward", "--period", "fiscal_year", "--treated", "first_wave", "--start", "2019", "--format", "csv",
                "--out", folder.toString());
        run("pyramid", "--project", project.toString(), "--dataset", "ward_population_age_synthetic", "--age", "age_group",
                "--sex", "sex", "--value", "population", "--area-column", "ward", "--area", "幸区", "--year-column", "year",
                "--years", "2015,2020", "--format", "xlsx", "--out", folder.toString());
        run("regress", "--project", project.toString(), "--dataset", "measure_panel_synthetic", "--formula",
                "online_rate ~ first_wave", "--out", folder.toString());
        // the names the Evaluation tab's Export suggests for the same results (EvaluationOutput.fileName and siblings)
        assertTrue(Files.size(folder.resolve("measure_panel_synthetic_did_online_rate.csv")) > 100);
        assertTrue(Files.size(folder.resolve("ward_population_age_synthetic_pyramid_幸区_2015-2020.xlsx")) > 1000);
        assertTrue(Files.size(folder.resolve("measure_panel_synthetic_regression_online_rate.json")) > 100);
    }

    @Test
    void badInputGivesAPlainErrorWithoutStackTrace() {
        CliTestSupport.Result r = CliTestSupport.run("regress", "--project", project.toString(), "--dataset",
                "measure_panel_synthetic", "--formula", "online_rate ~ nosuch");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no column \"nosuch\""), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        CliTestSupport.Result usage = CliTestSupport.run("regress", "--project", project.toString(), "--dataset",
                "measure_panel_synthetic", "--formula", "y ~ (x", "--se", "HC9");
        assertEquals(2, usage.exitCode());
    }
}
