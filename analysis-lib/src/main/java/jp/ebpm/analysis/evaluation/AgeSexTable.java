package jp.ebpm.analysis.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;

/**
 * Values by 5-year age group and sex read from a project dataset in long form (one row per age group and sex,
 * optionally per area and year), summed over the rows that match the filters. Totals and unknown ages are
 * skipped; the groups must be contiguous 5-year groups from 0 with at most the last one open.
 *
 * @param groups the age groups, youngest first
 * @param male   values of men per group, one array per value column
 * @param female values of women per group, one array per value column
 * @since 0.2
 */
public record AgeSexTable(List<AgeGroup> groups, List<double[]> male, List<double[]> female) {

    /**
     * Reads the table.
     *
     * @param filters column = value conditions (e.g. area, year), compared as text; null values are ignored
     * @param values  value columns (e.g. population; or survival, migration)
     * @throws WorkbenchException when a column is missing, nothing matches, or the groups are not 5-year groups
     */
    public static AgeSexTable read(Project project, String dataset, String ageColumn, String sexColumn, List<String> values,
                                   Map<String, String> filters) {
        project.catalog().requireAnalysable(dataset);
        StringBuilder sql = new StringBuilder("SELECT ").append(Sql.ident(ageColumn)).append(", ").append(Sql.ident(sexColumn));
        for (String v : values) {
            sql.append(", CAST(").append(Sql.ident(v)).append(" AS DOUBLE)");
        }
        sql.append(" FROM ").append(Sql.ident(dataset)).append(" WHERE TRUE");
        List<String> params = new ArrayList<>();
        for (var f : filters.entrySet()) {
            if (f.getValue() != null) {
                sql.append(" AND CAST(").append(Sql.ident(f.getKey())).append(" AS VARCHAR) = ?");
                params.add(f.getValue());
            }
        }
        TreeMap<AgeGroup, double[][]> byAge = new TreeMap<>();
        int rows = 0;
        try (Connection c = project.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var age = AgeGroup.parse(rs.getObject(1));
                    Sex sex;
                    try {
                        sex = Sex.parse(rs.getObject(2)).orElse(null);
                    } catch (IllegalArgumentException e) {
                        throw new WorkbenchException(e.getMessage(), dataset, null, sexColumn, null);
                    }
                    if (age.isEmpty() || sex == null) {
                        continue;
                    }
                    rows++;
                    AgeGroup key = age.get();
                    double[][] cell = byAge.computeIfAbsent(key, k -> new double[2][values.size()]);
                    for (int v = 0; v < values.size(); v++) {
                        double x = rs.getDouble(3 + v);
                        cell[sex.ordinal()][v] += rs.wasNull() ? 0 : x;
                    }
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Reading \"" + dataset + "\" failed: " + firstLine(e.getMessage()), e);
        }
        if (rows == 0) {
            throw new WorkbenchException("No age-group rows in \"" + dataset + "\"" + (filters.isEmpty() ? "" : " for " + filters) + ".");
        }
        List<AgeGroup> groups = new ArrayList<>(byAge.keySet());
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).lower() != 5 * i) {
                throw new WorkbenchException("The age groups of \"" + dataset + "\" are not 5-year groups from 0 (found "
                        + groups.get(i).label() + " where " + (5 * i) + "-" + (5 * i + 4) + " was expected).", dataset, null,
                        ageColumn, null);
            }
        }
        List<double[]> m = new ArrayList<>();
        List<double[]> f = new ArrayList<>();
        for (int v = 0; v < values.size(); v++) {
            double[] mv = new double[groups.size()];
            double[] fv = new double[groups.size()];
            for (int i = 0; i < groups.size(); i++) {
                mv[i] = byAge.get(groups.get(i))[0][v];
                fv[i] = byAge.get(groups.get(i))[1][v];
            }
            m.add(mv);
            f.add(fv);
        }
        return new AgeSexTable(groups, m, f);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
