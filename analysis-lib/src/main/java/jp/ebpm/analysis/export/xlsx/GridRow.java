package jp.ebpm.analysis.export.xlsx;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a sheet or CSV file as read: its 1-based row (line) number and its cells, each a
 * {@link String}, a {@link Double} (numeric cell), a {@link Boolean} or {@code null} (empty).
 *
 * @param number 1-based row number in the file (spreadsheet row or CSV line)
 * @param cells  the cell values, left to right
 * @since 0.1
 */
public record GridRow(long number, List<Object> cells) {

    public GridRow {
        cells = java.util.Collections.unmodifiableList(new ArrayList<>(cells));
    }

    /** The cell at a 0-based column, or {@code null} beyond the end. */
    public Object cell(int column) {
        return column < cells.size() ? cells.get(column) : null;
    }

    /** Whether every cell is empty or blank text. */
    public boolean isBlank() {
        for (Object o : cells) {
            if (o != null && !(o instanceof String s && s.isBlank())) {
                return false;
            }
        }
        return true;
    }
}
