package jp.ebpm.analysis.export.xlsx;

/**
 * A typed cell of a {@link ReportTable}: text, or a number with a format and an optional marker (▲/▼ for
 * significantly higher/lower cells, written after the number so the cell stays numeric).
 *
 * @param value  a {@link String}, a {@link Number}, a {@link Boolean} or {@code null}
 * @param format the number format (ignored for text)
 * @param marker ▲, ▼ or empty
 * @since 0.1
 */
public record TableCell(Object value, CellFormat format, String marker) {

    public TableCell {
        format = format == null ? CellFormat.GENERAL : format;
        marker = marker == null ? "" : marker;
    }

    /** A text cell. */
    public static TableCell text(String s) {
        return new TableCell(s, CellFormat.GENERAL, "");
    }

    /** A number cell. */
    public static TableCell number(Number n, CellFormat format) {
        return new TableCell(n, format, "");
    }

    /** A count with thousands separators. */
    public static TableCell count(long n) {
        return new TableCell(n, CellFormat.INTEGER, "");
    }

    /** A fraction shown as percent with one decimal (0.123 → 12.3%). */
    public static TableCell percent(Double fraction) {
        return new TableCell(fraction, CellFormat.PERCENT1, "");
    }

    /** An empty cell. */
    public static TableCell empty() {
        return new TableCell(null, CellFormat.GENERAL, "");
    }

    /** This cell with a marker. */
    public TableCell withMarker(String m) {
        return new TableCell(value, format, m);
    }
}
