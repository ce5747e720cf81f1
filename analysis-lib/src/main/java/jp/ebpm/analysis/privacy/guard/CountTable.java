package jp.ebpm.analysis.privacy.guard;

import java.util.List;

/**
 * A two-way table of counts derived from private data, before disclosure control. Every cell has a
 * number of distinct persons (devices) — the quantity protected by the k threshold — and a further
 * count (pings, trips). Cells absent from {@link #cells()} are zero.
 *
 * @param rowName     header of the row key (e.g. {@code area}, {@code origin})
 * @param colName     header of the column key (e.g. {@code time}, {@code destination})
 * @param countName   header of the further count (e.g. {@code pings}, {@code trips}), or {@code null} when the
 *                    table has only the persons count
 * @param personsName header of the persons count (e.g. {@code devices})
 * @param personsFirst whether the persons column comes before the count column in outputs
 * @param rows        all row keys, in output order
 * @param cols        all column keys, in output order
 * @param cells       the non-zero cells
 */
public record CountTable(String rowName, String colName, String countName, String personsName, boolean personsFirst,
                         List<String> rows, List<String> cols, List<Cell> cells) {

    /** One cell. */
    public record Cell(String row, String col, long count, long persons) {
    }

    public CountTable {
        rows = List.copyOf(rows);
        cols = List.copyOf(cols);
        cells = List.copyOf(cells);
    }

    /** The output header, in column order. */
    public List<String> header() {
        if (countName == null) {
            return List.of(rowName, colName, personsName);
        }
        return personsFirst ? List.of(rowName, colName, personsName, countName) : List.of(rowName, colName, countName, personsName);
    }
}
