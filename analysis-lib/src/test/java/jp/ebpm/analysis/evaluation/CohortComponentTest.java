package jp.ebpm.analysis.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.ebpm.analysis.WorkbenchException;

/**
 * A worked example of the cohort-component method (IPSS regional projection formulas, see
 * {@link CohortComponent}), every expected number computed by hand below.
 *
 * <p>Base 2020, 11 groups 0-4 … 45-49 and 50+ (open), 100 men and 100 women in each. Survival S = 0.99 in every
 * group except the open one (0.80); net migration M = +0.01 for the groups 15-19 and 20-24 (index 3, 4), 0 elsewhere.
 * Child–woman ratio 0.20 in the first step and 0.25 in the second; 105 boys per 100 girls.
 *
 * <pre>
 * 2025, both sexes alike for ages 5+ (P_{x+5} = P_x (S_x + M_x)):
 *   5-9, 10-14, 15-19:        100 × 0.99          = 99
 *   20-24 (from 15-19):       100 × (0.99 + 0.01) = 100
 *   25-29 (from 20-24):       100 × 1.00          = 100
 *   30-34 … 45-49:            100 × 0.99          = 99
 *   50+: 45-49 × 0.99 + 50+ × 0.80 = 99 + 80       = 179
 *   women 15-49 = 99 + 100 + 100 + 99 + 99 + 99 + 99 = 695
 *   births = 0.20 × 695 = 139; boys = 139 × 105/205 = 71.1951219512195…, girls = 139 × 100/205 = 67.8048780487804…
 *   men total = 71.1951… + (99 × 3 + 100 × 2 + 99 × 4 + 179) = 71.1951… + 1072
 * 2030:
 *   men 5-9 = 71.1951… × 0.99 = 70.4831707317073…
 *   men 50+ = 99 × 0.99 + 179 × 0.80 = 98.01 + 143.2 = 241.21
 *   women 15-19 = 99 (10-14 of 2025, M = 0) × 0.99 = 98.01; 20-24 = 99 (15-19) × (0.99 + 0.01) = 99;
 *   25-29 = 100 (20-24) × 1.00 = 100; 30-34 = 100 × 0.99 = 99; 35-39, 40-44, 45-49 = 99 × 0.99 = 98.01 each
 *   women 15-49 = 98.01 + 99 + 100 + 99 + 3 × 98.01 = 690.04; births = 0.25 × 690.04 = 172.51
 *   boys = 172.51 × 105/205 = 88.3587804878…, girls = 172.51 × 100/205 = 84.1512195121…
 * </pre>
 */
class CohortComponentTest {

    static double[] filled(double v, int n) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void workedExample() {
        List<AgeGroup> groups = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            groups.add(new AgeGroup(5 * i, i == 10 ? "50+" : 5 * i + "-" + (5 * i + 4), i == 10));
        }
        PopulationStructure base = new PopulationStructure("2020", groups, filled(100, 11), filled(100, 11));
        double[] s = filled(0.99, 11);
        s[10] = 0.80;
        double[] m = new double[11];
        m[3] = 0.01;
        m[4] = 0.01;
        List<PopulationStructure> out = CohortComponent.project(new CohortComponent.Assumptions(2020, base, s, s, m, m,
                new double[] {0.20, 0.25}, 105), 2030);
        assertEquals(List.of("2020", "2025", "2030"), out.stream().map(PopulationStructure::year).toList());
        PopulationStructure p25 = out.get(1);
        double[] expected = {139 * 105.0 / 205, 99, 99, 99, 100, 100, 99, 99, 99, 99, 179};
        for (int i = 0; i < 11; i++) {
            assertEquals(expected[i], p25.male()[i], 1e-9, "2025 men " + groups.get(i).label());
        }
        assertEquals(71.1951219512195, p25.male()[0], 1e-9);
        assertEquals(67.8048780487805, p25.female()[0], 1e-9);
        assertEquals(71.1951219512195 + 1072, Arrays.stream(p25.male()).sum(), 1e-9);
        PopulationStructure p30 = out.get(2);
        assertEquals(70.4831707317073, p30.male()[1], 1e-9);
        assertEquals(241.21, p30.male()[10], 1e-9);
        assertEquals(98.01, p30.female()[9], 1e-9);
        assertEquals(98.01, p30.female()[3], 1e-9);
        assertEquals(88.3587804878049, p30.male()[0], 1e-9);
        assertEquals(84.1512195121951, p30.female()[0], 1e-9);
    }

    @Test
    void targetYearMustBeWholeSteps() {
        List<AgeGroup> groups = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            groups.add(new AgeGroup(5 * i, "g" + i, i == 10));
        }
        PopulationStructure base = new PopulationStructure("2020", groups, filled(1, 11), filled(1, 11));
        double[] r = filled(1, 11);
        assertThrows(WorkbenchException.class, () -> CohortComponent.project(
                new CohortComponent.Assumptions(2020, base, r, r, r, r, new double[] {0.2}, 105), 2033));
    }
}
