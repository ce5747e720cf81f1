package jp.ebpm.analysis.store;

/** Small helpers for building DuckDB SQL safely. */
public final class Sql {

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
}
