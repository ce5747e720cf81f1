package jp.ebpm.analysis.evaluation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/**
 * A panel in memory as primitive arrays: per row the area index, period index (periods sorted by value), outcome
 * and 0/1 treated value. Rows with a missing area, period, outcome or treated value are left out and counted.
 */
final class Panel {

    final List<String> units = new ArrayList<>();
    final List<String> periods = new ArrayList<>();
    final int[] unit;
    final int[] period;
    final double[] y;
    final double[] treated;
    final int n;
    final long missing;

    private Panel(int n, long missing) {
        this.n = n;
        this.missing = missing;
        unit = new int[n];
        period = new int[n];
        y = new double[n];
        treated = new double[n];
    }

    static Panel load(Project project, PanelSpec spec, Cancellation cancel) {
        String rel = spec.source().relation(project);
        String u = Sql.ident(spec.unit());
        String t = Sql.ident(spec.period());
        String o = Sql.ident(spec.outcome());
        String d = Sql.ident(spec.treated());
        String complete = u + " IS NOT NULL AND " + t + " IS NOT NULL AND " + o + " IS NOT NULL AND " + d
                + " IS NOT NULL AND NOT isnan(CAST(" + o + " AS DOUBLE))";
        try (Connection c = project.connect(); Statement st = c.createStatement()) {
            long total;
            long used;
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE " + complete + ") FROM " + rel + " q")) {
                rs.next();
                total = rs.getLong(1);
                used = rs.getLong(2);
            }
            if (used > Integer.MAX_VALUE - 8) {
                throw new WorkbenchException("The panel has too many rows (" + used + ") to be held in memory.");
            }
            Panel p = new Panel((int) used, total - used);
            Map<String, Integer> periodIndex = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT CAST(" + t + " AS VARCHAR), " + t + " AS v FROM " + rel
                    + " q WHERE " + complete + " ORDER BY v")) {
                while (rs.next()) {
                    periodIndex.put(rs.getString(1), p.periods.size());
                    p.periods.add(rs.getString(1));
                }
            }
            Map<String, Integer> unitIndex = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT CAST(" + u + " AS VARCHAR), CAST(" + t + " AS VARCHAR), CAST(" + o
                    + " AS DOUBLE), CAST(" + d + " AS DOUBLE) FROM " + rel + " q WHERE " + complete + " ORDER BY " + u + ", " + t)) {
                int i = 0;
                while (rs.next()) {
                    if ((i & 0xFFFF) == 0) {
                        cancel.check();
                    }
                    String unitValue = rs.getString(1);
                    p.unit[i] = unitIndex.computeIfAbsent(unitValue, k -> unitIndex.size());
                    p.period[i] = periodIndex.get(rs.getString(2));
                    p.y[i] = rs.getDouble(3);
                    double tr = rs.getDouble(4);
                    if (tr != 0 && tr != 1) {
                        throw new WorkbenchException("The treated column \"" + spec.treated() + "\" must hold 0 or 1; area "
                                + unitValue + " has " + tr + ".");
                    }
                    p.treated[i] = tr;
                    i++;
                }
            }
            p.units.addAll(unitIndex.keySet());
            return p;
        } catch (SQLException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("not found") || msg.contains("does not have a column")) {
                throw new WorkbenchException("The panel has no column named in the question (area \"" + spec.unit()
                        + "\", period \"" + spec.period() + "\", outcome \"" + spec.outcome() + "\", treated \""
                        + spec.treated() + "\"): " + firstLine(msg), e);
            }
            throw new WorkbenchException("Reading the panel failed: " + firstLine(msg), e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Whether every area has exactly one row in every period. */
    boolean balanced() {
        boolean[][] seen = new boolean[units.size()][periods.size()];
        for (int i = 0; i < n; i++) {
            if (seen[unit[i]][period[i]]) {
                return false;
            }
            seen[unit[i]][period[i]] = true;
        }
        return (long) units.size() * periods.size() == n;
    }

    /** Whether an area appears twice in one period. */
    String duplicate() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            if (!seen.add((long) unit[i] * periods.size() + period[i])) {
                return units.get(unit[i]) + " / " + periods.get(period[i]);
            }
        }
        return null;
    }
}
