package jp.ebpm.analysis.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.stats.ContingencyTable;
import jp.ebpm.analysis.stats.FisherExact;
import jp.ebpm.analysis.stats.Proportions;
import jp.ebpm.analysis.stats.RaoScott;

/**
 * The JSON form of a cross-tabulation, as documented in {@code docs/survey.md}: a tree of maps, lists,
 * strings and numbers ready for Jackson. Numbers that are undefined (NaN) become null.
 */
public final class CrossTabJson {

    private CrossTabJson() {
    }

    /**
     * The JSON text of a tree from this class: indented, keys in the documented order, a line separator at the end.
     * The same input gives the same bytes.
     */
    public static String write(Map<String, Object> tree) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(tree) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** The whole result: the overall table's keys at the top level, plus {@code layers} when a layer was given. */
    public static Map<String, Object> toMap(CrossTabResult result) {
        CrossTabSpec spec = result.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row_var", spec.rowVar());
        m.put("col_var", spec.colVar());
        m.put("layer_var", spec.layerVar());
        m.put("weight_var", spec.weightVar());
        m.put("weight_kind", spec.weightKind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("raked_on", spec.rakedOn());
        m.put("excluded_by_weight", result.excludedByWeight());
        m.put("missing_n", num(result.missingCases()));
        m.putAll(table(result.overall(), spec));
        if (spec.layerVar() != null) {
            List<Object> layers = new ArrayList<>();
            for (CrossTab t : result.layers()) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("layer_code", label(t.layer(), false));
                l.put("layer_label", t.layer().label());
                l.putAll(table(t, spec));
                layers.add(l);
            }
            m.put("layers", layers);
        }
        return m;
    }

    /** The keys of one table. */
    public static Map<String, Object> table(CrossTab t, CrossTabSpec spec) {
        ContingencyTable ct = t.table();
        ContingencyTable tests = t.tests();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row_labels", t.rows().stream().map(c -> label(c, true)).toList());
        m.put("col_labels", t.cols().stream().map(c -> label(c, true)).toList());
        m.put("row_codes", t.rows().stream().map(Category::code).toList());
        m.put("col_codes", t.cols().stream().map(Category::code).toList());
        m.put("col_letters", t.colLetters());
        m.put("counts", matrix(ct.counts()));
        m.put("unweighted_counts", t.unweighted());
        m.put("expected", matrix(ct.expected()));
        m.put("row_pct", matrix(ct.rowPct()));
        m.put("col_pct", matrix(ct.colPct()));
        m.put("total_pct", matrix(ct.totalPct()));
        m.put("std_residuals", matrix(tests.standardizedResiduals()));
        m.put("adjusted_residuals", matrix(tests.adjustedResiduals()));
        m.put("markers", t.markers());
        m.put("letters", t.letters());
        m.put("row_totals", vector(ct.rowTotals()));
        m.put("col_totals", vector(ct.colTotals()));
        m.put("col_base", vector(t.colBase()));
        m.put("n", num(ct.total()));
        m.put("n_respondents", t.respondents());
        m.put("wilson_lower", wilson(t.wilson(), true));
        m.put("wilson_upper", wilson(t.wilson(), false));
        m.put("pearson", test(tests.pearson()));
        m.put("likelihood_ratio", test(tests.likelihoodRatio()));
        if (t.isTwoByTwo() && ct.fisher() != null) {
            FisherExact.Result f = tests.fisher();
            m.put("fisher_exact_p", num(f.pTwoSided()));
            Map<String, Object> fisher = new LinkedHashMap<>();
            fisher.put("p_two_sided", num(f.pTwoSided()));
            fisher.put("p_less", num(f.pLess()));
            fisher.put("p_greater", num(f.pGreater()));
            m.put("fisher_exact", fisher);
            m.put("phi_signed", num(tests.phiSigned()));
        }
        m.put("phi", num(tests.phi()));
        m.put("cramers_v", num(tests.cramersV()));
        m.put("contingency_coefficient", num(tests.contingencyCoefficient()));
        RaoScott rs = t.raoScott();
        if (rs != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("f", num(rs.f()));
            r.put("ndf", num(rs.ndf()));
            r.put("ddf", num(rs.ddf()));
            r.put("p", num(rs.p()));
            r.put("pearson_unadjusted", num(rs.pearson()));
            r.put("chisq", num(rs.pearson()));
            r.put("chisq_adjusted", num(rs.firstOrderChiSquared()));
            r.put("chisq_df", num(rs.firstOrderDf()));
            r.put("chisq_p", num(rs.firstOrderP()));
            m.put("rao_scott", r);
        }
        m.put("column_tests", columnTests(t));
        List<Object> nets = new ArrayList<>();
        for (CrossTab.NetRow n : t.nets()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("label", n.label());
            x.put("counts", vector(n.counts()));
            x.put("col_pct", vector(n.colPct()));
            x.put("letters", n.letters());
            nets.add(x);
        }
        m.put("nets", nets);
        List<Object> missing = new ArrayList<>();
        for (CrossTab.MissingRow r : t.missingRows()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", r.code());
            x.put("label", r.label());
            x.put("counts", vector(r.counts()));
            missing.add(x);
        }
        m.put("missing_rows", missing);
        m.put("warnings", t.warnings());
        return m;
    }

    /** JSON of a multiple-response table (options × banner columns, the last column is Total). */
    public static Map<String, Object> multipleResponse(MultipleResponse.Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "multiple_response");
        m.put("row_labels", t.options().stream().map(c -> label(c, true)).toList());
        m.put("col_labels", t.cols().stream().map(c -> label(c, true)).toList());
        m.put("counts", matrix(t.counts()));
        m.put("base", vector(t.base()));
        m.put("mentions", vector(t.mentions()));
        m.put("pct_respondents", matrix(t.pctRespondents()));
        m.put("pct_responses", matrix(t.pctResponses()));
        return m;
    }

    /** JSON of a Likert summary: per column top-2 %, bottom-2 %, mean score and base. */
    public static Map<String, Object> likert(LikertSummary l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("top2_pct", vector(l.top2Pct()));
        m.put("bottom2_pct", vector(l.bottom2Pct()));
        m.put("mean", vector(l.mean()));
        m.put("base", vector(l.base()));
        return m;
    }

    private static List<Object> columnTests(CrossTab t) {
        List<Object> out = new ArrayList<>();
        int nc = t.cols().size();
        double m = nc * (nc - 1) / 2.0;
        double[][] counts = t.table().counts();
        double[] totals = t.table().colTotals();
        for (int i = 0; i < t.rows().size(); i++) {
            for (int a = 0; a < nc; a++) {
                for (int b = a + 1; b < nc; b++) {
                    double pa = totals[a] > 0 ? counts[i][a] / totals[a] : Double.NaN;
                    double pb = totals[b] > 0 ? counts[i][b] / totals[b] : Double.NaN;
                    double na = t.colBase()[a];
                    double nb = t.colBase()[b];
                    Proportions.TwoProportionTest z = Proportions.twoProportion(pa * na, na, pb * nb, nb, 0.95);
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("row", i);
                    x.put("col_a", t.colLetters().get(a));
                    x.put("col_b", t.colLetters().get(b));
                    x.put("z", num(z.z()));
                    x.put("chisq", num(z.chiSquared()));
                    x.put("p", num(z.pTwoSided()));
                    x.put("p_adjusted", num(Math.min(1.0, z.pTwoSided() * m)));
                    x.put("diff_ci_lower", num(z.waldDifference().lower()));
                    x.put("diff_ci_upper", num(z.waldDifference().upper()));
                    out.add(x);
                }
            }
        }
        return out;
    }

    /** The label of a category: the codebook label, else the raw value (a number for numeric codes). */
    static Object label(Category c, boolean preferLabel) {
        if (preferLabel && !c.label().equals(c.code())) {
            return c.label();
        }
        if (c.numeric() != null) {
            double d = c.numeric();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        return c.code();
    }

    private static List<List<Double>> matrix(double[][] a) {
        List<List<Double>> out = new ArrayList<>();
        for (double[] row : a) {
            out.add(vector(row));
        }
        return out;
    }

    private static List<Double> vector(double[] a) {
        List<Double> out = new ArrayList<>();
        for (double v : a) {
            out.add(num(v));
        }
        return out;
    }

    private static List<List<Double>> wilson(Proportions.Interval[][] w, boolean lower) {
        List<List<Double>> out = new ArrayList<>();
        for (Proportions.Interval[] row : w) {
            List<Double> r = new ArrayList<>();
            for (Proportions.Interval iv : row) {
                r.add(num(lower ? iv.lower() : iv.upper()));
            }
            out.add(r);
        }
        return out;
    }

    private static Map<String, Object> test(ContingencyTable.Test t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statistic", num(t.statistic()));
        m.put("df", num(t.df()));
        m.put("p", num(t.p()));
        return m;
    }

    private static Double num(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }
}
