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
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.NameCheck;
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

    /**
     * Runs the table on a project: the spec is first {@link #prepare prepared} (stored codebook, survey design with
     * its raking margins, Likert NET rows, names checked), so every caller — the command line, the Cross-tab tab,
     * the Likert mode, report specs — computes the same table from the same request. The result carries the
     * prepared spec.
     */
    public static CrossTabResult run(Project project, CrossTabSpec spec, ProgressListener progress, Cancellation cancel) {
        CrossTabSpec prepared = prepare(project, spec);
        try (Connection c = project.connect()) {
            return run(c, prepared, progress, cancel);
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot close the database connection: " + e.getMessage(), e);
        }
    }

    /**
     * The spec every caller tabulates, built in one place:
     * <ol>
     *   <li>names: the dataset and every variable must exist; a typo is one plain message with a suggestion
     *   ("column q55 not found in 市民アンケート2018; did you mean q5?"), before any SQL;</li>
     *   <li>codebook: the one in the spec, or else the codebook stored with the dataset
     *   ({@link ProjectCodebooks#load});</li>
     *   <li>survey design ({@link SurveyDesign#of}): a sampling weight keeps the raking margins given in the spec,
     *   or else gets the margins recorded when it was raked in the project;</li>
     *   <li>Likert NET rows: a row variable the codebook types {@code likert} gets the top-2 and bottom-2 boxes of
     *   its codebook scale ({@link LikertSummary#codebookNets}) after the spec's own NET rows, unless one of those
     *   already combines the same codes.</li>
     * </ol>
     * A table that is not in the catalog (a CSV read into a scratch project) is checked against its columns and
     * gets only what the spec gives.
     */
    public static CrossTabSpec prepare(Project project, CrossTabSpec spec) {
        DatasetInfo info = project.catalog().find(spec.table()).orElse(null);
        List<String> columns = info != null ? info.columnNames() : tableColumns(project, spec.table());
        NameCheck.requireColumns(spec.table(), columns, spec.rowVar(), spec.colVar(), spec.layerVar(), spec.weightVar());
        CrossTabSpec out = spec;
        if (info != null && out.codebook().variables().isEmpty()) {
            out = out.withCodebook(ProjectCodebooks.load(project, info.name()).orElse(Codebook.empty()));
        }
        out = out.withDesign(SurveyDesign.of(info, out.weightVar(), out.weightKind(), out.rakedOn()));
        if (out.weightKind() == WeightKind.SAMPLING) {
            for (String margin : out.rakedOn()) {
                NameCheck.requireColumns(spec.table(), columns, java.util.Arrays.stream(margin.split("\\+")).map(String::trim)
                        .toArray(String[]::new));
            }
        }
        List<CrossTabSpec.Net> nets = new ArrayList<>(out.nets());
        for (CrossTabSpec.Net n : LikertSummary.codebookNets(out.codebook(), out.rowVar(), false)) {
            if (nets.stream().noneMatch(x -> sameCodes(x.codes(), n.codes()))) {
                nets.add(n);
            }
        }
        return nets.size() == out.nets().size() ? out : out.withNets(nets);
    }

    private static boolean sameCodes(List<String> a, List<String> b) {
        return LikertSummary.canonical(a).equals(LikertSummary.canonical(b));
    }

    private static List<String> tableColumns(Project project, String table) {
        try (Connection c = project.connect()) {
            List<String> names = new ArrayList<>();
            for (ColumnInfo col : Catalog.describe(c, table)) {
                names.add(col.name());
            }
            if (names.isEmpty()) {
                throw project.catalog().find(table).isPresent() ? new WorkbenchException("The table " + table + " has no columns.")
                        : new WorkbenchException("no dataset " + table + " in this project"
                        + NameCheck.suggestion(table, project.catalog().list().stream().map(DatasetInfo::name).toList()));
            }
            return names;
        } catch (SQLException e) {
            throw new WorkbenchException("no dataset " + table + " in this project"
                    + NameCheck.suggestion(table, project.catalog().list().stream().map(DatasetInfo::name).toList()), e);
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
