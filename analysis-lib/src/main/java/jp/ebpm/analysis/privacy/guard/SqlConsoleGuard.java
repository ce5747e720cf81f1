package jp.ebpm.analysis.privacy.guard;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.QueryResult;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.store.Sql;

/**
 * The SQL console's rule for private data. Free SQL never sees private rows: they are not in the project
 * database at all, and {@link #checkPlainQuery} refuses, with an explanation, any console query that
 * names a private dataset. Private data can be queried only through {@link #aggregate}: the user chooses
 * group-by expressions and a filter; the guard itself writes the query, always adding
 * {@code count(*) AS pings} and {@code count(DISTINCT pid) AS devices}, and suppresses every row with
 * fewer than k devices. Expressions may not contain sub-queries, comments, statement separators,
 * table functions or the pseudonym column {@code pid}.
 */
public final class SqlConsoleGuard {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "(;|--|/\\*|\\*/|\\bselect\\b|\\bfrom\\b|\\bjoin\\b|\\bunion\\b|\\bpid\\b|\\bread_\\w*|\\bcopy\\b|\\battach\\b"
                    + "|\\bpragma\\b|\\binstall\\b|\\bload\\b|\\bexport\\b|\\bset\\b|\\bcall\\b|\\bcreate\\b|\\bdrop\\b"
                    + "|\\binsert\\b|\\bupdate\\b|\\bdelete\\b|\\bover\\b|_agg\\b|\\blist\\b|\\bfirst\\b|\\blast\\b|\\bany_value\\b"
                    + "|\\bmin\\b|\\bmax\\b|\\barg_\\w*|\\bgetenv\\b|\\bquery\\w*)", Pattern.CASE_INSENSITIVE);

    private SqlConsoleGuard() {
    }

    /**
     * Refuses a console query that names a private dataset.
     *
     * @throws WorkbenchException naming the dataset and the allowed way
     */
    public static void checkPlainQuery(Project project, String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        for (DatasetInfo d : project.catalog().list()) {
            if (d.sensitivity() != Sensitivity.PRIVATE) {
                continue;
            }
            String n = d.name().toLowerCase(Locale.ROOT);
            if (Pattern.compile("(^|[^\\p{L}\\p{N}_])" + Pattern.quote(n) + "($|[^\\p{L}\\p{N}_])").matcher(lower).find()) {
                throw new WorkbenchException("Refused: \"" + d.name() + "\" holds private data, which the SQL console"
                        + " cannot read. Use an aggregate with at least k distinct persons per row"
                        + " (e.g. workbench location aggregate).");
            }
        }
    }

    /** Checks one user-written expression fragment; throws when it is not allowed. */
    static void checkFragment(String fragment) {
        if (FORBIDDEN.matcher(fragment).find()) {
            throw new WorkbenchException("Refused: the expression \"" + fragment + "\" uses something that is not allowed"
                    + " over private data (sub-queries, comments, ';', table functions, aggregates or the pseudonym pid).");
        }
    }

    /**
     * Runs a guarded aggregate over a private dataset in the vault.
     *
     * @param groupBy group-by expressions over the dataset's columns (e.g. {@code hour(ts)}, {@code age_band})
     * @param where   a filter, or null
     * @return one row per group with the group values, {@code pings} and {@code devices}; groups with fewer
     *         than k devices have every value replaced by χ
     */
    public static QueryResult aggregate(UnlockedVault vault, String dataset, List<String> groupBy, String where, int k) {
        if (k < DisclosureGuard.MIN_K) {
            throw new IllegalArgumentException("k must be at least " + DisclosureGuard.MIN_K);
        }
        if (groupBy.isEmpty()) {
            throw new WorkbenchException("Refused: an aggregate over private data needs at least one group-by expression.");
        }
        vault.info(dataset);
        groupBy.forEach(SqlConsoleGuard::checkFragment);
        if (where != null && !where.isBlank()) {
            checkFragment(where);
        }
        StringBuilder sel = new StringBuilder();
        StringBuilder grp = new StringBuilder();
        for (int i = 0; i < groupBy.size(); i++) {
            sel.append("(").append(groupBy.get(i)).append(") AS g").append(i).append(", ");
            grp.append(i == 0 ? "" : ", ").append(i + 1);
        }
        String sql = "SELECT " + sel + "count(*) AS pings, count(DISTINCT pid) AS devices FROM " + Sql.ident(dataset)
                + (where == null || where.isBlank() ? "" : " WHERE (" + where + ")") + " GROUP BY " + grp + " ORDER BY " + grp;
        vault.load(dataset, jp.ebpm.analysis.task.Cancellation.none());
        List<ColumnInfo> cols = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            for (int i = 0; i < groupBy.size(); i++) {
                cols.add(new ColumnInfo(groupBy.get(i), "VARCHAR"));
            }
            cols.add(new ColumnInfo("pings", "VARCHAR"));
            cols.add(new ColumnInfo("devices", "VARCHAR"));
            while (rs.next()) {
                long devices = rs.getLong(n);
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = devices < k ? ProtectedTable.SUPPRESSED : rs.getString(i + 1);
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new WorkbenchException("The aggregate failed: " + e.getMessage(), e);
        }
        QueryResult r = new QueryResult(cols, rows, false);
        checkResult(r, k);
        return r;
    }

    /**
     * The last check before a private-derived query result is shown: it must have a {@code devices} (or
     * {@code persons}) column, and every row must show at least k there or be fully suppressed (χ).
     *
     * @throws WorkbenchException when the result is not aggregated enough
     */
    public static void checkResult(QueryResult r, int k) {
        int idx = -1;
        for (int i = 0; i < r.columns().size(); i++) {
            String n = r.columns().get(i).name().toLowerCase(Locale.ROOT);
            if (n.equals("devices") || n.equals("persons")) {
                idx = i;
            }
        }
        if (idx < 0) {
            throw new WorkbenchException("Refused: a result over private data needs a count of distinct persons (devices).");
        }
        for (Object[] row : r.rows()) {
            Object v = row[idx];
            if (ProtectedTable.SUPPRESSED.equals(v)) {
                for (Object o : row) {
                    if (!ProtectedTable.SUPPRESSED.equals(o)) {
                        throw new WorkbenchException("Refused: a suppressed row still shows values.");
                    }
                }
                continue;
            }
            long n;
            try {
                n = Long.parseLong(String.valueOf(v));
            } catch (NumberFormatException e) {
                throw new WorkbenchException("Refused: the persons count is not a number.", e);
            }
            if (n < k) {
                throw new WorkbenchException("Refused: a row has fewer than " + k + " distinct persons.");
            }
        }
    }
}
