package jp.ebpm.analysis.io;

import java.util.Map;

import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Sensitivity;

/**
 * How to import a file. Every field may be left {@code null} (or empty) to let the importer detect it.
 *
 * @param name          target dataset name; {@code null} = the file name without extension
 * @param encoding      {@code auto} or {@code null} to detect; else {@code utf-8}, {@code cp932} (Windows-31J,
 *                      also for "shift_jis"/"sjis"), {@code euc-jp}
 * @param delimiter     field delimiter; {@code null} to detect
 * @param header        whether the first row is a header; {@code null} to detect
 * @param sheet         Excel sheet name or 1-based index as text; {@code null} = the first sheet
 * @param skipRows      rows (lines) to skip above the header (title rows); {@code null} = detect (Excel and CSV:
 *                      leading lines with fewer fields than the table are titles)
 * @param headerRows    number of header rows to combine into column names; {@code null} = detect (1, or for
 *                      statistics tables the rows down to the first one holding numbers, or 2 in Excel when a
 *                      merged heading spans several columns)
 * @param statistics    read statistics-table symbols (χ, X, -, …, *) as missing values with a flag column
 * @param columnTypes   overrides of inferred column types, by column name (DuckDB type names)
 * @param kind          catalog kind; {@code null} = TABLE (or STATISTICS when {@code statistics})
 * @param sensitivity   catalog sensitivity; {@code null} = INTERNAL
 * @param license       license / attribution text
 * @param description   free text
 */
public record ImportOptions(String name, String encoding, Character delimiter, Boolean header, String sheet,
                            Integer skipRows, Integer headerRows, boolean statistics,
                            Map<String, String> columnTypes, DatasetKind kind, Sensitivity sensitivity,
                            String license, String description) {

    public ImportOptions {
        columnTypes = columnTypes == null ? Map.of() : Map.copyOf(columnTypes);
    }

    /** All defaults: detect everything. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, null, null, null, null, false, Map.of(), null, null, null, null);
    }

    public ImportOptions withName(String v) {
        return new ImportOptions(v, encoding, delimiter, header, sheet, skipRows, headerRows, statistics, columnTypes, kind, sensitivity, license, description);
    }

    public ImportOptions withEncoding(String v) {
        return new ImportOptions(name, v, delimiter, header, sheet, skipRows, headerRows, statistics, columnTypes, kind, sensitivity, license, description);
    }

    public ImportOptions withDelimiter(Character v) {
        return new ImportOptions(name, encoding, v, header, sheet, skipRows, headerRows, statistics, columnTypes, kind, sensitivity, license, description);
    }

    public ImportOptions withHeader(Boolean v) {
        return new ImportOptions(name, encoding, delimiter, v, sheet, skipRows, headerRows, statistics, columnTypes, kind, sensitivity, license, description);
    }

    public ImportOptions withSheet(String v) {
        return new ImportOptions(name, encoding, delimiter, header, v, skipRows, headerRows, statistics, columnTypes, kind, sensitivity, license, description);
    }

    public ImportOptions withSkipRows(Integer v) {
        return new ImportOptions(name, encoding, delimiter, header, sheet, v, headerRows, statistics, columnTypes, kind, sensitivity, license, description);
    }

    public ImportOptions withHeaderRows(Integer v) {
        return new ImportOptions(name, encoding, delimiter, header, sheet, skipRows, v, statistics, columnTypes, kind, sensitivity, license, description);
    }

    public ImportOptions withStatistics(boolean v) {
        return new ImportOptions(name, encoding, delimiter, header, sheet, skipRows, headerRows, v, columnTypes, kind, sensitivity, license, description);
    }

    public ImportOptions withColumnTypes(Map<String, String> v) {
        return new ImportOptions(name, encoding, delimiter, header, sheet, skipRows, headerRows, statistics, v, kind, sensitivity, license, description);
    }

    public ImportOptions withKind(DatasetKind v) {
        return new ImportOptions(name, encoding, delimiter, header, sheet, skipRows, headerRows, statistics, columnTypes, v, sensitivity, license, description);
    }

    public ImportOptions withSensitivity(Sensitivity v) {
        return new ImportOptions(name, encoding, delimiter, header, sheet, skipRows, headerRows, statistics, columnTypes, kind, v, license, description);
    }

    public ImportOptions withLicense(String v) {
        return new ImportOptions(name, encoding, delimiter, header, sheet, skipRows, headerRows, statistics, columnTypes, kind, sensitivity, v, description);
    }

    public ImportOptions withDescription(String v) {
        return new ImportOptions(name, encoding, delimiter, header, sheet, skipRows, headerRows, statistics, columnTypes, kind, sensitivity, license, v);
    }
}
