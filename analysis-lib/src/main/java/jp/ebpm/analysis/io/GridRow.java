package jp.ebpm.analysis.io;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a sheet or CSV file as read: its 1-based row (line) number and its cells, each a
 * {@link String}, a {@link Double} (numeric cell), a {@link java.time.LocalDateTime} (date cell), a
 * {@link Boolean}, a {@link SheetGrid.CellError} or {@code null} (empty). See {@link SheetGrid} for the cell
 * convention and {@link #text} for the one text form of a cell.
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

    /**
     * The one text form of a cell value: {@code ""} for empty; whole numbers without decimals ({@code 12.0} →
     * {@code 12}); dates at midnight as {@code yyyy-MM-dd}, other date-times as ISO {@code yyyy-MM-ddTHH:mm:ss};
     * anything else by its string form, trimmed.
     */
    public static String text(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (o instanceof java.time.LocalDateTime t) {
            return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        }
        return o.toString().trim();
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
