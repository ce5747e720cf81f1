package jp.ebpm.analysis.store;

import java.util.Locale;
import java.util.regex.Pattern;

/** Small helpers for building DuckDB SQL safely. */
public final class Sql {

    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s|--[^\\n]*\\n|/\\*.*?\\*/)*", Pattern.DOTALL);

    private Sql() {
    }

    /**
     * Quotes an identifier (table or column name) for DuckDB: {@code 区名} becomes {@code "区名"}, and a quote
     * inside is doubled, so a user's name such as {@code x"; drop table t; --} stays one identifier. This is the
     * one quoting function for every SQL statement built from a user's or a file's names.
     *
     * @throws jp.ebpm.analysis.WorkbenchException for an empty name or one holding a NUL character (DuckDB cannot
     *                                             quote them)
     */
    public static String ident(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new jp.ebpm.analysis.WorkbenchException("A table or column name is empty (or holds a NUL character);"
                    + " give it a name.");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Quotes a string literal: {@code it's} becomes {@code 'it''s'}. */
    public static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    /**
     * Whether a statement only reads data: it starts with SELECT, WITH, FROM, VALUES, SHOW, DESCRIBE,
     * SUMMARIZE, EXPLAIN, TABLE or PRAGMA table_info. Anything else (INSERT, UPDATE, DELETE, CREATE, DROP,
     * ALTER, COPY, ATTACH, SET, ...) is treated as changing the project, and the UI asks first.
     * A statement is also treated as changing when it holds more than one statement.
     */
    public static boolean isReadOnly(String sql) {
        String s = LEADING_COMMENTS.matcher(sql).replaceFirst("").strip();
        String body = s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
        if (body.contains(";")) {
            return false;
        }
        String first = body.split("[\\s(]+", 2)[0].toUpperCase(Locale.ROOT);
        return switch (first) {
            case "SELECT", "WITH", "FROM", "VALUES", "SHOW", "DESCRIBE", "SUMMARIZE", "EXPLAIN", "TABLE" -> true;
            default -> false;
        };
    }
}
