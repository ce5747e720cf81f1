package jp.ebpm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.ebpm.analysis.stats.regression.SeType;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.ColumnSummary;

/**
 * What the Evaluation sub-tabs preselect: the dataset whose column names make every role obvious, those columns, and
 * nothing where a role is not obvious. The tables mirror the sample project's (sample-data/*.csv headers as DuckDB
 * types them), plus look-alikes that must not be chosen.
 */
class EvaluationDefaultsTest {

    private static List<ColumnInfo> cols(String... nameType) {
        java.util.ArrayList<ColumnInfo> out = new java.util.ArrayList<>();
        for (int i = 0; i < nameType.length; i += 2) {
            out.add(new ColumnInfo(nameType[i], nameType[i + 1]));
        }
        return out;
    }

    /** The sample project's tables, sorted by name as the Evaluation tab lists them. */
    static Map<String, List<ColumnInfo>> sample() {
        Map<String, List<ColumnInfo>> t = new LinkedHashMap<>();
        t.put("KPI登録簿", cols("指標ID", "VARCHAR", "施策", "VARCHAR", "指標名", "VARCHAR", "基準年度", "VARCHAR", "基準値", "BIGINT"));
        t.put("measure_panel_synthetic", cols("ward", "VARCHAR", "ward_code", "BIGINT", "fiscal_year", "BIGINT", "first_wave", "BIGINT",
                "measure_in_place", "BIGINT", "online_rate", "DOUBLE", "population", "BIGINT"));
        t.put("projection_rates_synthetic", cols("sex", "VARCHAR", "age_group", "VARCHAR", "survival", "DOUBLE", "net_migration", "DOUBLE"));
        t.put("ward_employment_synthetic", cols("ward", "VARCHAR", "ward_code", "BIGINT", "industry", "VARCHAR", "employees", "BIGINT"));
        t.put("ward_population_age_synthetic", cols("ward", "VARCHAR", "ward_code", "BIGINT", "year", "BIGINT", "sex", "VARCHAR",
                "age_group", "VARCHAR", "population", "BIGINT"));
        t.put("市民アンケート2018", cols("id", "BIGINT", "sex", "BIGINT", "age_group", "BIGINT", "age", "BIGINT", "ward", "BIGINT", "q5", "BIGINT"));
        // the raking targets: ward, sex and age group are codes (1, 2, 3…), not labels a pyramid can read
        t.put("川崎市人口_区性年代", cols("ward", "BIGINT", "sex", "BIGINT", "age_group", "BIGINT", "population", "BIGINT"));
        return t;
    }

    private static List<String> names(Map<String, List<ColumnInfo>> t) {
        return List.copyOf(t.keySet());
    }

    @Test
    void regressionStartsFromTheMeasurePanelWithTheTwoWayFixedEffectsModel() {
        Map<String, List<ColumnInfo>> t = sample();
        RegressionViewModel vm = new RegressionViewModel(d -> t.getOrDefault(d, List.of()));
        vm.suggest(names(t));
        assertEquals("measure_panel_synthetic", vm.dataset.get());
        assertEquals("online_rate", vm.outcome.get());
        assertEquals(List.of("measure_in_place", "factor(ward)", "factor(fiscal_year)"), vm.regressors);
        assertEquals(SeType.CLUSTER, vm.seType.get());
        assertEquals("ward", vm.cluster.get());
        assertEquals("online_rate ~ measure_in_place + factor(ward) + factor(fiscal_year)", vm.formula.get());
        // a chosen dataset is kept while the project offers it
        vm.dataset.set("ward_employment_synthetic");
        vm.suggest(names(t));
        assertEquals("ward_employment_synthetic", vm.dataset.get());
        assertNull(vm.outcome.get(), "no column of the employment table is obviously an outcome");
        assertTrue(vm.regressors.isEmpty());
    }

    @Test
    void didStartsFromTheMeasurePanelWithItsRollOutIndicator() {
        Map<String, List<ColumnInfo>> t = sample();
        DidViewModel vm = new DidViewModel(d -> t.getOrDefault(d, List.of()), "%s %s %s %s %s %d");
        vm.suggest(names(t));
        assertEquals("measure_panel_synthetic", vm.dataset.get());
        assertEquals("online_rate", vm.outcome.get());
        assertEquals("ward", vm.unit.get());
        assertEquals("fiscal_year", vm.period.get());
        assertEquals("measure_in_place", vm.treated.get(), "the indicator (1 from each ward's start), not the first_wave group");
        assertTrue(vm.fixedEffects.get());
        assertEquals("", vm.start.get());
    }

    @Test
    void aProjectWithoutAnObviousPanelPreselectsNothing() {
        Map<String, List<ColumnInfo>> t = sample();
        t.remove("measure_panel_synthetic");
        // a look-alike: an area column that is a surface, a duration (not a ratio), no treatment indicator
        t.put("buildings", cols("area", "DOUBLE", "year", "BIGINT", "duration", "DOUBLE", "separate", "BIGINT"));
        DidViewModel did = new DidViewModel(d -> t.getOrDefault(d, List.of()), "%s %s %s %s %s %d");
        did.suggest(names(t));
        assertNull(did.dataset.get());
        RegressionViewModel reg = new RegressionViewModel(d -> t.getOrDefault(d, List.of()));
        reg.suggest(names(t));
        assertNull(reg.dataset.get());
        Defaults.Panel p = Defaults.panel(t.get("buildings"));
        assertNull(p.unit(), "a numeric area column is a surface, not an area");
        assertNull(p.outcome(), "duration contains 'ratio' but not as a word");
        assertNull(p.treated());
        assertEquals("year", p.period());
    }

    @Test
    void pyramidStartsFromTheWardPopulationWithItsFirstAndLastYear() {
        Map<String, List<ColumnInfo>> t = sample();
        PyramidViewModel vm = new PyramidViewModel(d -> t.getOrDefault(d, List.of()));
        vm.suggest(names(t));
        assertEquals("ward_population_age_synthetic", vm.dataset.get(),
                "not the rates (no population), not the survey or the raking targets (age groups are codes)");
        assertEquals("age_group", vm.age.get());
        assertEquals("sex", vm.sex.get());
        assertEquals("population", vm.value.get());
        assertEquals("ward", vm.areaColumn.get());
        assertEquals("year", vm.yearColumn.get());
        assertEquals("", vm.area.get(), "the whole city");
        List<ColumnSummary> summary = List.of(new ColumnSummary("year", "BIGINT", 560, 2, "2015", "2020", 2017.5));
        vm.suggestYears("another_dataset", summary);
        assertEquals("", vm.years.get(), "a late answer for another dataset is ignored");
        vm.suggestYears("ward_population_age_synthetic", summary);
        assertEquals("2015,2020", vm.years.get());
        vm.years.set("2020");
        vm.suggestYears("ward_population_age_synthetic", summary);
        assertEquals("2020", vm.years.get(), "typed years are kept");
        assertEquals("Population pyramid 2020", vm.title("Population pyramid"));
        assertFalse(Defaults.isPopulationTable(t.get("川崎市人口_区性年代")));
    }

    @Test
    void locationQuotientsStartFromTheWardEmploymentWithTheNationalRowAsReference() {
        Map<String, List<ColumnInfo>> t = sample();
        LqViewModel vm = new LqViewModel(d -> t.getOrDefault(d, List.of()));
        Map<String, List<ColumnInfo>> areaLayers = new LinkedHashMap<>();
        areaLayers.put("kawasaki_mesh500_population_synthetic", cols("fid", "BIGINT", "mesh_code", "VARCHAR", "area_name", "VARCHAR"));
        areaLayers.put("kawasaki_wards", cols("fid", "BIGINT", "N03_001", "VARCHAR", "N03_004", "VARCHAR", "N03_007", "VARCHAR"));
        vm.suggestLayer(List.of("kawasaki_mesh500_population_synthetic", "kawasaki_nurseries", "kawasaki_shelters", "kawasaki_wards"),
                areaLayers);
        assertEquals("kawasaki_wards", vm.layer.get(), "the first area layer with the ward names (N03_004)");
        vm.suggest(names(t));
        assertEquals("ward_employment_synthetic", vm.dataset.get());
        assertEquals("ward", vm.area.get());
        assertEquals("industry", vm.industry.get());
        assertEquals("employees", vm.value.get());
        assertTrue(vm.wantsReference());
        vm.suggestReference("ward_employment_synthetic", List.of("川崎区", "幸区", "中原区", "高津区", "多摩区", "宮前区", "麻生区", "全国(参考・合成)"));
        assertEquals("全国(参考・合成)", vm.referenceArea.get());
        assertFalse(vm.wantsReference());
    }

    @Test
    void theReferenceRowIsOnlyChosenWhenExactlyOneAreaIsNamedLikeIt() {
        assertNull(Defaults.referenceArea(List.of("川崎区", "幸区")), "no reference row: all areas (the city)");
        assertNull(Defaults.referenceArea(List.of("川崎区", "全国", "神奈川県合計")), "two candidates: the user chooses");
        assertEquals("計", Defaults.referenceArea(List.of("計", "川崎区")));
        assertEquals("City total", Defaults.referenceArea(List.of("Ward A", "City total")));
        assertNull(Defaults.referenceArea(List.of("Totalville")), "total must be a word");
    }

    @Test
    void yearsAreTheFirstAndTheLast() {
        assertEquals("2015,2020", Defaults.years("2015", "2020", 2));
        assertEquals("2000,2020", Defaults.years("2000", "2020", 5));
        assertEquals("2020", Defaults.years("2020", "2020", 1));
        assertEquals("", Defaults.years(null, null, 0));
    }

    @Test
    void hintsMatchWholeWordsAndExactJapaneseNames() {
        assertTrue(Defaults.contains("online_rate", "rate"));
        assertTrue(Defaults.contains("Online Rate", "rate"));
        assertFalse(Defaults.contains("separate", "rate"));
        assertTrue(Defaults.contains("利用率", "率"));
        List<ColumnInfo> jp = cols("年齢", "VARCHAR", "性別", "VARCHAR", "人口", "BIGINT", "区", "VARCHAR", "年", "BIGINT");
        Defaults.Population p = Defaults.population(jp);
        assertEquals("年齢", p.age());
        assertEquals("性別", p.sex());
        assertEquals("人口", p.value());
        assertEquals("区", p.area());
        assertEquals("年", p.year(), "年 only as the whole name (never 年齢)");
        assertNull(Defaults.population(cols("年齢", "VARCHAR")).year());
    }
}
