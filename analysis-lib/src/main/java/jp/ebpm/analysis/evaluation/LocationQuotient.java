package jp.ebpm.analysis.evaluation;

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

/**
 * Location quotients (特化係数): for area a and industry i with employees (or establishments) E,
 * LQ<sub>a,i</sub> = (E<sub>a,i</sub> / E<sub>a,·</sub>) / (R<sub>i</sub> / R<sub>·</sub>), the area's share of industry
 * i over the reference's share, where the reference R is the sum of all areas in the table (the city), a row
 * of the table (e.g. the prefecture or 全国, left out of the areas), or another dataset. LQ &gt; 1: the area is
 * more specialised in the industry than the reference.
 *
 * @since 0.2
 */
public final class LocationQuotient {

    private LocationQuotient() {
    }

    /**
     * The question. The data are in long form: one row per area and industry (rows repeating a pair are summed).
     *
     * @param dataset        the dataset
     * @param areaColumn     area column
     * @param industryColumn industry column
     * @param valueColumn    employees or establishments
     * @param referenceArea  null: the sum of all areas; else the value of the area column whose rows are the reference
     * @param referenceDataset null, or a dataset with the same industry and value columns giving the reference
     */
    public record Spec(String dataset, String areaColumn, String industryColumn, String valueColumn, String referenceArea,
                       String referenceDataset) {
    }

    /**
     * The quotients.
     *
     * @param areas        the areas in table order
     * @param industries   the industries in table order
     * @param values       E[a][i]
     * @param lq           LQ[a][i] (NaN where the area total or the reference share is 0)
     * @param referenceShare R_i / R_·
     * @param reference    what the reference is, in words
     */
    public record Result(List<String> areas, List<String> industries, double[][] values, double[][] lq,
                         double[] referenceShare, String reference) {

        /** LQ of an area and industry by name. */
        public double lq(String area, String industry) {
            return lq[areas.indexOf(area)][industries.indexOf(industry)];
        }
    }

    /**
     * Computes the quotients.
     *
     * @throws WorkbenchException when a column is missing, the reference area is not in the table, or the reference
     *                            has none of an industry's employees in total
     */
    public static Result compute(Project project, Spec s) {
        Map<String, Map<String, Double>> table = read(project, s.dataset(), s.areaColumn(), s.industryColumn(), s.valueColumn());
        Map<String, Double> ref;
        String refText;
        if (s.referenceDataset() != null) {
            Map<String, Map<String, Double>> r = read(project, s.referenceDataset(), null, s.industryColumn(), s.valueColumn());
            ref = r.get("");
            refText = s.referenceDataset();
        } else if (s.referenceArea() != null) {
            ref = table.remove(s.referenceArea());
            if (ref == null) {
                throw new WorkbenchException("The reference area \"" + s.referenceArea() + "\" is not in the column \""
                        + s.areaColumn() + "\" of \"" + s.dataset() + "\".");
            }
            refText = s.referenceArea();
        } else {
            ref = new LinkedHashMap<>();
            for (Map<String, Double> row : table.values()) {
                row.forEach((k, v) -> ref.merge(k, v, Double::sum));
            }
            refText = "all areas of " + s.dataset();
        }
        List<String> areas = new ArrayList<>(table.keySet());
        List<String> industries = new ArrayList<>();
        for (Map<String, Double> row : table.values()) {
            for (String i : row.keySet()) {
                if (!industries.contains(i)) {
                    industries.add(i);
                }
            }
        }
        double refTotal = 0;
        for (String i : industries) {
            refTotal += ref.getOrDefault(i, 0.0);
        }
        double[] refShare = new double[industries.size()];
        for (int i = 0; i < industries.size(); i++) {
            Double r = ref.get(industries.get(i));
            if (r == null) {
                throw new WorkbenchException("The reference (" + refText + ") has no value for the industry \""
                        + industries.get(i) + "\".");
            }
            refShare[i] = r / refTotal;
        }
        double[][] values = new double[areas.size()][industries.size()];
        double[][] lq = new double[areas.size()][industries.size()];
        for (int a = 0; a < areas.size(); a++) {
            Map<String, Double> row = table.get(areas.get(a));
            double total = 0;
            for (int i = 0; i < industries.size(); i++) {
                values[a][i] = row.getOrDefault(industries.get(i), 0.0);
                total += values[a][i];
            }
            for (int i = 0; i < industries.size(); i++) {
                lq[a][i] = total == 0 || refShare[i] == 0 ? Double.NaN : (values[a][i] / total) / refShare[i];
            }
        }
        return new Result(areas, industries, values, lq, refShare, refText);
    }

    /** area → industry → sum of value, in first-appearance order; area "" when areaColumn is null. */
    private static Map<String, Map<String, Double>> read(Project project, String dataset, String areaColumn, String industry,
                                                         String value) {
        project.catalog().requireAnalysable(dataset);
        String area = areaColumn == null ? "''" : "CAST(" + Sql.ident(areaColumn) + " AS VARCHAR)";
        String sql = "SELECT " + area + " AS a, CAST(" + Sql.ident(industry) + " AS VARCHAR) AS i, sum(CAST(" + Sql.ident(value)
                + " AS DOUBLE)) AS v, min(rowid) AS o FROM " + Sql.ident(dataset) + " WHERE " + Sql.ident(industry)
                + " IS NOT NULL" + (areaColumn == null ? "" : " AND " + Sql.ident(areaColumn) + " IS NOT NULL")
                + " GROUP BY ALL ORDER BY o";
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        try (Connection c = project.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                double v = rs.getDouble(3);
                out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.wasNull() ? 0 : v);
            }
        } catch (SQLException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new WorkbenchException("Reading \"" + dataset + "\" for location quotients failed: " + msg, e);
        }
        if (out.isEmpty()) {
            throw new WorkbenchException("\"" + dataset + "\" has no rows with an industry.");
        }
        return out;
    }
}
