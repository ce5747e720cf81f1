package jp.ebpm.analysis.stats.regression;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * The rows of a project dataset that a model uses, read from DuckDB: columns are checked and typed (numeric
 * columns are regressors, text and logical columns and {@code factor(col)} are categorical, as in R), rows with
 * a missing value (NULL, NaN) in any used column are left out and counted (R's {@code na.omit}), factor levels
 * are found among the rows used and sorted by value (numbers numerically, text by code point, which is R's
 * order in the C locale), and the rows are streamed through a {@link Design} without being held in memory.
 */
final class ModelFrame implements RowSource {

    private static final Set<String> NUMERIC = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT",
            "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE", "REAL", "DECIMAL", "INT", "INT4", "INT8");
    private static final Set<String> FLOATING = Set.of("FLOAT", "DOUBLE", "REAL");

    final Project project;
    final String dataset;
    final Formula formula;
    final String weight;
    final String cluster;
    final Design design;
    final long total;
    final long used;
    final long missing;
    final long zeroWeight;
    private final String where;
    private final String select;
    private final boolean[] isFactor;
    private final List<Map<String, Integer>> levelIndex = new ArrayList<>();
    private final Map<String, Integer> clusterIndex = new HashMap<>();
    private final ProgressListener progress;
    private final Cancellation cancel;

    ModelFrame(Project project, String dataset, Formula formula, String weight, String cluster, ProgressListener progress,
               Cancellation cancel) {
        this.project = project;
        this.dataset = dataset;
        this.formula = formula;
        this.weight = weight;
        this.cluster = cluster;
        this.progress = progress;
        this.cancel = cancel;
        DatasetInfo info = project.catalog().requireAnalysable(dataset);
        Map<String, String> types = new HashMap<>();
        for (ColumnInfo c : info.columns()) {
            types.put(c.name(), baseType(c.type()));
        }
        String y = column(info, types, formula.response(), "response");
        if (!NUMERIC.contains(types.get(y))) {
            throw new WorkbenchException("The response \"" + y + "\" must be numeric; it is " + types.get(y) + ".");
        }
        List<Formula.Variable> vars = formula.variables();
        isFactor = new boolean[vars.size()];
        List<String> cols = new ArrayList<>();
        for (int v = 0; v < vars.size(); v++) {
            String c = column(info, types, vars.get(v).column(), "regressor");
            cols.add(c);
            String t = types.get(c);
            isFactor[v] = vars.get(v).factor() || !NUMERIC.contains(t);
            if (!isFactor[v] && !NUMERIC.contains(t)) {
                throw new WorkbenchException("The column \"" + c + "\" (" + t + ") cannot be a regressor.");
            }
        }
        String w = weight == null ? null : column(info, types, weight, "weight");
        String g = cluster == null ? null : column(info, types, cluster, "cluster");
        if (w != null && !NUMERIC.contains(types.get(w))) {
            throw new WorkbenchException("The weight column \"" + w + "\" must be numeric.");
        }
        Set<String> all = new LinkedHashSet<>();
        all.add(y);
        all.addAll(cols);
        if (w != null) {
            all.add(w);
        }
        if (g != null) {
            all.add(g);
        }
        List<String> conds = new ArrayList<>();
        for (String c : all) {
            conds.add(Sql.ident(c) + " IS NOT NULL");
            if (FLOATING.contains(types.get(c))) {
                conds.add("NOT isnan(" + Sql.ident(c) + ")");
            }
        }
        String complete = String.join(" AND ", conds);
        String table = Sql.ident(dataset);
        try (Connection conn = project.connect(); Statement st = conn.createStatement()) {
            String wq = w == null ? "0, 0" : "count(*) FILTER (WHERE " + complete + " AND " + Sql.ident(w) + " = 0), "
                    + "count(*) FILTER (WHERE " + complete + " AND " + Sql.ident(w) + " < 0)";
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE " + complete + "), " + wq
                    + " FROM " + table)) {
                rs.next();
                total = rs.getLong(1);
                long complete1 = rs.getLong(2);
                zeroWeight = rs.getLong(3);
                if (rs.getLong(4) > 0) {
                    throw new WorkbenchException("The weight column \"" + w + "\" has " + rs.getLong(4)
                            + " negative values; weights must be 0 or more.");
                }
                missing = total - complete1;
                used = complete1 - zeroWeight;
            }
            where = complete + (w == null ? "" : " AND " + Sql.ident(w) + " > 0");
            List<List<String>> levels = new ArrayList<>();
            for (int v = 0; v < vars.size(); v++) {
                if (!isFactor[v]) {
                    levels.add(null);
                    levelIndex.add(null);
                    continue;
                }
                String c = Sql.ident(cols.get(v));
                List<String> labels = new ArrayList<>();
                Map<String, Integer> index = new HashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT DISTINCT CAST(" + c + " AS VARCHAR) AS k, " + c + " AS v FROM "
                        + table + " WHERE " + where + " ORDER BY v")) {
                    while (rs.next()) {
                        index.put(rs.getString(1), labels.size());
                        labels.add(label(rs.getObject(2), types.get(cols.get(v))));
                    }
                }
                if (labels.size() < 2 && used > 0) {
                    throw new WorkbenchException(vars.get(v).label() + " has only one value (" + String.join("", labels)
                            + ") among the rows used; a categorical regressor needs at least two. Remove it from the formula.");
                }
                levels.add(labels);
                levelIndex.add(index);
            }
            design = new Design(formula, levels);
        } catch (SQLException e) {
            throw new WorkbenchException("Reading the dataset \"" + dataset + "\" failed: " + e.getMessage(), e);
        }
        StringBuilder sb = new StringBuilder("SELECT CAST(").append(Sql.ident(y)).append(" AS DOUBLE)");
        for (int v = 0; v < vars.size(); v++) {
            sb.append(", CAST(").append(Sql.ident(cols.get(v))).append(isFactor[v] ? " AS VARCHAR)" : " AS DOUBLE)");
        }
        sb.append(", ").append(w == null ? "CAST(1 AS DOUBLE)" : "CAST(" + Sql.ident(w) + " AS DOUBLE)");
        sb.append(", ").append(g == null ? "NULL" : "CAST(" + Sql.ident(g) + " AS VARCHAR)");
        sb.append(" FROM ").append(table).append(" WHERE ").append(where);
        select = sb.toString();
    }

    private static String baseType(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        int paren = t.indexOf('(');
        return paren > 0 ? t.substring(0, paren).strip() : t.strip();
    }

    private static String column(DatasetInfo info, Map<String, String> types, String name, String role) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String c : types.keySet()) {
            if (c.equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new WorkbenchException("The dataset \"" + info.name() + "\" has no column \"" + name + "\" (" + role
                + "). Columns: " + String.join(", ", info.columnNames()) + ".");
    }

    /** A level as R prints it: TRUE/FALSE for logicals, whole numbers without ".0". */
    static String label(Object v, String type) {
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof Number num && FLOATING.contains(type)) {
            double d = num.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        if (v instanceof java.math.BigDecimal bd) {
            return bd.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    @Override
    public void forEach(Sink sink) {
        int nv = formula.variables().size();
        double[] numeric = new double[nv];
        int[] level = new int[nv];
        double[] x = new double[design.width()];
        try (Connection conn = project.connect(); Statement st = conn.createStatement()) {
            Runnable hook = () -> {
                try {
                    st.cancel();
                } catch (SQLException ignored) {
                    // finished already
                }
            };
            cancel.onCancel(hook);
            try (ResultSet rs = st.executeQuery(select)) {
                long row = 0;
                while (rs.next()) {
                    if ((++row & 0xFFFF) == 0) {
                        cancel.check();
                        progress.progress(null, row, used);
                    }
                    double y = rs.getDouble(1);
                    for (int v = 0; v < nv; v++) {
                        if (isFactor[v]) {
                            Integer l = levelIndex.get(v).get(rs.getString(v + 2));
                            level[v] = l == null ? -1 : l;
                        } else {
                            numeric[v] = rs.getDouble(v + 2);
                        }
                    }
                    double w = rs.getDouble(nv + 2);
                    int g = -1;
                    if (cluster != null) {
                        g = clusterIndex.computeIfAbsent(rs.getString(nv + 3), k -> clusterIndex.size());
                    }
                    design.row(numeric, level, x);
                    sink.accept(x, y, w, g);
                }
            } finally {
                cancel.removeHook(hook);
            }
        } catch (SQLException e) {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
            throw new WorkbenchException("Reading the dataset \"" + dataset + "\" failed: " + e.getMessage(), e);
        }
        cancel.check();
    }
}
