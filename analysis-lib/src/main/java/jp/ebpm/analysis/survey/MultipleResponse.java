package jp.ebpm.analysis.survey;

import jp.ebpm.analysis.store.Project;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Sql;

/**
 * Multiple-response tables by a banner variable, counted in DuckDB. A set is either several 0/1 columns
 * (one per option; a respondent answered when at least one member is not empty) or one delimited column
 * such as {@code 1;3;5} (answered when not empty). Per banner column (and a final "Total" column):
 * base = weighted respondents who answered, % of respondents = option count / base (sums to more than
 * 100), % of responses = option count / all mentions (sums to 100). Rows with an empty, zero or negative
 * weight and rows with a missing banner value are left out.
 */
public final class MultipleResponse {

    private MultipleResponse() {
    }

    /**
     * A computed table.
     *
     * @param options option categories (rows)
     * @param cols banner categories, then a final "Total" column
     * @param counts weighted respondents choosing each option, options × cols
     * @param base weighted respondents who answered, per column
     * @param mentions all weighted mentions, per column
     * @param pctRespondents 100·count/base
     * @param pctResponses 100·count/mentions
     */
    public record Table(List<Category> options, List<Category> cols, double[][] counts, double[] base, double[] mentions,
                        double[][] pctRespondents, double[][] pctResponses) {
    }

    /** A set of 0/1 columns; {@code codes} gives each member's option code (same order). */
    public static Table binary(Connection c, String table, List<String> members, List<String> codes, String banner,
                               String weight, Codebook.Variable set, Codebook.Variable bannerVar) {
        String w = weightExpr(weight);
        String b = banner == null ? "'all'" : Sql.ident(banner);
        StringBuilder sql = new StringBuilder("SELECT " + b + " AS b, SUM(" + w + ")");
        for (String m : members) {
            sql.append(", SUM(").append(w).append(" * CASE WHEN TRY_CAST(").append(Sql.ident(m)).append(" AS DOUBLE) = 1 THEN 1 ELSE 0 END)");
        }
        String answered = members.stream().map(m -> "NULLIF(TRIM(CAST(" + Sql.ident(m) + " AS VARCHAR)), '') IS NOT NULL")
                .collect(Collectors.joining(" OR "));
        sql.append(" FROM ").append(Sql.ident(table)).append(" WHERE (").append(answered).append(") AND ").append(w).append(" > 0 GROUP BY ALL");
        Map<String, double[]> rows = new LinkedHashMap<>();
        Map<String, Double> bases = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                String bc = Category.canonical(rs.getObject(1));
                if (bc == null || Category.isMissingCode(bc, bannerVar)) {
                    continue;
                }
                bases.merge(bc, rs.getDouble(2), Double::sum);
                double[] v = rows.computeIfAbsent(bc, k -> new double[members.size()]);
                for (int i = 0; i < members.size(); i++) {
                    v[i] += rs.getDouble(3 + i);
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot count the multiple-response set " + members + ": " + e.getMessage(), e);
        }
        List<String> optionCodes = codes.stream().map(Category::canonical).toList();
        Map<String, Map<String, Double>> byOption = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            for (int i = 0; i < members.size(); i++) {
                byOption.computeIfAbsent(optionCodes.get(i), k -> new LinkedHashMap<>()).put(e.getKey(), e.getValue()[i]);
            }
        }
        return assemble(optionCodes, byOption, bases, set, bannerVar);
    }

    /** A delimited multi-code column (e.g. {@code 1;3;5}). */
    public static Table delimited(Connection c, String table, String column, String delimiter, String banner, String weight,
                                  Codebook.Variable set, Codebook.Variable bannerVar) {
        String w = weightExpr(weight);
        String b = banner == null ? "'all'" : Sql.ident(banner);
        String col = "NULLIF(TRIM(CAST(" + Sql.ident(column) + " AS VARCHAR)), '')";
        String filtered = "SELECT " + b + " AS b, " + w + " AS w, " + col + " AS v FROM " + Sql.ident(table)
                + " WHERE " + col + " IS NOT NULL AND " + w + " > 0";
        String baseSql = "SELECT b, SUM(w) FROM (" + filtered + ") GROUP BY ALL";
        String countSql = "SELECT b, TRIM(code), SUM(w) FROM (SELECT b, w, UNNEST(string_split(v, " + Sql.literal(delimiter)
                + ")) AS code FROM (" + filtered + ")) WHERE TRIM(code) <> '' GROUP BY ALL";
        Map<String, Double> bases = new LinkedHashMap<>();
        Map<String, Map<String, Double>> byOption = new LinkedHashMap<>();
        Set<String> codes = new LinkedHashSet<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(baseSql)) {
                while (rs.next()) {
                    String bc = Category.canonical(rs.getObject(1));
                    if (bc != null && !Category.isMissingCode(bc, bannerVar)) {
                        bases.merge(bc, rs.getDouble(2), Double::sum);
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(countSql)) {
                while (rs.next()) {
                    String bc = Category.canonical(rs.getObject(1));
                    String code = Category.canonical(rs.getString(2));
                    if (bc == null || Category.isMissingCode(bc, bannerVar) || code == null) {
                        continue;
                    }
                    codes.add(code);
                    byOption.computeIfAbsent(code, k -> new LinkedHashMap<>()).merge(bc, rs.getDouble(3), Double::sum);
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot count the multiple-response column " + column + ": " + e.getMessage(), e);
        }
        List<String> ordered = Category.order(codes, set).stream().map(Category::code).toList();
        return assemble(ordered, byOption, bases, set, bannerVar);
    }

    private static Table assemble(List<String> optionCodes, Map<String, Map<String, Double>> byOption, Map<String, Double> bases,
                                  Codebook.Variable set, Codebook.Variable bannerVar) {
        List<Category> options = Category.order(optionCodes, set);
        List<Category> cols = new ArrayList<>(Category.order(bases.keySet(), bannerVar));
        cols.add(new Category("Total", "Total", null));
        int no = options.size();
        int nc = cols.size();
        double[][] counts = new double[no][nc];
        double[] base = new double[nc];
        double[] mentions = new double[nc];
        for (int j = 0; j < nc - 1; j++) {
            base[j] = bases.get(cols.get(j).code());
            base[nc - 1] += base[j];
        }
        for (int i = 0; i < no; i++) {
            Map<String, Double> m = byOption.getOrDefault(options.get(i).code(), Map.of());
            for (int j = 0; j < nc - 1; j++) {
                counts[i][j] = m.getOrDefault(cols.get(j).code(), 0.0);
                counts[i][nc - 1] += counts[i][j];
            }
        }
        for (int j = 0; j < nc; j++) {
            for (int i = 0; i < no; i++) {
                mentions[j] += counts[i][j];
            }
        }
        double[][] pr = new double[no][nc];
        double[][] pm = new double[no][nc];
        for (int i = 0; i < no; i++) {
            for (int j = 0; j < nc; j++) {
                pr[i][j] = base[j] > 0 ? 100 * counts[i][j] / base[j] : Double.NaN;
                pm[i][j] = mentions[j] > 0 ? 100 * counts[i][j] / mentions[j] : Double.NaN;
            }
        }
        return new Table(options, cols, counts, base, mentions, pr, pm);
    }

    private static String weightExpr(String weight) {
        return weight == null ? "1.0" : "COALESCE(TRY_CAST(" + Sql.ident(weight) + " AS DOUBLE), 0)";
    }

    /**
     * The multiple-response table of a codebook set variable by a banner column: a delimited multi-code
     * column ({@code ;}) or a set of 0/1 columns, as the codebook says.
     */
    public static Table of(Project project, String table, Codebook.Variable set, String banner, String weight,
                           Codebook.Variable bannerVar) {
        try (Connection c = project.connect()) {
            if (set.type() == VariableType.MULTI_DELIMITED) {
                return delimited(c, table, set.name(), ";", banner, weight, set, bannerVar);
            }
            return binary(c, table, set.members(),
                    set.values().stream().map(Codebook.Value::code).toList().subList(0, set.members().size()),
                    banner, weight, set, bannerVar);
        } catch (java.sql.SQLException e) {
            throw new WorkbenchException("Database error: " + e.getMessage(), e);
        }
    }
}
