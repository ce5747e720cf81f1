package jp.ebpm.analysis.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class KpiEvaluatorTest {

    private final KpiEvaluator ev = new KpiEvaluator();

    static Kpi kpi(Direction d, boolean cumulative, CumulativeInput input, int by, double bv, int ty, double tv,
                   Map<Integer, Double> actuals) {
        return new Kpi("K", "施策1", "name", "件", d, cumulative, input, by, bv, ty, tv, new TreeMap<>(actuals),
                false, "", "");
    }

    @Test
    void aTargetAgainstTheDirectionCannotBeBuilt() {
        // issue 16: increase, baseline 100, target 90, actual 92 was graded A ("achieved") at progress 0.8
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> kpi(Direction.INCREASE, false, null, 2017, 100, 2021, 90, Map.of(2021, 92.0)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("below the baseline"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> kpi(Direction.DECREASE, false, null, 2017, 100, 2021, 110, Map.of()));
        // the same numbers as a floor are consistent: achieved, progress capped at 1 (min(92 / 90, 1))
        KpiEvaluation floor = ev.evaluate(kpi(Direction.MAINTAIN_AT_LEAST, false, null, 2017, 100, 2021, 90,
                Map.of(2021, 92.0)), 2021);
        assertEquals(KpiStatus.ACHIEVED, floor.status());
        assertEquals(1.0, floor.progressRate(), 1e-12);
    }

    @Test
    void increaseProgressAndOnTrack() {
        // baseline 108 (FY2017) -> target 300 (FY2021): plan's open data KPI.
        Kpi k = kpi(Direction.INCREASE, false, null, 2017, 108, 2021, 300, Map.of(2018, 197.0, 2019, 200.0, 2021, 305.0));
        KpiEvaluation e18 = ev.evaluate(k, 2018);
        // hand: (197-108)/(300-108) = 89/192 = 0.463541..; path 108 + 192*1/4 = 156
        assertEquals(89.0 / 192.0, e18.progressRate(), 1e-12);
        assertEquals(156.0, e18.expected(), 1e-12);
        assertEquals(KpiStatus.ON_TRACK, e18.status());
        assertEquals("C", e18.grade());
        KpiEvaluation e19 = ev.evaluate(k, 2019);
        // hand: path 108 + 192*2/4 = 204 > 200 -> behind; progress 92/192 = 0.479
        assertEquals(204.0, e19.expected(), 1e-12);
        assertEquals(KpiStatus.BEHIND, e19.status());
        KpiEvaluation e21 = ev.evaluate(k, 2021);
        assertEquals(KpiStatus.ACHIEVED, e21.status());
        assertEquals(197.0 / 192.0, e21.progressRate(), 1e-12);
        assertEquals("S", e21.grade());
    }

    @Test
    void missingYearIsNoData() {
        Kpi k = kpi(Direction.INCREASE, false, null, 2017, 108, 2021, 300, Map.of(2018, 197.0));
        KpiEvaluation e = ev.evaluate(k, 2020);
        assertEquals(KpiStatus.NO_DATA, e.status());
        assertNull(e.progressRate());
        assertNull(e.actual());
        assertEquals("-", e.grade());
        // latest: evaluated at its last actual year
        assertEquals(2018, ev.evaluateLatest(new KpiRegister(List.of(k))).get(0).fiscalYear());
    }

    @Test
    void decrease() {
        // baseline 100 -> target 60 (FY2020 -> FY2024); actual 80 in FY2022
        Kpi k = kpi(Direction.DECREASE, false, null, 2020, 100, 2024, 60, Map.of(2022, 80.0, 2023, 75.0, 2024, 59.0));
        KpiEvaluation e = ev.evaluate(k, 2022);
        // hand: (80-100)/(60-100) = 0.5; path 100 - 40*2/4 = 80 -> on track (equal counts)
        assertEquals(0.5, e.progressRate(), 1e-12);
        assertEquals(KpiStatus.ON_TRACK, e.status());
        assertEquals("B", e.grade());
        // hand: path 70, actual 75 is above -> behind; progress 25/40 = 0.625
        assertEquals(KpiStatus.BEHIND, ev.evaluate(k, 2023).status());
        assertEquals(0.625, ev.evaluate(k, 2023).progressRate(), 1e-12);
        assertEquals(KpiStatus.ACHIEVED, ev.evaluate(k, 2024).status());
    }

    @Test
    void maintainAtLeast() {
        // web accessibility points: 16 -> at least 16
        Kpi k = kpi(Direction.MAINTAIN_AT_LEAST, false, null, 2017, 16, 2021, 16, Map.of(2018, 17.0, 2021, 15.0));
        KpiEvaluation ok = ev.evaluate(k, 2018);
        assertEquals(KpiStatus.ACHIEVED, ok.status());
        assertEquals(1.0, ok.progressRate(), 1e-12); // capped at 100 %
        KpiEvaluation low = ev.evaluate(k, 2021);
        assertEquals(KpiStatus.BEHIND, low.status());
        assertEquals(15.0 / 16.0, low.progressRate(), 1e-12); // 0.9375 -> A
        assertEquals("A", low.grade());
    }

    @Test
    void doNotExceed() {
        // system cost: not above 105 (FY2016 baseline)
        Kpi k = kpi(Direction.DO_NOT_EXCEED, false, null, 2016, 105, 2021, 105, Map.of(2019, 104.8, 2020, 108.1));
        assertEquals(KpiStatus.ACHIEVED, ev.evaluate(k, 2019).status());
        assertEquals(1.0, ev.evaluate(k, 2019).progressRate(), 1e-12);
        KpiEvaluation over = ev.evaluate(k, 2020);
        assertEquals(KpiStatus.BEHIND, over.status());
        assertEquals(105 / 108.1, over.progressRate(), 1e-12); // hand: 0.97132 -> A
        assertEquals("A", over.grade());
    }

    @Test
    void cumulativeYearlyIncrementsAreSummed() {
        // baseline none (0) -> 5 cumulative; increments 1, 1, (none), 2
        Kpi k = kpi(Direction.INCREASE, true, CumulativeInput.YEARLY, 2017, 0, 2021, 5,
                Map.of(2018, 1.0, 2019, 1.0, 2021, 2.0));
        assertEquals(2.0, ev.evaluate(k, 2019).actual(), 1e-12);
        KpiEvaluation e = ev.evaluate(k, 2021);
        // hand: running total 1+1+2 = 4; progress 4/5 = 0.8 -> A; path at 2021 = 5 -> behind
        assertEquals(4.0, e.actual(), 1e-12);
        assertEquals(0.8, e.progressRate(), 1e-12);
        assertEquals(KpiStatus.BEHIND, e.status());
        assertEquals("A", e.grade());
        assertEquals(KpiStatus.NO_DATA, ev.evaluate(k, 2020).status());
    }

    @Test
    void cumulativeRunningTotalsAreTakenAsGiven() {
        Kpi k = kpi(Direction.INCREASE, true, CumulativeInput.RUNNING, 2017, 1613, 2021, 2400, Map.of(2019, 1950.0));
        KpiEvaluation e = ev.evaluate(k, 2019);
        // hand: (1950-1613)/(2400-1613) = 337/787 = 0.42821; path 1613 + 787/2 = 2006.5 -> behind
        assertEquals(337.0 / 787.0, e.progressRate(), 1e-12);
        assertEquals(2006.5, e.expected(), 1e-12);
        assertEquals(KpiStatus.BEHIND, e.status());
        assertEquals("C", e.grade());
    }

    @Test
    void pastTargetYearUnmetIsBehind() {
        Kpi k = kpi(Direction.INCREASE, false, null, 2017, 0, 2021, 10, Map.of(2023, 9.0));
        KpiEvaluation e = ev.evaluate(k, 2023);
        assertEquals(10.0, e.expected(), 1e-12);
        assertEquals(KpiStatus.BEHIND, e.status());
    }

    @Test
    void changedKpiGetsChangedGrade() {
        Kpi k = new Kpi("K", "", "n", "", Direction.INCREASE, false, null, 2017, 0, 2021, 10,
                new TreeMap<>(Map.of(2021, 10.0)), true, "", "");
        assertEquals("*", ev.evaluate(k, 2021).grade());
        assertEquals(KpiStatus.ACHIEVED, ev.evaluate(k, 2021).status());
    }

    @Test
    void customGradingTable() {
        GradingTable g = GradingTable.fromJson("{\"bands\":[{\"grade\":\"a\",\"min\":0.9},{\"grade\":\"b\",\"min\":0.6}],"
                + "\"otherwise\":\"c\",\"noData\":\"n/a\",\"changed\":\"x\"}");
        assertEquals("a", g.grade(KpiStatus.ACHIEVED, 1.2, false));
        assertEquals("b", g.grade(KpiStatus.BEHIND, 0.6, false));
        assertEquals("c", g.grade(KpiStatus.BEHIND, -0.1, false));
        assertEquals("n/a", g.grade(KpiStatus.NO_DATA, null, false));
        assertEquals("x", g.grade(KpiStatus.BEHIND, 0.5, true));
        assertEquals(g, GradingTable.fromJson(g.toJson()));
        GradingTable d = GradingTable.defaults();
        // defaults: S >= 100 %, A >= 80 %, B >= 50 %, C otherwise
        assertEquals("S", d.grade(KpiStatus.ACHIEVED, 1.0, false));
        assertEquals("A", d.grade(KpiStatus.BEHIND, 0.8, false));
        assertEquals("B", d.grade(KpiStatus.BEHIND, 0.5, false));
        assertEquals("C", d.grade(KpiStatus.BEHIND, 0.4999, false));
    }
}
