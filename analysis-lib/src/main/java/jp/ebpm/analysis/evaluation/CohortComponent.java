package jp.ebpm.analysis.evaluation;

import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Cohort-component population projection (コーホート要因法) in 5-year steps, as the National Institute of
 * Population and Social Security Research (IPSS) describes it for its regional projections (日本の地域別将来推計人口):
 * from a base population by sex × 5-year age group and assumed survival rates (生残率), net migration rates
 * (純移動率), child–woman ratio (子ども女性比) and 0–4 sex ratio (0～4歳性比):
 *
 * <ul>
 *   <li>ages 5+: P<sub>x+5</sub>(t+5) = P<sub>x</sub>(t) · (S<sub>x</sub> + M<sub>x</sub>), where S<sub>x</sub> is the
 *       5-year survival rate of the cohort aged x at t and M<sub>x</sub> its net migration rate (net migrants over
 *       the 5 years per person aged x at t); the open last group gets the survivors of the two oldest groups:
 *       P<sub>ω</sub>(t+5) = P<sub>ω−5</sub>(t)(S<sub>ω−5</sub> + M<sub>ω−5</sub>) + P<sub>ω</sub>(t)(S<sub>ω</sub> + M<sub>ω</sub>);</li>
 *   <li>ages 0–4: the child–woman ratio times the women aged 15–49 at t+5, split by the sex ratio R (boys per 100
 *       girls): boys = total · R/(R + 100), girls = total · 100/(R + 100).</li>
 * </ul>
 * The rates are the same in every step (give per-step child–woman ratios to vary fertility). Worked example:
 * {@code CohortComponentTest}.
 *
 * @since 0.2
 */
public final class CohortComponent {

    private CohortComponent() {
    }

    /**
     * The assumptions.
     *
     * @param baseYear        year of the base population
     * @param base            base population (groups 0-4 … open last group)
     * @param survivalMale    S by the group aged x at t (the value for the last group applies to the open group)
     * @param survivalFemale  the same for women
     * @param migrationMale   net migration rate M by the group aged x at t
     * @param migrationFemale the same for women
     * @param childWomanRatio 0–4 population per woman aged 15–49, one value per step (the last repeats)
     * @param sexRatio        boys per 100 girls aged 0–4
     */
    public record Assumptions(int baseYear, PopulationStructure base, double[] survivalMale, double[] survivalFemale,
                              double[] migrationMale, double[] migrationFemale, double[] childWomanRatio, double sexRatio) {
    }

    /**
     * Projects to {@code targetYear} in 5-year steps.
     *
     * @return the base year and every projected year, in order
     * @throws WorkbenchException when the target is not a multiple of 5 years after the base year, rate arrays do
     *                            not match the groups, or the groups do not reach 15–49
     */
    public static List<PopulationStructure> project(Assumptions a, int targetYear) {
        int steps = (targetYear - a.baseYear()) / 5;
        if (targetYear <= a.baseYear() || (targetYear - a.baseYear()) % 5 != 0) {
            throw new WorkbenchException("The target year must be a multiple of 5 years after the base year " + a.baseYear()
                    + " (e.g. " + (a.baseYear() + 20) + "); got " + targetYear + ".");
        }
        List<AgeGroup> groups = a.base().groups();
        int g = groups.size();
        for (double[] r : List.of(a.survivalMale(), a.survivalFemale(), a.migrationMale(), a.migrationFemale())) {
            if (r.length != g) {
                throw new WorkbenchException("The rates have " + r.length + " age groups but the base population has " + g + ".");
            }
        }
        if (g < 11) {
            throw new WorkbenchException("The base population must reach at least the group 50-54 (women 15-49 give births).");
        }
        if (a.childWomanRatio().length == 0) {
            throw new WorkbenchException("A child–woman ratio is needed.");
        }
        List<PopulationStructure> out = new ArrayList<>();
        out.add(new PopulationStructure(Integer.toString(a.baseYear()), groups, a.base().male(), a.base().female()));
        double[] m = a.base().male().clone();
        double[] f = a.base().female().clone();
        for (int s = 1; s <= steps; s++) {
            m = age(m, a.survivalMale(), a.migrationMale());
            f = age(f, a.survivalFemale(), a.migrationFemale());
            double women = 0;
            for (int i = 3; i <= 9; i++) { // 15-19 … 45-49
                women += f[i];
            }
            double cwr = a.childWomanRatio()[Math.min(s, a.childWomanRatio().length) - 1];
            double births = cwr * women;
            m[0] = births * a.sexRatio() / (a.sexRatio() + 100);
            f[0] = births * 100 / (a.sexRatio() + 100);
            out.add(new PopulationStructure(Integer.toString(a.baseYear() + 5 * s), groups, m.clone(), f.clone()));
        }
        return out;
    }

    /**
     * Where the inputs are in the project.
     *
     * @param population      base population dataset (long: age group, sex, value; optional area and year columns)
     * @param ageColumn       age-group column (used in both datasets)
     * @param sexColumn       sex column (used in both datasets)
     * @param valueColumn     population column
     * @param filters         column = value conditions on the population (area, year), may be empty
     * @param rates           rates dataset (age group, sex, survival, migration)
     * @param survivalColumn  survival-rate column
     * @param migrationColumn net-migration-rate column
     * @param baseYear        the base population's year
     * @param childWomanRatio per step (the last repeats)
     * @param sexRatio        boys per 100 girls aged 0–4
     * @param targetYear      the last projected year
     */
    public record Spec(String population, String ageColumn, String sexColumn, String valueColumn,
                       java.util.Map<String, String> filters, String rates, String survivalColumn, String migrationColumn,
                       int baseYear, double[] childWomanRatio, double sexRatio, int targetYear) {
    }

    /**
     * Reads the inputs from project datasets and projects.
     *
     * @throws WorkbenchException when a dataset or column is missing or the age groups of the two datasets differ
     */
    public static List<PopulationStructure> project(jp.ebpm.analysis.store.Project project, Spec s) {
        AgeSexTable pop = AgeSexTable.read(project, s.population(), s.ageColumn(), s.sexColumn(), List.of(s.valueColumn()),
                s.filters());
        AgeSexTable rates = AgeSexTable.read(project, s.rates(), s.ageColumn(), s.sexColumn(),
                List.of(s.survivalColumn(), s.migrationColumn()), java.util.Map.of());
        if (pop.groups().size() != rates.groups().size()) {
            throw new WorkbenchException("The population has " + pop.groups().size() + " age groups but the rates have "
                    + rates.groups().size() + "; they must match (the last group open in both).");
        }
        PopulationStructure base = new PopulationStructure(Integer.toString(s.baseYear()), pop.groups(), pop.male().get(0),
                pop.female().get(0));
        return project(new Assumptions(s.baseYear(), base, rates.male().get(0), rates.female().get(0), rates.male().get(1),
                rates.female().get(1), s.childWomanRatio(), s.sexRatio()), s.targetYear());
    }

    /** One 5-year step of ages 5+; index 0 is filled by the caller. */
    private static double[] age(double[] p, double[] s, double[] mig) {
        int g = p.length;
        double[] next = new double[g];
        for (int i = 1; i < g; i++) {
            next[i] = p[i - 1] * (s[i - 1] + mig[i - 1]);
        }
        next[g - 1] += p[g - 1] * (s[g - 1] + mig[g - 1]);
        return next;
    }
}
