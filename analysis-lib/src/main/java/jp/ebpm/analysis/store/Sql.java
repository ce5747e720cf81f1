package jp.ebpm.analysis.store;

/** Small helpers for building DuckDB SQL safely. */
public final class Sql {

    private Sql() {
    }

    /** Quotes an identifier (table or column name) for DuckDB: {@code 区名} becomes {@code "区名"}. */
    public static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Quotes a string literal: {@code it's} becomes {@code 'it''s'}. */
    public static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
