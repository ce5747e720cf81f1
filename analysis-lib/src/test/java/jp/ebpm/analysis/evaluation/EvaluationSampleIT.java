package jp.ebpm.analysis.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.gis.map.MapRenderer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.stats.regression.OlsResult;
import jp.ebpm.analysis.stats.regression.Regression;
import jp.ebpm.analysis.stats.regression.RegressionSpec;
import jp.ebpm.analysis.stats.regression.SeType;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * The evaluation features on the bundled sample project (built from sample-data/ as the app builds it): the
 * synthetic panel's planted effect (+6.0 points) is found, location quotients are mapped over the ward layer,
 * the pyramid and projection run, and the Excel reports round-trip through POI.
 */
class EvaluationSampleIT {

    @TempDir
    static Path home;
    static Project project;

    @BeforeAll
    static void build() {
        Path dir = SampleProject.ensure(home, ProgressListener.NONE, Cancellation.none());
        project = Project.open(dir);
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @Test
    void didOnTheSyntheticPanelFindsThePlantedEffect() throws Exception {
        // 2x2 with the first wave as the group: the second wave's FY2022 start sits in the control group's
        // "post" years and biases the comparison downwards; the TWFE design uses the true treatment indicator.
        PanelSpec s = PanelSpec.of("measure_panel_synthetic", "online_rate", "ward", "fiscal_year", "first_wave", "2019");
        DidResult twfe = DiffInDiff.estimate(project, PanelSpec.of("measure_panel_synthetic", "online_rate", "ward",
                "fiscal_year", "measure_in_place", null).withFixedEffects(), ProgressListener.NONE, Cancellation.none());
        assertEquals(7, twfe.clusters());
        assertEquals(List.of("2019", "2022"), twfe.starts());
        assertTrue(twfe.ciLow() < 6.0 && 6.0 < twfe.ciHigh(), twfe.ciLow() + " .. " + twfe.ciHigh());
        assertTrue(Math.abs(twfe.effect() - 6.0) < 1.5, "effect " + twfe.effect());
        assertTrue(twfe.notes().stream().anyMatch(n -> n.contains("Only 7 areas")));
        assertFalse(twfe.eventStudy().isEmpty());
        Path xlsx = home.resolve("did.xlsx");
        EvaluationReports.did(twfe, EvaluationReports.info("差の差分析", "test"),
                EvaluationReports.provenance(project, List.of("measure_panel_synthetic"), "", "", "test"), xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sh = wb.getSheet("差の差分析");
            double found = Double.NaN;
            for (org.apache.poi.ss.usermodel.Row row : sh) {
                if (row.getCell(0) != null && row.getCell(0).toString().equals("効果 (d)")) {
                    found = row.getCell(1).getNumericCellValue();
                }
            }
            assertEquals(twfe.effect(), found, 1e-12);
            assertTrue(wb.getSheet("出典・注記") != null);
        }
        assertTrue(DiffInDiff.estimate(project, s, ProgressListener.NONE, Cancellation.none()).effect() > 0);
    }

    @Test
    void regressionWithWardFactorAndClusterOnTheSample() throws Exception {
        OlsResult r = Regression.fit(project, RegressionSpec.of("measure_panel_synthetic",
                "online_rate ~ measure_in_place + factor(fiscal_year) + factor(ward)").withCluster("ward").withSe(SeType.HC1),
                ProgressListener.NONE, Cancellation.none());
        // same model as the TWFE DiD with dummies: the coefficient of the indicator equals the DiD effect
        DidResult twfe = DiffInDiff.estimate(project, PanelSpec.of("measure_panel_synthetic", "online_rate", "ward",
                "fiscal_year", "measure_in_place", null).withFixedEffects(), ProgressListener.NONE, Cancellation.none());
        assertEquals(twfe.effect(), r.coef()[r.indexOf("measure_in_place")], 1e-9);
        assertEquals(twfe.se(), r.robust(SeType.CLUSTER).orElseThrow().se()[r.indexOf("measure_in_place")], 1e-9);
        assertTrue(r.terms().contains("factor(ward)幸区"), r.terms().toString());
        Path xlsx = home.resolve("regress.xlsx");
        EvaluationReports.regression(r, SeType.CLUSTER, EvaluationReports.info("回帰", "test"),
                EvaluationReports.provenance(project, List.of("measure_panel_synthetic"), "", "", "test"), xlsx);
        assertTrue(Files.size(xlsx) > 5000);
    }

    @Test
    void locationQuotientMapAndPopulation() throws Exception {
        LocationQuotient.Result lq = LocationQuotient.compute(project, new LocationQuotient.Spec("ward_employment_synthetic",
                "ward", "industry", "employees", "全国(参考・合成)", null));
        assertEquals(7, lq.areas().size());
        // 川崎区 is the manufacturing ward of the synthetic profile
        assertTrue(lq.lq("川崎区", "製造業") > 1.3);
        MapSpec map = LqMaps.map(project, lq, "製造業", "kawasaki_wards", "N03_004", "N03_004", "特化係数 製造業");
        double[] values = map.layers().get(0).values();
        assertEquals(7, java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).count());
        byte[] png = MapRenderer.renderPng(map, 800, 600, 96);
        assertTrue(png.length > 1000);
        List<PopulationStructure> pyr = Pyramid.of(project, new Pyramid.Spec("ward_population_age_synthetic", "age_group", "sex",
                "population", "ward", "幸区", "year", List.of("2015", "2020")));
        // 2020 ward x sex totals are the real October 2020 figures: 幸区 86,703 men and 84,485 women
        assertEquals(86703 + 84485, pyr.get(1).total(), 2);
        List<PopulationStructure> proj = CohortComponent.project(project, new CohortComponent.Spec(
                "ward_population_age_synthetic", "age_group", "sex", "population", Map.of("ward", "幸区", "year", "2020"),
                "projection_rates_synthetic", "survival", "net_migration", 2020, new double[] {0.19}, 105, 2040));
        assertEquals(5, proj.size());
        assertTrue(proj.get(4).agingRatio() > proj.get(0).agingRatio());
        Path xlsx = home.resolve("pop.xlsx");
        EvaluationReports.population(proj, EvaluationCharts.pyramid(List.of(proj.get(0), proj.get(4)), "幸区", "男", "女"),
                "人口ピラミッド", List.of(), EvaluationReports.info("将来推計", "test"),
                EvaluationReports.provenance(project, List.of("ward_population_age_synthetic"), "", "", "test"), xlsx);
        assertTrue(Files.size(xlsx) > 5000);
    }
}
