package jp.ebpm.analysis.survey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Raking (iterative proportional fitting, Deming &amp; Stephan 1940) of respondent weights to population
 * margins, as R {@code survey::rake} but run to convergence: the margins are adjusted in turn,
 * w ← w·target<sub>k</sub>/Σ<sub>k</sub>w, until every margin total is within relative epsilon of its
 * target. With trimming bounds the adjustment factors g = weight / base weight are kept within
 * [lower, upper] (as the {@code bounds} of R {@code calibrate}): each margin step solves, per category,
 * Σ base·clip(g·r) = target for r, so cells at a bound stay there and the others carry the adjustment
 * ("capped" raking); when the bounds make the margins unreachable the result is reported as not converged.
 *
 * <p>Respondents in a category that a margin has no target for are refused ({@link RakingGap}) unless
 * {@link RakeOptions#leaveOutUnmatched}: then they are left out and get an empty weight, which takes them out of every
 * weighted table and of the survey design, so the result equals R {@code rake()} on
 * {@code subset(design, ...)} (tested against R survey 4.1.1).
 *
 * <p>Set-based: DuckDB groups the respondents into raking cells (the combinations of all margin
 * variables, with Σ base weight), the iterations run in Java on those few cells (all respondents of a
 * cell share one factor), and the final weight base × g is written back with one UPDATE ... FROM join.
 */
public final class Raking {

    /**
     * Dataset property recording the margins a weight column was raked to, e.g.
     * {@code survey.rakedOn.rw = stype|sex+age_group}; the cross-tab uses it for the Rao–Scott variance.
     */
    public static final String RAKED_ON_PREFIX = "survey.rakedOn.";

    /** The margins a weight column of a dataset was raked to (empty when it was not raked here). */
    public static List<String> rakedOn(DatasetInfo info, String weightColumn) {
        String v = info.property(RAKED_ON_PREFIX + weightColumn);
        return v == null || v.isBlank() ? List.of() : List.of(v.split("\\|"));
    }

    private Raking() {
    }

    /** The raking cells read from the database. */
    /** Raking cells: per combination of the margin variables, Σbase, Σbase², rows, smallest and largest base. */
    private record Cells(List<String> vars, List<List<String>> keys, double[] base, double[] base2, long[] n,
                         double[] minBase, double[] maxBase) {
    }

    /** Computes raked weights without writing them (the result holds the weight of each cell). */
    public static RakeResult compute(Connection c, String table, List<Margin> margins, RakeOptions opt,
                                     ProgressListener progress, Cancellation cancel) {
        Cells cells = readCells(c, table, margins, opt);
        cancel.check();
        return ipf(cells, margins, opt, progress, cancel);
    }

    /**
     * Rakes a dataset and stores the weights in column {@code outColumn} (created, or replaced when it
     * exists), all in one transaction: on failure or cancel the project is unchanged.
     */
    public static RakeResult rakeInto(Project project, String dataset, List<Margin> margins, RakeOptions opt,
                                      String outColumn, ProgressListener progress, Cancellation cancel) {
        DatasetInfo info = project.catalog().get(dataset);
        Map<String, String> props = new LinkedHashMap<>(info.properties());
        props.put(RAKED_ON_PREFIX + outColumn, margins.stream().map(m -> String.join("+", m.variables())).collect(Collectors.joining("|")));
        return project.inTransaction(c -> {
            Cells cells = readCells(c, dataset, margins, opt);
            RakeResult r = ipf(cells, margins, opt, progress, cancel);
            cancel.check();
            write(c, dataset, cells, r.groupWeights(), outColumn, opt);
            cancel.check();
            List<ColumnInfo> cols = Catalog.describe(c, dataset);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + Catalog.TABLE
                    + " SET columns_json = ?, properties_json = ? WHERE name = ?")) {
                ps.setString(1, new ObjectMapper().writeValueAsString(cols.stream().map(ci -> List.of(ci.name(), ci.type())).toList()));
                ps.setString(2, new ObjectMapper().writeValueAsString(props));
                ps.setString(3, dataset);
                ps.executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return r;
        });
    }

    private static Cells readCells(Connection c, String table, List<Margin> margins, RakeOptions opt) {
        if (margins.isEmpty()) {
            throw new IllegalArgumentException("Raking needs at least one margin");
        }
        List<String> vars = new ArrayList<>(new LinkedHashSet<>(margins.stream().flatMap(m -> m.variables().stream()).toList()));
        String base = opt.baseWeight() == null ? "1.0::DOUBLE" : "TRY_CAST(" + Sql.ident(opt.baseWeight()) + " AS DOUBLE)";
        String select = vars.stream().map(Sql::ident).collect(Collectors.joining(", "));
        String groups = "CREATE OR REPLACE TEMP TABLE _wb_rake_g AS SELECT (row_number() OVER () - 1)::INTEGER AS gid, * FROM ("
                + "SELECT " + select + ", SUM(b) AS _wb_b, SUM(b * b) AS _wb_b2, COUNT(*) AS _wb_n, COUNT(b) AS _wb_valid, "
                + "MIN(b) AS _wb_min, MAX(b) AS _wb_max FROM (SELECT " + select + ", " + base + " AS b FROM " + Sql.ident(table)
                + ") GROUP BY ALL)";
        String sql = "SELECT " + select + ", _wb_b, _wb_b2, _wb_n, _wb_valid, _wb_min, _wb_max FROM _wb_rake_g ORDER BY gid";
        List<List<String>> keys = new ArrayList<>();
        List<double[]> stats = new ArrayList<>();
        List<Long> ns = new ArrayList<>();
        int k = vars.size();
        try (Statement st = c.createStatement()) {
            st.execute(groups);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    List<String> key = new ArrayList<>();
                    for (int i = 0; i < k; i++) {
                        String code = Category.canonical(rs.getObject(i + 1));
                        if (code == null) {
                            throw new WorkbenchException(rs.getLong(k + 3) + " respondent(s) of " + table
                                    + " have no value of " + vars.get(i) + "; raking needs every respondent classified on every margin variable.");
                        }
                        key.add(code);
                    }
                    long n = rs.getLong(k + 3);
                    double min = rs.getDouble(k + 5);
                    if (rs.getLong(k + 4) != n || !(min > 0) || Double.isInfinite(rs.getDouble(k + 6))) {
                        throw new WorkbenchException("The base weight " + opt.baseWeight() + " of " + table
                                + " has empty, zero, negative or non-numeric values; raking needs positive base weights.");
                    }
                    keys.add(key);
                    stats.add(new double[] {rs.getDouble(k + 1), rs.getDouble(k + 2), min, rs.getDouble(k + 6)});
                    ns.add(n);
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read " + table + " for raking: " + e.getMessage(), e);
        }
        return new Cells(vars, keys, stats.stream().mapToDouble(x -> x[0]).toArray(), stats.stream().mapToDouble(x -> x[1]).toArray(),
                ns.stream().mapToLong(Long::longValue).toArray(), stats.stream().mapToDouble(x -> x[2]).toArray(),
                stats.stream().mapToDouble(x -> x[3]).toArray());
    }

    /**
     * IPF over the cells; with {@link RakeOptions#leaveOutUnmatched} the cells that some margin has no target for are
     * taken out first (weight NaN, written as an empty weight) and the others are raked alone, as R
     * {@code rake(subset(design, ...))}.
     */
    private static RakeResult ipf(Cells cells, List<Margin> margins, RakeOptions opt, ProgressListener progress,
                                  Cancellation cancel) {
        if (!opt.leaveOutUnmatched()) {
            return ipfAll(cells, margins, opt, progress, cancel);
        }
        int g = cells.base().length;
        boolean[] out = new boolean[g];
        Map<List<Object>, Long> leftOut = new LinkedHashMap<>();
        for (Margin mg : margins) {
            int[] pos = mg.variables().stream().mapToInt(v -> cells.vars().indexOf(v)).toArray();
            java.util.Set<List<String>> known = new java.util.HashSet<>();
            for (List<String> k : mg.targets().keySet()) {
                known.add(normalise(k));
            }
            for (int i = 0; i < g; i++) {
                List<String> k = new ArrayList<>();
                for (int p : pos) {
                    k.add(cells.keys().get(i).get(p));
                }
                if (!known.contains(normalise(k))) {
                    out[i] = true;
                    leftOut.merge(List.of(mg.variables(), k), cells.n()[i], Long::sum);
                }
            }
        }
        if (leftOut.isEmpty()) {
            return ipfAll(cells, margins, opt, progress, cancel);
        }
        List<Integer> kept = new ArrayList<>();
        long dropped = 0;
        for (int i = 0; i < g; i++) {
            if (out[i]) {
                dropped += cells.n()[i];
            } else {
                kept.add(i);
            }
        }
        if (kept.isEmpty()) {
            throw new WorkbenchException("No respondent is in a category that every margin has a population target for;"
                    + " there is nothing to rake.");
        }
        Cells sub = new Cells(cells.vars(), kept.stream().map(cells.keys()::get).toList(),
                kept.stream().mapToDouble(i -> cells.base()[i]).toArray(), kept.stream().mapToDouble(i -> cells.base2()[i]).toArray(),
                kept.stream().mapToLong(i -> cells.n()[i]).toArray(), kept.stream().mapToDouble(i -> cells.minBase()[i]).toArray(),
                kept.stream().mapToDouble(i -> cells.maxBase()[i]).toArray());
        RakeResult r = ipfAll(sub, margins, opt, progress, cancel);
        double[] w = new double[g];
        Arrays.fill(w, Double.NaN);
        for (int j = 0; j < kept.size(); j++) {
            w[kept.get(j)] = r.groupWeights()[j];
        }
        List<RakeResult.LeftOut> categories = new ArrayList<>();
        for (Map.Entry<List<Object>, Long> e : leftOut.entrySet()) {
            @SuppressWarnings("unchecked")
            List<String> vars = (List<String>) e.getKey().get(0);
            @SuppressWarnings("unchecked")
            List<String> codes = (List<String>) e.getKey().get(1);
            categories.add(new RakeResult.LeftOut(vars, codes, e.getValue()));
        }
        categories.sort(Raking::compareLeftOut);
        return new RakeResult(r.converged(), r.iterations(), r.maxRelativeDeviation(), r.margins(), r.respondents(), r.sumWeights(),
                r.minWeight(), r.maxWeight(), r.trimmed(), r.kishDesignEffect(), r.effectiveN(), w, dropped, categories);
    }

    /** Margin order as given (stable sort), then codes in numeric order when both are numbers, else text order. */
    private static int compareLeftOut(RakeResult.LeftOut a, RakeResult.LeftOut b) {
        if (!a.variables().equals(b.variables())) {
            return 0;
        }
        for (int i = 0; i < Math.min(a.codes().size(), b.codes().size()); i++) {
            String x = a.codes().get(i);
            String y = b.codes().get(i);
            int c = Category.isNumber(x) && Category.isNumber(y) ? Double.compare(Double.parseDouble(x), Double.parseDouble(y))
                    : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.codes().size(), b.codes().size());
    }

    private static RakeResult ipfAll(Cells cells, List<Margin> margins, RakeOptions opt, ProgressListener progress,
                                     Cancellation cancel) {
        int g = cells.base().length;
        double baseTotal = 0;
        for (int i = 0; i < g; i++) {
            baseTotal += cells.base()[i];
        }
        int nm = margins.size();
        int[][] idx = new int[nm][g];
        double[][] target = new double[nm][];
        List<List<List<String>>> catKeys = new ArrayList<>();
        double reference = Double.NaN;
        for (int m = 0; m < nm; m++) {
            Margin mg = margins.get(m);
            int[] pos = mg.variables().stream().mapToInt(v -> cells.vars().indexOf(v)).toArray();
            Map<List<String>, Integer> index = new LinkedHashMap<>();
            List<List<String>> keys = new ArrayList<>();
            List<Double> t = new ArrayList<>();
            double total = mg.total();
            double scale = Math.abs(total - 1.0) < 1e-9 ? baseTotal : 1.0; // shares summing to 1
            for (Map.Entry<List<String>, Double> e : mg.targets().entrySet()) {
                index.put(normalise(e.getKey()), keys.size());
                keys.add(e.getKey());
                t.add(e.getValue() * scale);
            }
            double[] tt = t.stream().mapToDouble(Double::doubleValue).toArray();
            double[] seen = new double[tt.length];
            for (int i = 0; i < g; i++) {
                List<String> k = new ArrayList<>();
                for (int p : pos) {
                    k.add(cells.keys().get(i).get(p));
                }
                Integer at = index.get(normalise(k));
                if (at == null) {
                    throw new RakingGap(RakingGap.Kind.NO_TARGET, mg.variables(), k);
                }
                idx[m][i] = at;
                seen[at] += cells.n()[i];
            }
            for (int k = 0; k < tt.length; k++) {
                if (seen[k] == 0 && tt[k] > 0) {
                    throw new RakingGap(RakingGap.Kind.NO_RESPONDENTS, mg.variables(), keys.get(k));
                }
            }
            double sum = 0;
            for (double v : tt) {
                sum += v;
            }
            if (m == 0) {
                reference = sum;
            } else if (Math.abs(sum - reference) > 1e-6 * reference) {
                throw new WorkbenchException("The margins do not have the same total (" + margins.get(0).name() + ": "
                        + reference + ", " + mg.name() + ": " + sum + "); raking cannot meet them all.");
            }
            target[m] = tt;
            catKeys.add(keys);
        }
        double[] w = new double[g]; // adjustment factor per cell: final weight = base weight × factor
        double lo = opt.lowerBound() == null ? 0 : opt.lowerBound();
        double hi = opt.upperBound() == null ? Double.POSITIVE_INFINITY : opt.upperBound();
        boolean bounded = opt.lowerBound() != null || opt.upperBound() != null;
        Arrays.fill(w, Math.min(hi, Math.max(lo, 1.0)));
        int iterations = 0;
        double dev = Double.NaN;
        while (iterations < opt.maxIterations()) {
            cancel.check();
            iterations++;
            for (int m = 0; m < nm; m++) {
                if (bounded) {
                    boundedStep(w, cells.base(), idx[m], target[m], lo, hi);
                    continue;
                }
                double[] tot = totals(w, cells.base(), idx[m], target[m].length);
                for (int i = 0; i < g; i++) {
                    double t = tot[idx[m][i]];
                    if (t > 0) {
                        w[i] *= target[m][idx[m][i]] / t;
                    }
                }
            }
            dev = deviation(w, cells.base(), idx, target);
            if (progress != null) {
                progress.progress("Raking: iteration " + iterations + ", largest margin deviation " + dev, iterations, opt.maxIterations());
            }
            if (dev <= opt.epsilon()) {
                break;
            }
        }
        boolean ok = dev <= opt.epsilon();
        long trimmed = 0;
        for (int i = 0; i < g; i++) {
            if (bounded && (w[i] <= lo * (1 + 1e-12) || w[i] >= hi * (1 - 1e-12))) {
                trimmed += cells.n()[i];
            }
        }
        List<RakeResult.MarginCheck> checks = new ArrayList<>();
        for (int m = 0; m < nm; m++) {
            double[] tot = totals(w, cells.base(), idx[m], target[m].length);
            for (int k = 0; k < tot.length; k++) {
                checks.add(new RakeResult.MarginCheck(margins.get(m).name(), catKeys.get(m).get(k), target[m][k], tot[k]));
            }
        }
        long n = 0;
        double sw = 0;
        double sw2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < g; i++) {
            n += cells.n()[i];
            sw += w[i] * cells.base()[i];
            sw2 += w[i] * w[i] * cells.base2()[i];
            min = Math.min(min, w[i] * cells.minBase()[i]);
            max = Math.max(max, w[i] * cells.maxBase()[i]);
        }
        double deff = n * sw2 / (sw * sw);
        return new RakeResult(ok, iterations, dev, checks, n, sw, min, max, trimmed, deff, sw * sw / sw2, w, 0, List.of());
    }

    /**
     * One bounded raking step for one margin: per category, the factor r with
     * Σ base·clip(g·r, lo, hi) = target (a monotone equation, solved by bisection on log r), so that cells
     * at a bound stay there and the free cells carry the adjustment ("capped" raking).
     */
    private static void boundedStep(double[] w, double[] base, int[] idx, double[] target, double lo, double hi) {
        int k = target.length;
        for (int cat = 0; cat < k; cat++) {
            double lower = Math.log(1e-12);
            double upper = Math.log(1e12);
            for (int it = 0; it < 200 && upper - lower > 1e-15; it++) {
                double mid = 0.5 * (lower + upper);
                double r = Math.exp(mid);
                double sum = 0;
                for (int i = 0; i < w.length; i++) {
                    if (idx[i] == cat) {
                        sum += base[i] * Math.min(hi, Math.max(lo, w[i] * r));
                    }
                }
                if (sum < target[cat]) {
                    lower = mid;
                } else {
                    upper = mid;
                }
            }
            double r = Math.exp(0.5 * (lower + upper));
            for (int i = 0; i < w.length; i++) {
                if (idx[i] == cat) {
                    w[i] = Math.min(hi, Math.max(lo, w[i] * r));
                }
            }
        }
    }

    private static List<String> normalise(List<String> key) {
        List<String> out = new ArrayList<>();
        for (String k : key) {
            String c = Category.canonical(k);
            out.add(c == null ? "" : c);
        }
        return out;
    }

    private static double[] totals(double[] w, double[] base, int[] idx, int k) {
        double[] tot = new double[k];
        for (int i = 0; i < w.length; i++) {
            tot[idx[i]] += w[i] * base[i];
        }
        return tot;
    }

    private static double deviation(double[] w, double[] base, int[][] idx, double[][] target) {
        double dev = 0;
        for (int m = 0; m < idx.length; m++) {
            double[] tot = totals(w, base, idx[m], target[m].length);
            for (int k = 0; k < tot.length; k++) {
                if (target[m][k] > 0) {
                    dev = Math.max(dev, Math.abs(tot[k] - target[m][k]) / target[m][k]);
                } else {
                    dev = Math.max(dev, Math.abs(tot[k]));
                }
            }
        }
        return dev;
    }

    private static void write(Connection c, String table, Cells cells, double[] w, String out, RakeOptions opt) throws SQLException {
        if (cells.vars().contains(out) || out.equals(opt.baseWeight())) {
            throw new IllegalArgumentException("The output weight column " + out + " must differ from the margin and base weight columns");
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE _wb_rake_w (gid INTEGER, w DOUBLE)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO _wb_rake_w VALUES (?, ?)")) {
                for (int i = 0; i < w.length; i++) {
                    ps.setInt(1, i);
                    if (Double.isNaN(w[i])) {
                        ps.setNull(2, java.sql.Types.DOUBLE); // left out: an empty weight
                    } else {
                        ps.setDouble(2, w[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            boolean exists = Catalog.describe(c, table).stream().anyMatch(ci -> ci.name().equals(out));
            if (!exists) {
                st.execute("ALTER TABLE " + Sql.ident(table) + " ADD COLUMN " + Sql.ident(out) + " DOUBLE");
            }
            StringBuilder on = new StringBuilder();
            for (String v : cells.vars()) {
                on.append(" AND t.").append(Sql.ident(v)).append(" IS NOT DISTINCT FROM g.").append(Sql.ident(v));
            }
            String baseT = opt.baseWeight() == null ? "1.0::DOUBLE" : "TRY_CAST(t." + Sql.ident(opt.baseWeight()) + " AS DOUBLE)";
            st.execute("UPDATE " + Sql.ident(table) + " AS t SET " + Sql.ident(out) + " = " + baseT
                    + " * x.w FROM (SELECT g.*, f.w FROM _wb_rake_g g JOIN _wb_rake_w f USING (gid)) AS x"
                    + " WHERE TRUE" + on.toString().replace("g.", "x."));
            st.execute("DROP TABLE _wb_rake_w");
            st.execute("DROP TABLE _wb_rake_g");
        }
    }
}
