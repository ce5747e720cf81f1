package jp.ebpm.analysis.stats.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.ebpm.analysis.export.xlsx.CellFormat;
import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportTable;
import jp.ebpm.analysis.export.xlsx.TableCell;

/**
 * The presentations of a fitted model shared by the app, the command line and reports: the JSON of
 * {@code workbench regress} (R's coefficient names; keys {@code terms, coef, se, t, p, ci_low, ci_high, r2, adj_r2,
 * sigma, f, f_df1, f_df2, n} and {@code se_HC0} … {@code se_HC3} / {@code se_cluster} when computed), CSV rows, and
 * the journal-style table: each coefficient with significance stars over its standard error in brackets
 * (*** p &lt; 0.01, ** p &lt; 0.05, * p &lt; 0.1, the stars and brackets of the chosen standard errors).
 *
 * @since 0.2
 */
public final class RegressionTable {

    private RegressionTable() {
    }

    /** The standard errors, p-values and label of a type (CLASSICAL: the classical ones). */
    public record Inference(String label, double[] se, double[] p) {
    }

    /** The inference of the chosen standard-error type (falls back to classical when it was not computed). */
    public static Inference inference(OlsResult r, SeType type) {
        if (type != SeType.CLASSICAL) {
            var rob = r.robust(type);
            if (rob.isPresent()) {
                String label = type == SeType.CLUSTER ? "cluster(" + rob.get().cluster() + ")" : type.id();
                return new Inference(label, rob.get().se(), rob.get().p());
            }
        }
        return new Inference("classical", r.se(), r.p());
    }

    /** Stars for a p-value: *** &lt; 0.01, ** &lt; 0.05, * &lt; 0.1. */
    public static String stars(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        return p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.1 ? "*" : "";
    }

    /** A number with 4 significant decimals as journals print them (NA for NaN). */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * The journal table as text rows: per coefficient a row {@code [term, coef+stars]} and a row
     * {@code ["", "(se)"]}, then {@code N}, {@code R²}, {@code adj. R²}, {@code F} and the standard-error type.
     */
    public static List<String[]> journal(OlsResult r, SeType type) {
        Inference inf = inference(r, type);
        List<String[]> rows = new ArrayList<>();
        for (int j = 0; j < r.terms().size(); j++) {
            rows.add(new String[] {r.terms().get(j), format(r.coef()[j]) + stars(inf.p()[j])});
            rows.add(new String[] {"", Double.isNaN(inf.se()[j]) ? "" : "(" + format(inf.se()[j]) + ")"});
        }
        rows.add(new String[] {"N", Long.toString(r.n())});
        rows.add(new String[] {"R²", format(r.r2())});
        if (!Double.isNaN(r.adjR2())) {
            rows.add(new String[] {"adj. R²", format(r.adjR2())});
        }
        if (!Double.isNaN(r.f())) {
            rows.add(new String[] {"F", format(r.f()) + " (" + (long) r.fDf1() + ", " + (long) r.fDf2() + ")"});
        }
        rows.add(new String[] {"SE", inf.label()});
        return rows;
    }

    /** The journal table as tab-separated text (for the clipboard). */
    public static String journalText(OlsResult r, SeType type) {
        StringBuilder sb = new StringBuilder("\t").append(r.formula()).append('\n');
        for (String[] row : journal(r, type)) {
            sb.append(row[0]).append('\t').append(row[1]).append('\n');
        }
        sb.append("*** p<0.01, ** p<0.05, * p<0.1\n");
        return sb.toString();
    }

    private static List<Double> list(double[] a) {
        List<Double> out = new ArrayList<>(a.length);
        for (double v : a) {
            out.add(Double.isNaN(v) || Double.isInfinite(v) ? null : v);
        }
        return out;
    }

    private static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    /** The JSON object of {@code workbench regress} (NaN written as null, i.e. R's NA). */
    public static Map<String, Object> json(OlsResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formula", r.formula());
        m.put("dataset", r.dataset());
        if (r.weight() != null) {
            m.put("weight", r.weight());
        }
        m.put("terms", r.terms());
        m.put("coef", list(r.coef()));
        m.put("se", list(r.se()));
        m.put("t", list(r.t()));
        m.put("p", list(r.p()));
        m.put("ci_low", list(r.ciLow()));
        m.put("ci_high", list(r.ciHigh()));
        m.put("r2", num(r.r2()));
        m.put("adj_r2", num(r.adjR2()));
        m.put("sigma", num(r.sigma()));
        m.put("f", num(r.f()));
        m.put("f_df1", num(r.fDf1()));
        m.put("f_df2", num(r.fDf2()));
        m.put("f_p", num(r.fP()));
        m.put("n", r.n());
        for (RobustSe s : r.robust()) {
            String key = s.type() == SeType.CLUSTER ? "cluster" : s.type().id();
            m.put("se_" + key, list(s.se()));
            m.put("p_" + key, list(s.p()));
            m.put("ci_low_" + key, list(s.ciLow()));
            m.put("ci_high_" + key, list(s.ciHigh()));
            if (s.type() == SeType.CLUSTER) {
                m.put("cluster", s.cluster());
                m.put("clusters", s.clusters());
                m.put("cluster_df", s.df());
            }
        }
        m.put("aliased", r.aliased());
        m.put("dropped_missing", r.droppedMissing());
        m.put("dropped_zero_weight", r.droppedZeroWeight());
        m.put("notes", r.notes());
        return m;
    }

    /** CSV: one row per coefficient with every standard error computed. */
    public static List<List<Object>> csv(OlsResult r) {
        List<Object> header = new ArrayList<>(List.of("term", "coef", "se", "t", "p", "ci_low", "ci_high"));
        for (RobustSe s : r.robust()) {
            String key = s.type() == SeType.CLUSTER ? "cluster" : s.type().id();
            header.addAll(List.of("se_" + key, "p_" + key));
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header);
        for (int j = 0; j < r.terms().size(); j++) {
            List<Object> row = new ArrayList<>();
            row.add(r.terms().get(j));
            for (double v : new double[] {r.coef()[j], r.se()[j], r.t()[j], r.p()[j], r.ciLow()[j], r.ciHigh()[j]}) {
                row.add(num(v));
            }
            for (RobustSe s : r.robust()) {
                row.add(num(s.se()[j]));
                row.add(num(s.p()[j]));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The journal table as a report table (coefficient over bracketed SE), with fit statistics and notes. */
    public static ReportTable report(OlsResult r, SeType type, String title, Provenance provenance) {
        List<List<TableCell>> rows = new ArrayList<>();
        for (String[] row : journal(r, type)) {
            rows.add(List.of(TableCell.text(row[0]), TableCell.text(row[1])));
        }
        List<String> notes = new ArrayList<>();
        notes.add("*** p<0.01, ** p<0.05, * p<0.1; standard errors in brackets (" + inference(r, type).label() + ").");
        notes.add("Model: " + r.formula() + " (dataset " + r.dataset() + ").");
        notes.addAll(r.notes());
        return new ReportTable(title, List.of(List.of("", "(1)")), rows, notes, provenance, List.of(), List.of(), List.of(28, 20));
    }

    /** Every coefficient with all its statistics, as a report table. */
    public static ReportTable details(OlsResult r, String title, Provenance provenance) {
        List<List<Object>> csv = csv(r);
        List<String> header = csv.get(0).stream().map(Object::toString).toList();
        List<List<TableCell>> rows = new ArrayList<>();
        CellFormat f = new CellFormat("0.0000");
        for (List<Object> row : csv.subList(1, csv.size())) {
            List<TableCell> cells = new ArrayList<>();
            cells.add(TableCell.text((String) row.get(0)));
            for (Object o : row.subList(1, row.size())) {
                cells.add(o == null ? TableCell.text("NA") : TableCell.number((Double) o, f));
            }
            rows.add(cells);
        }
        return ReportTable.of(title, header, rows, List.of("n = " + r.n() + ", residual df = " + (long) r.fDf2()), provenance);
    }
}
