package jp.ebpm.analysis.store;

/**
 * A column of a dataset.
 *
 * @param name the column name exactly as in the source (Japanese names are kept)
 * @param type the DuckDB type name, e.g. {@code BIGINT}, {@code DOUBLE}, {@code VARCHAR}, {@code DATE}
 */
public record ColumnInfo(String name, String type) {
}
