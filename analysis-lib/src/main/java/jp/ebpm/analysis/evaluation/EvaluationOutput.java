package jp.ebpm.analysis.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.export.OutputNames;
import jp.ebpm.analysis.stats.regression.OlsResult;
import jp.ebpm.analysis.stats.regression.RegressionTable;

/**
 * JSON objects and CSV rows of the evaluation results, shared by the command line and the app's export
 * (NaN written as null).
 *
 * @since 0.2
 */
public final class EvaluationOutput {

    private EvaluationOutput() {
    }

    private static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    /** Default output name of a regression: {@code dataset_regression_outcome.ext} (the formula's left side). */
    public static String fileName(OlsResult r, String ext) {
        int tilde = r.formula().indexOf('~');
        return OutputNames.evaluation(ext, r.dataset(), "regression", tilde < 0 ? null : r.formula().substring(0, tilde).strip());
    }

    /** Default output name of a difference-in-differences: {@code source_did_outcome.ext}. */
    public static String fileName(DidResult r, String ext) {
        return OutputNames.evaluation(ext, r.source(), "did", r.outcome());
    }

    /** Default output name of location quotients: {@code dataset_lq.ext}. */
    public static String lqFileName(String dataset, String ext) {
        return OutputNames.evaluation(ext, dataset, "lq");
    }

    /**
     * Default output name of population pyramids or a projection: {@code dataset_analysis[_area]_firstYear-lastYear.ext}
     * ({@code analysis} is {@code pyramid} or {@code projection}).
     */
    public static String populationFileName(String dataset, String analysis, String area, List<PopulationStructure> years,
                                            String ext) {
        String span = years.isEmpty() ? null : years.get(0).year()
                + (years.size() > 1 ? "-" + years.get(years.size() - 1).year() : "");
        return OutputNames.evaluation(ext, dataset, analysis, area, span);
    }

    /** {@code workbench did}: the effect, its inference, the panel, trends, event study and the regression. */
    public static Map<String, Object> json(DidResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", r.design());
        m.put("source", r.source());
        m.put("outcome", r.outcome());
        m.put("effect_term", r.effectTerm());
        m.put("effect", num(r.effect()));
        m.put("se", num(r.se()));
        m.put("t", num(r.t()));
        m.put("p", num(r.p()));
        m.put("ci_low", num(r.ciLow()));
        m.put("ci_high", num(r.ciHigh()));
        m.put("se_type", "cluster-robust by area (HC1), t with G-1 df");
        m.put("clusters", r.clusters());
        m.put("se_classical", num(r.seClassical()));
        m.put("n", r.n());
        m.put("units", r.units());
        m.put("treated_units", r.treatedUnits());
        m.put("periods", r.periods());
        m.put("starts", r.starts());
        m.put("balanced", r.balanced());
        m.put("dropped_missing", r.droppedMissing());
        List<Map<String, Object>> trends = new ArrayList<>();
        for (DidResult.TrendPoint t : r.trends()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("period", t.period());
            x.put("treated_mean", num(t.treatedMean()));
            x.put("control_mean", num(t.controlMean()));
            x.put("treated_n", t.treatedCount());
            x.put("control_n", t.controlCount());
            trends.add(x);
        }
        m.put("trends", trends);
        List<Map<String, Object>> ev = new ArrayList<>();
        for (DidResult.EventTime e : r.eventStudy()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("relative", e.relative());
            x.put("coef", num(e.coef()));
            x.put("se", num(e.se()));
            x.put("ci_low", num(e.ciLow()));
            x.put("ci_high", num(e.ciHigh()));
            x.put("p", num(e.p()));
            x.put("n", e.n());
            ev.add(x);
        }
        m.put("event_study", ev);
        m.put("regression", RegressionTable.json(r.regression()));
        m.put("notes", r.notes());
        return m;
    }

    /** CSV of a DiD: the effect row, then the event study (if any). */
    public static List<List<Object>> csv(DidResult r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("term", "relative", "coef", "se", "ci_low", "ci_high", "p", "n"));
        rows.add(java.util.Arrays.asList(r.effectTerm(), null, num(r.effect()), num(r.se()), num(r.ciLow()), num(r.ciHigh()),
                num(r.p()), r.n()));
        for (DidResult.EventTime e : r.eventStudy()) {
            rows.add(java.util.Arrays.asList("event", e.relative(), num(e.coef()), num(e.se()), num(e.ciLow()), num(e.ciHigh()),
                    num(e.p()), e.n()));
        }
        return rows;
    }

    /** {@code workbench lq}: long rows area, industry, value, area share, reference share, lq. */
    public static Map<String, Object> json(LocationQuotient.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", r.reference());
        m.put("areas", r.areas());
        m.put("industries", r.industries());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : csv(r).subList(1, csv(r).size())) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("area", row.get(0));
            x.put("industry", row.get(1));
            x.put("value", row.get(2));
            x.put("area_share", row.get(3));
            x.put("reference_share", row.get(4));
            x.put("lq", row.get(5));
            rows.add(x);
        }
        m.put("rows", rows);
        return m;
    }

    public static List<List<Object>> csv(LocationQuotient.Result r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("area", "industry", "value", "area_share", "reference_share", "lq"));
        for (int a = 0; a < r.areas().size(); a++) {
            double total = 0;
            for (double v : r.values()[a]) {
                total += v;
            }
            for (int i = 0; i < r.industries().size(); i++) {
                rows.add(java.util.Arrays.asList(r.areas().get(a), r.industries().get(i), r.values()[a][i],
                        num(total == 0 ? Double.NaN : r.values()[a][i] / total), num(r.referenceShare()[i]), num(r.lq()[a][i])));
            }
        }
        return rows;
    }

    /** {@code workbench pyramid} / {@code project-population}: per year the groups, men, women and ratios. */
    public static Map<String, Object> json(List<PopulationStructure> years) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (PopulationStructure p : years) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("year", p.year());
            x.put("age_groups", p.labels());
            x.put("male", p.male());
            x.put("female", p.female());
            x.put("total", p.total());
            x.put("aging_ratio", num(p.agingRatio()));
            x.put("ratio_75_plus", num(p.ratio75()));
            x.put("young_dependency", num(p.youngDependency()));
            x.put("old_dependency", num(p.oldDependency()));
            x.put("total_dependency", num(p.totalDependency()));
            x.put("aging_index", num(p.agingIndex()));
            out.add(x);
        }
        m.put("years", out);
        return m;
    }

    public static List<List<Object>> csv(List<PopulationStructure> years) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("year", "age_group", "male", "female", "total"));
        for (PopulationStructure p : years) {
            List<String> labels = p.labels();
            for (int i = 0; i < labels.size(); i++) {
                rows.add(List.of(p.year(), labels.get(i), p.male()[i], p.female()[i], p.male()[i] + p.female()[i]));
            }
        }
        return rows;
    }
}
