package jp.ebpm.analysis.store;

/**
 * Summary of one column.
 *
 * @param name          column name
 * @param type          DuckDB type
 * @param nonNull       number of non-null values
 * @param distinctCount distinct values (DuckDB's approximate count: exact for small tables)
 * @param min           smallest value as text, or {@code null}
 * @param max           largest value as text, or {@code null}
 * @param mean          mean of a numeric column, else {@code null}
 */
public record ColumnSummary(String name, String type, long nonNull, long distinctCount, String min, String max,
                            Double mean) {
}
