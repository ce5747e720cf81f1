package jp.ebpm.analysis.survey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Runs a cross-tabulation: one set-based DuckDB query groups the rows by (layer, row, column) and returns
 * Σw, Σw² and the number of rows per group; {@link CrossTabAssembler} then computes all statistics on
 * that small table in Java.
 */
public final class CrossTabEngine {

    private CrossTabEngine() {
    }

    /** Runs the table on a project. */
    public static CrossTabResult run(Project project, CrossTabSpec spec, ProgressListener progress, Cancellation cancel) {
        try (Connection c = project.connect()) {
            return run(c, spec, progress, cancel);
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot close the database connection: " + e.getMessage(), e);
        }
    }

    /** Runs the table on an open connection (the caller closes it). */
    public static CrossTabResult run(Connection c, CrossTabSpec spec, ProgressListener progress, Cancellation cancel) {
        if (progress != null) {
            progress.progress("Counting " + spec.rowVar() + " × " + spec.colVar(), 0, 2);
        }
        List<Group> groups = groups(c, spec, cancel);
        cancel.check();
        if (progress != null) {
            progress.progress("Computing statistics", 1, 2);
        }
        CrossTabResult r = CrossTabAssembler.assemble(spec, groups);
        if (progress != null) {
            progress.progress("Done", 2, 2);
        }
        return r;
    }

    /** One group of the grouped table: raw values, whether the weight was usable, Σw, Σw², rows. */
    record Group(Object layer, Object row, Object col, boolean weightOk, double sumW, double sumW2, long n, String[] margins) {
    }

    static List<Group> groups(Connection c, CrossTabSpec spec, Cancellation cancel) {
        String w = spec.weightKind() == WeightKind.NONE ? "1.0::DOUBLE"
                : "TRY_CAST(" + Sql.ident(spec.weightVar()) + " AS DOUBLE)";
        String layer = spec.layerVar() == null ? "NULL" : Sql.ident(spec.layerVar());
        StringBuilder mk = new StringBuilder();
        StringBuilder mkOut = new StringBuilder();
        for (int m = 0; m < spec.rakedOn().size(); m++) {
            String key = java.util.Arrays.stream(spec.rakedOn().get(m).split("\\+")).map(v -> "COALESCE(CAST(" + Sql.ident(v.trim())
                    + " AS VARCHAR), '')").collect(java.util.stream.Collectors.joining(" || chr(1) || "));
            mk.append(key).append(" AS m").append(m).append(", ");
            mkOut.append(", m").append(m);
        }
        String sql = "SELECT l, r, c, ok, SUM(CASE WHEN ok THEN wt END), SUM(CASE WHEN ok THEN wt * wt END), COUNT(*)" + mkOut + " FROM ("
                + "SELECT " + mk + layer + " AS l, " + Sql.ident(spec.rowVar()) + " AS r, " + Sql.ident(spec.colVar()) + " AS c, "
                + w + " AS wt, COALESCE(" + w + " > 0 AND isfinite(" + w + "), FALSE) AS ok FROM " + Sql.ident(spec.table())
                + ") GROUP BY ALL";
        List<Group> out = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            Runnable hook = () -> cancelQuietly(st);
            cancel.onCancel(hook);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    boolean ok = rs.getBoolean(4);
                    String[] margins = new String[spec.rakedOn().size()];
                    for (int m = 0; m < margins.length; m++) {
                        margins[m] = rs.getString(8 + m);
                    }
                    out.add(new Group(rs.getObject(1), rs.getObject(2), rs.getObject(3), ok,
                            ok ? rs.getDouble(5) : 0, ok ? rs.getDouble(6) : 0, rs.getLong(7), margins));
                }
            } finally {
                cancel.removeHook(hook);
            }
        } catch (SQLException e) {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
            throw new WorkbenchException("Cannot tabulate " + spec.rowVar() + " by " + spec.colVar() + " in "
                    + spec.table() + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void cancelQuietly(Statement st) {
        try {
            st.cancel();
        } catch (SQLException ignored) {
            // the query finishes or fails by itself
        }
    }

    /** Distinct canonical codes of a column (for pickers), in display order. */
    public static List<Category> categories(Connection c, String table, String column, Codebook codebook) {
        Map<String, Boolean> codes = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT " + Sql.ident(column) + " FROM " + Sql.ident(table))) {
            while (rs.next()) {
                String code = Category.canonical(rs.getObject(1));
                if (code != null) {
                    codes.put(code, true);
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read the values of " + column + ": " + e.getMessage(), e);
        }
        return Category.order(codes.keySet(), codebook.variable(column).orElse(null));
    }
}
