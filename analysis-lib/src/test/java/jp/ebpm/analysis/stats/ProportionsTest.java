package jp.ebpm.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Wilson intervals and the pooled two-proportion z-test against the proportions vectors: R 4.2.2
 * {@code prop.test(correct=FALSE)} and statsmodels 0.13.5 (copied CSV files, read generically by header).
 */
class ProportionsTest {

    private static List<Map<String, String>> csv(String name) throws IOException {
        return jp.ebpm.analysis.io.ReferenceVectors.rows(ProportionsTest.class,
                "/jp/ebpm/analysis/survey/vectors/proportions/expected/" + name);
    }

    private static void close(String expected, double actual, String what) {
        double e = Double.parseDouble(expected);
        assertTrue(Math.abs(e - actual) <= 1e-6 * Math.abs(e) + 1e-12, what + ": expected " + e + " but was " + actual);
    }

    private static double d(Map<String, String> m, String k) {
        return Double.parseDouble(m.get(k));
    }

    @Test
    void wilsonMatchesRAndStatsmodels() throws IOException {
        for (String file : List.of("wilson_r.csv", "wilson_statsmodels.csv")) {
            for (Map<String, String> m : csv(file)) {
                Proportions.Interval w = Proportions.wilson(d(m, "x"), d(m, "n"), d(m, "conf_level"));
                close(m.get("wilson_lower"), w.lower(), file + " " + m.get("case_id") + " lower");
                close(m.get("wilson_upper"), w.upper(), file + " " + m.get("case_id") + " upper");
            }
        }
    }

    @Test
    void twoProportionMatchesRPropTest() throws IOException {
        for (Map<String, String> m : csv("two_proportion_r.csv")) {
            Proportions.TwoProportionTest t = Proportions.twoProportion(d(m, "x1"), d(m, "n1"), d(m, "x2"), d(m, "n2"),
                    d(m, "conf_level"));
            String id = m.get("case_id");
            close(m.get("chisq"), t.chiSquared(), id + " chisq");
            close(m.get("p_two_sided"), t.pTwoSided(), id + " p");
            close(m.get("p_greater"), t.pGreater(), id + " p greater");
            close(m.get("p_less"), t.pLess(), id + " p less");
            close(m.get("diff_ci_lower"), t.waldDifference().lower(), id + " diff lower");
            close(m.get("diff_ci_upper"), t.waldDifference().upper(), id + " diff upper");
        }
    }

    @Test
    void twoProportionMatchesStatsmodels() throws IOException {
        for (Map<String, String> m : csv("two_proportion_statsmodels.csv")) {
            Proportions.TwoProportionTest t = Proportions.twoProportion(d(m, "x1"), d(m, "n1"), d(m, "x2"), d(m, "n2"),
                    d(m, "conf_level"));
            String id = m.get("case_id");
            close(m.get("z_pooled"), t.z(), id + " z");
            close(m.get("p_larger"), t.pGreater(), id + " p larger");
            close(m.get("newcombe_diff_lower"), t.newcombeDifference().lower(), id + " newcombe lower");
            close(m.get("newcombe_diff_upper"), t.newcombeDifference().upper(), id + " newcombe upper");
        }
    }
}
