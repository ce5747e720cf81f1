package jp.ebpm.analysis.survey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.Sql;

/**
 * Drafts a codebook from a dataset, for the user to edit: per column, one DuckDB query counts distinct
 * values. Rules: at most {@value #MAX_CATEGORIES} distinct values → {@code single} with those values as
 * codes (labels = codes); values that contain {@code ;} and whose parts are short codes →
 * {@code multi_delimited}; only 0/1 values → {@code single} (a 0/1 column; group them into a
 * {@code multi_binary} set by hand); all numbers → {@code numeric}; else {@code text}. The codes 99, 999
 * and 9999 are proposed as missing codes when they are the largest code of a small set.
 */
public final class CodebookInference {

    /** Columns with more distinct values are not treated as categorical. */
    public static final int MAX_CATEGORIES = 20;

    private CodebookInference() {
    }

    /** Drafts a codebook for every column of the table. */
    public static Codebook infer(Connection c, String table) {
        List<Codebook.Variable> vars = new ArrayList<>();
        try {
            for (ColumnInfo col : Catalog.describe(c, table)) {
                vars.add(inferColumn(c, table, col.name()));
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read " + table + " to draft a codebook: " + e.getMessage(), e);
        }
        return new Codebook(vars);
    }

    private static Codebook.Variable inferColumn(Connection c, String table, String column) throws SQLException {
        String v = "NULLIF(TRIM(CAST(" + Sql.ident(column) + " AS VARCHAR)), '')";
        Set<String> values = new LinkedHashSet<>();
        boolean delimited = false;
        long distinct;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(DISTINCT " + v + "), BOOL_OR(" + v + " LIKE '%;%') FROM " + Sql.ident(table))) {
            rs.next();
            distinct = rs.getLong(1);
            delimited = rs.getBoolean(2);
        }
        if (delimited) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT TRIM(x) FROM (SELECT UNNEST(string_split(" + v + ", ';')) AS x FROM "
                         + Sql.ident(table) + ") WHERE TRIM(x) <> '' LIMIT " + (MAX_CATEGORIES + 1))) {
                while (rs.next()) {
                    values.add(Category.canonical(rs.getString(1)));
                }
            }
            if (values.size() <= MAX_CATEGORIES) {
                return variable(column, VariableType.MULTI_DELIMITED, values);
            }
            return new Codebook.Variable(column, "", VariableType.TEXT, List.of(), Set.of(), List.of());
        }
        boolean numeric;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT BOOL_AND(TRY_CAST(" + v + " AS DOUBLE) IS NOT NULL) FROM " + Sql.ident(table)
                     + " WHERE " + v + " IS NOT NULL")) {
            rs.next();
            numeric = rs.getBoolean(1);
        }
        if (distinct <= MAX_CATEGORIES) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT " + v + " FROM " + Sql.ident(table) + " WHERE " + v + " IS NOT NULL")) {
                while (rs.next()) {
                    values.add(Category.canonical(rs.getString(1)));
                }
            }
            return variable(column, VariableType.SINGLE, values);
        }
        return new Codebook.Variable(column, "", numeric ? VariableType.NUMERIC : VariableType.TEXT, List.of(), Set.of(), List.of());
    }

    private static Codebook.Variable variable(String column, VariableType type, Set<String> codes) {
        List<Category> ordered = Category.order(codes, null);
        List<Codebook.Value> values = new ArrayList<>();
        for (Category cat : ordered) {
            values.add(new Codebook.Value(cat.code(), cat.code(), null));
        }
        Set<String> missing = new LinkedHashSet<>();
        if (!ordered.isEmpty() && ordered.size() > 1) {
            String last = ordered.get(ordered.size() - 1).code();
            if (last.equals("99") || last.equals("999") || last.equals("9999")) {
                missing.add(last);
            }
        }
        return new Codebook.Variable(column, "", type, values, missing, List.of());
    }
}
