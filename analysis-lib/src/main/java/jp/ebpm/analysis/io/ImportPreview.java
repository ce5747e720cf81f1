package jp.ebpm.analysis.io;

import java.util.List;

import jp.ebpm.analysis.store.ColumnInfo;

/**
 * What an import would produce, shown before importing: detected settings, inferred columns and the
 * first rows (at most 100) as text.
 *
 * @param format    {@code csv}, {@code xlsx}, {@code xls}, {@code parquet}, ...
 * @param encoding  detected or chosen encoding (text files), else {@code null}
 * @param delimiter detected or chosen delimiter (text files), else {@code null}
 * @param header    whether the first row is a header
 * @param sheets    sheet names (Excel), else empty
 * @param skipRows  rows skipped above the header
 * @param columns   inferred columns
 * @param rows      first rows as text, each as long as {@code columns}
 * @param warnings  things the user should know, in plain words
 */
public record ImportPreview(String format, String encoding, Character delimiter, boolean header, List<String> sheets,
                            int skipRows, List<ColumnInfo> columns, List<List<String>> rows, List<String> warnings) {

    public ImportPreview {
        sheets = List.copyOf(sheets);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }
}
