package jp.ebpm.analysis.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.stats.regression.OlsResult;
import jp.ebpm.analysis.stats.regression.Regression;
import jp.ebpm.analysis.stats.regression.RobustSe;
import jp.ebpm.analysis.stats.regression.RowSource;
import jp.ebpm.analysis.stats.regression.SeType;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Difference-in-differences on a panel of areas × periods.
 *
 * <ul>
 *   <li><b>2×2</b>: {@code y ~ treated + post + treated:post} (R's {@code lm}); the effect is the coefficient of
 *       {@code treated:post}.</li>
 *   <li><b>Two-way fixed effects</b>: {@code y ~ d + factor(area) + factor(period)} with d = 1 in treated
 *       area-periods; the effect is the coefficient of d. The area effects are absorbed exactly by demeaning
 *       every column within areas (Frisch–Waugh–Lovell), the period effects are dummies, so the estimate,
 *       residuals and standard errors equal those of the dummy regression for balanced and unbalanced panels
 *       alike, and k counts every area dummy in the residual df and the HC1 adjustment.</li>
 *   <li><b>Event study</b> (with fixed effects): the effect {@code e} periods after the start for every e ≠ −1
 *       (leads e &lt; −1 should be near 0 if trends were parallel).</li>
 * </ul>
 * Standard errors are clustered by area (R {@code sandwich::vcovCL(type = "HC1")}: G/(G−1)·(n−1)/(n−k)), with
 * t tests and 95 % intervals on G − 1 degrees of freedom.
 *
 * @since 0.2
 */
public final class DiffInDiff {

    /** Below this many areas the notes warn that cluster-robust inference is unreliable. */
    public static final int FEW_CLUSTERS = 30;

    private DiffInDiff() {
    }

    /**
     * Estimates the effect.
     *
     * @throws WorkbenchException for missing columns, a treated value other than 0/1, an area observed twice in a
     *                            period, no treated or no control areas, or a 2×2 question without a common start
     */
    public static DidResult estimate(Project project, PanelSpec spec, ProgressListener progress, Cancellation cancel) {
        progress.progress("Reading the panel", 0, 3);
        Panel p = Panel.load(project, spec, cancel);
        if (p.n == 0) {
            throw new WorkbenchException("The panel has no complete rows (area, period, outcome and treated all present).");
        }
        String dup = p.duplicate();
        if (dup != null) {
            throw new WorkbenchException("The area and period " + dup + " appear in more than one row; a panel has one row"
                    + " per area and period (aggregate first).");
        }
        Groups g = groups(p, spec);
        List<String> notes = new ArrayList<>();
        progress.progress("Estimating", 1, 3);
        OlsResult reg;
        String term;
        if (!spec.fixedEffects()) {
            if (g.commonStart < 0) {
                throw new WorkbenchException("The treated areas start in different periods (" + String.join(", ", g.startLabels(p))
                        + "); a 2×2 comparison needs one start. Use two-way fixed effects (--fe) or give the start period.");
            }
            reg = twoByTwo(p, g, spec);
            term = "treated:post";
        } else {
            reg = spec.dummies() ? twfeDummies(p, g, spec, cancel) : twfeAbsorbed(p, g, spec);
            term = "d";
        }
        int j = reg.indexOf(term);
        RobustSe cl = reg.robust(SeType.CLUSTER).orElseThrow();
        if (Double.isNaN(reg.coef()[j])) {
            throw new WorkbenchException("The effect cannot be estimated: the treatment indicator is collinear with the area"
                    + " and period effects (e.g. every area treated in the same periods, or no untreated period).");
        }
        List<DidResult.EventTime> event = List.of();
        if (spec.fixedEffects()) {
            progress.progress("Event study", 2, 3);
            event = eventStudy(p, g, spec);
        }
        boolean balanced = p.balanced();
        if (!balanced) {
            notes.add("The panel is unbalanced (" + p.n + " rows for " + p.units.size() + " areas × " + p.periods.size()
                    + " periods); the estimate uses every observed area-period.");
        }
        if (p.units.size() < FEW_CLUSTERS) {
            notes.add("Only " + p.units.size() + " areas (clusters): cluster-robust standard errors are unreliable with"
                    + " few clusters; read the interval with caution (a wild cluster bootstrap would be better).");
        }
        int never = p.units.size() - g.treatedUnits;
        if (g.treatedUnits < 2 || (never < 2 && g.commonStart >= 0)) {
            notes.add("Very few treated or control areas (" + g.treatedUnits + " treated, " + never
                    + " control): the estimate rests on one area's path.");
        }
        if (never == 0) {
            notes.add("Every area is treated at some point: the comparison rests only on the timing of the starts."
                    + " The event study cannot separate a linear trend in event time from the period effects, so its"
                    + " leads and lags drift with that trend; read them with great caution.");
        }
        if (spec.fixedEffects() && g.commonStart < 0) {
            notes.add("Staggered roll-out (starts " + String.join(", ", g.startLabels(p)) + "): with effects that change over"
                    + " time, two-way fixed effects can weigh some comparisons negatively; check the event study.");
        }
        if (p.missing > 0) {
            notes.add(p.missing + " rows were left out because the area, period, outcome or treated value was missing.");
        }
        notes.add("Parallel trends: the estimate is the effect only if treated and control areas would have moved alike"
                + " without the measure; compare their paths before the start (trend chart, leads of the event study).");
        progress.progress("Done", 3, 3);
        return new DidResult(spec.fixedEffects() ? (spec.dummies() ? "twfe-dummies" : "twfe") : "2x2",
                spec.source().label(), spec.outcome(), term, reg.coef()[j], cl.se()[j], cl.t()[j], cl.p()[j], cl.ciLow()[j],
                cl.ciHigh()[j], cl.clusters(), reg.se()[j], reg.n(), p.units.size(), g.treatedUnits, p.periods,
                g.startLabels(p), balanced, p.missing, reg, trends(p, g), event, notes);
    }

    /** Group membership and start period (index) of each area. */
    private static final class Groups {
        final boolean[] ever;
        final int[] start;
        int commonStart = -1;
        int treatedUnits;

        Groups(int units) {
            ever = new boolean[units];
            start = new int[units];
            Arrays.fill(start, Integer.MAX_VALUE);
        }

        List<String> startLabels(Panel p) {
            TreeSet<Integer> s = new TreeSet<>();
            for (int u = 0; u < ever.length; u++) {
                if (ever[u] && start[u] < p.periods.size()) {
                    s.add(start[u]);
                }
            }
            return s.stream().map(p.periods::get).toList();
        }

        /** d of row i. */
        double d(Panel p, int i) {
            return ever[p.unit[i]] && p.period[i] >= start[p.unit[i]] ? 1 : 0;
        }
    }

    private static Groups groups(Panel p, PanelSpec spec) {
        Groups g = new Groups(p.units.size());
        if (spec.start() != null) {
            int s = firstPeriodAtOrAfter(p.periods, spec.start());
            for (int i = 0; i < p.n; i++) {
                int u = p.unit[i];
                boolean tr = p.treated[i] == 1;
                if (g.start[u] == Integer.MAX_VALUE) {
                    g.ever[u] = tr;
                    g.start[u] = tr ? s : Integer.MAX_VALUE - 1;
                } else if (g.ever[u] != tr) {
                    throw new WorkbenchException("With a start period the treated column marks the treated areas and must not"
                            + " change within an area, but it does in " + p.units.get(u) + ". Leave out the start period to use"
                            + " it as the treatment indicator (1 from the area's start on).");
                }
            }
            g.commonStart = s;
        } else {
            for (int i = 0; i < p.n; i++) {
                if (p.treated[i] == 1) {
                    int u = p.unit[i];
                    g.ever[u] = true;
                    g.start[u] = Math.min(g.start[u], p.period[i]);
                }
            }
            for (int i = 0; i < p.n; i++) {
                int u = p.unit[i];
                if (g.ever[u] && p.period[i] >= g.start[u] && p.treated[i] == 0) {
                    throw new WorkbenchException("The treatment indicator turns off again in " + p.units.get(u) + " ("
                            + p.periods.get(p.period[i]) + "); this design assumes a measure stays in place once started.");
                }
            }
            TreeSet<Integer> starts = new TreeSet<>();
            for (int u = 0; u < g.ever.length; u++) {
                if (g.ever[u]) {
                    starts.add(g.start[u]);
                }
            }
            g.commonStart = starts.size() == 1 ? starts.first() : -1;
        }
        for (boolean e : g.ever) {
            if (e) {
                g.treatedUnits++;
            }
        }
        if (g.treatedUnits == 0) {
            throw new WorkbenchException("No area is treated (the column \"" + spec.treated() + "\" is 0 everywhere).");
        }
        if (g.treatedUnits == p.units.size() && g.commonStart >= 0) {
            throw new WorkbenchException("Every area is treated from the same period; there is no control group to compare with.");
        }
        if (g.commonStart == 0) {
            throw new WorkbenchException("The treatment starts in the first period (" + p.periods.get(0)
                    + "); there is no period before it to compare with.");
        }
        return g;
    }

    /** Index of the first period ≥ start (numeric comparison when both are numbers). */
    static int firstPeriodAtOrAfter(List<String> periods, String start) {
        for (int i = 0; i < periods.size(); i++) {
            if (compare(periods.get(i), start.strip()) >= 0) {
                return i;
            }
        }
        throw new WorkbenchException("The start period " + start + " is after the last period " + periods.get(periods.size() - 1) + ".");
    }

    private static int compare(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static OlsResult twoByTwo(Panel p, Groups g, PanelSpec spec) {
        RowSource rows = sink -> {
            double[] x = new double[4];
            for (int i = 0; i < p.n; i++) {
                double tr = g.ever[p.unit[i]] ? 1 : 0;
                double post = p.period[i] >= g.commonStart ? 1 : 0;
                x[0] = 1;
                x[1] = tr;
                x[2] = post;
                x[3] = tr * post;
                sink.accept(x, p.y[i], 1, p.unit[i]);
            }
        };
        return Regression.fitRows(rows, spec.outcome() + " ~ treated + post + treated:post", spec.source().label(),
                List.of("(Intercept)", "treated", "post", "treated:post"), true, 0, Set.of(SeType.CLUSTER), spec.unit(),
                p.missing, List.of());
    }

    /** Period dummy names (every period but the first). */
    private static List<String> periodNames(Panel p, String period) {
        List<String> names = new ArrayList<>();
        for (int t = 1; t < p.periods.size(); t++) {
            names.add("factor(" + period + ")" + p.periods.get(t));
        }
        return names;
    }

    private static OlsResult twfeAbsorbed(Panel p, Groups g, PanelSpec spec) {
        int extra = 1;
        List<String> names = new ArrayList<>();
        names.add("d");
        names.addAll(periodNames(p, spec.period()));
        return absorbed(p, spec, names, (i, x) -> {
            x[0] = g.d(p, i);
            return extra;
        });
    }

    /** Fills the non-period columns of row i; returns how many it filled (period dummies follow). */
    @FunctionalInterface
    private interface Columns {
        int fill(int row, double[] x);
    }

    /**
     * OLS of y on the given columns plus period dummies, with area effects absorbed: every column (and y) is
     * demeaned within its area, which is exact (one pass of group means) because only one effect is absorbed.
     */
    private static OlsResult absorbed(Panel p, PanelSpec spec, List<String> names, Columns columns) {
        int k = names.size();
        int units = p.units.size();
        double[][] x = new double[p.n][k];
        double[] mean = new double[(units) * (k + 1)];
        int[] count = new int[units];
        for (int i = 0; i < p.n; i++) {
            int first = columns.fill(i, x[i]);
            if (p.period[i] > 0) {
                x[i][first + p.period[i] - 1] = 1;
            }
            int u = p.unit[i];
            count[u]++;
            for (int c = 0; c < k; c++) {
                mean[u * (k + 1) + c] += x[i][c];
            }
            mean[u * (k + 1) + k] += p.y[i];
        }
        for (int u = 0; u < units; u++) {
            for (int c = 0; c <= k; c++) {
                mean[u * (k + 1) + c] /= count[u];
            }
        }
        RowSource rows = sink -> {
            double[] row = new double[k];
            for (int i = 0; i < p.n; i++) {
                int base = p.unit[i] * (k + 1);
                for (int c = 0; c < k; c++) {
                    row[c] = x[i][c] - mean[base + c];
                }
                sink.accept(row, p.y[i] - mean[base + k], 1, p.unit[i]);
            }
        };
        List<String> notes = List.of("Area effects absorbed (" + units + " areas); R² and F are within-area statistics.");
        return Regression.fitRows(rows, spec.outcome() + " ~ " + names.get(0) + " + factor(" + spec.period() + ") | "
                        + spec.unit(), spec.source().label(), names, false, units, Set.of(SeType.CLUSTER), spec.unit(),
                p.missing, notes);
    }

    private static OlsResult twfeDummies(Panel p, Groups g, PanelSpec spec, Cancellation cancel) {
        if (p.units.size() > 400) {
            throw new WorkbenchException("Area dummies for " + p.units.size() + " areas would be slow; absorb the area effects"
                    + " instead (the default; same estimate and standard error).");
        }
        List<String> names = new ArrayList<>();
        names.add("(Intercept)");
        names.add("d");
        for (int u = 1; u < p.units.size(); u++) {
            names.add("factor(" + spec.unit() + ")" + p.units.get(u));
        }
        names.addAll(periodNames(p, spec.period()));
        int units = p.units.size();
        RowSource rows = sink -> {
            double[] x = new double[names.size()];
            for (int i = 0; i < p.n; i++) {
                cancel.check();
                Arrays.fill(x, 0);
                x[0] = 1;
                x[1] = g.d(p, i);
                if (p.unit[i] > 0) {
                    x[1 + p.unit[i]] = 1;
                }
                if (p.period[i] > 0) {
                    x[1 + units - 1 + p.period[i]] = 1;
                }
                sink.accept(x, p.y[i], 1, p.unit[i]);
            }
        };
        return Regression.fitRows(rows, spec.outcome() + " ~ d + factor(" + spec.unit() + ") + factor(" + spec.period() + ")",
                spec.source().label(), names, true, 0, Set.of(SeType.CLUSTER), spec.unit(), p.missing, List.of());
    }

    /** Event study with absorbed area effects: one indicator per relative time e ≠ −1 of treated areas. */
    private static List<DidResult.EventTime> eventStudy(Panel p, Groups g, PanelSpec spec) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < p.n; i++) {
            if (g.ever[p.unit[i]]) {
                counts.merge(p.period[i] - g.start[p.unit[i]], 1, Integer::sum);
            }
        }
        if (!counts.containsKey(-1)) {
            return List.of(); // no period just before a start: no reference, no event study
        }
        List<Integer> rel = new ArrayList<>(counts.keySet());
        rel.remove(Integer.valueOf(-1));
        List<String> names = new ArrayList<>();
        for (int e : rel) {
            names.add("event" + (e < 0 ? "" : "+") + e);
        }
        int m = rel.size();
        names.addAll(periodNames(p, spec.period()));
        int[] slot = new int[counts.lastKey() - counts.firstKey() + 1];
        Arrays.fill(slot, -1);
        for (int k = 0; k < m; k++) {
            slot[rel.get(k) - counts.firstKey()] = k;
        }
        int lo = counts.firstKey();
        OlsResult r = absorbed(p, spec, names, (i, x) -> {
            if (g.ever[p.unit[i]]) {
                int s = slot[p.period[i] - g.start[p.unit[i]] - lo];
                if (s >= 0) {
                    x[s] = 1;
                }
            }
            return m;
        });
        RobustSe cl = r.robust(SeType.CLUSTER).orElseThrow();
        List<DidResult.EventTime> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            if (e.getKey() == -1) {
                out.add(new DidResult.EventTime(-1, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, e.getValue()));
            } else {
                int j = rel.indexOf(e.getKey());
                out.add(new DidResult.EventTime(e.getKey(), r.coef()[j], cl.se()[j], cl.ciLow()[j], cl.ciHigh()[j],
                        cl.p()[j], e.getValue()));
            }
        }
        return out;
    }

    /**
     * Mean outcome by period of the treated and the control areas. With staggered starts the "treated" line is the
     * earliest-starting areas and the "control" line every other area (later-starting or never treated), so that
     * the chart shows the first cohort against the areas not yet treated at its start.
     */
    private static List<DidResult.TrendPoint> trends(Panel p, Groups g) {
        int first = Integer.MAX_VALUE;
        for (int u = 0; u < g.ever.length; u++) {
            if (g.ever[u]) {
                first = Math.min(first, g.start[u]);
            }
        }
        int tn = p.periods.size();
        double[] st = new double[tn];
        double[] sc = new double[tn];
        int[] nt = new int[tn];
        int[] nc = new int[tn];
        for (int i = 0; i < p.n; i++) {
            int u = p.unit[i];
            if (g.ever[u] && g.start[u] == first) {
                st[p.period[i]] += p.y[i];
                nt[p.period[i]]++;
            } else {
                sc[p.period[i]] += p.y[i];
                nc[p.period[i]]++;
            }
        }
        List<DidResult.TrendPoint> out = new ArrayList<>();
        for (int t = 0; t < tn; t++) {
            out.add(new DidResult.TrendPoint(p.periods.get(t), nt[t] == 0 ? Double.NaN : st[t] / nt[t],
                    nc[t] == 0 ? Double.NaN : sc[t] / nc[t], nt[t], nc[t]));
        }
        return out;
    }
}
