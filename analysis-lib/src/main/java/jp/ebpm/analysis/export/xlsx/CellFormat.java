package jp.ebpm.analysis.export.xlsx;

import java.util.Objects;

/**
 * An Excel number format for a table cell.
 *
 * @param pattern the Excel format code, e.g. {@code #,##0} or {@code 0.0%}; {@code General} for text
 * @since 0.1
 */
public record CellFormat(String pattern) {

    /** Text and numbers as they are. */
    public static final CellFormat GENERAL = new CellFormat("General");
    /** Whole numbers with thousands separators: 12,345. */
    public static final CellFormat INTEGER = new CellFormat("#,##0");
    /** One decimal with thousands separators: 12,345.6. */
    public static final CellFormat DECIMAL1 = new CellFormat("#,##0.0");
    /** Two decimals with thousands separators. */
    public static final CellFormat DECIMAL2 = new CellFormat("#,##0.00");
    /** A fraction shown as percent with one decimal: 0.123 → 12.3%. */
    public static final CellFormat PERCENT1 = new CellFormat("0.0%");
    /** A fraction shown as a whole percent. */
    public static final CellFormat PERCENT0 = new CellFormat("0%");

    public CellFormat {
        Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * Thousands separators with a unit appended, e.g. {@code #,##0"件"}; {@code decimals} digits after the point.
     */
    public static CellFormat withUnit(int decimals, String unit) {
        String base = decimals <= 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
        return unit == null || unit.isBlank() ? new CellFormat(base) : new CellFormat(base + "\"" + unit.replace("\"", "") + "\"");
    }

    /** This format with a marker such as ▲ or ▼ shown after the number (the cell stays numeric). */
    public CellFormat withMarker(String marker) {
        if (marker == null || marker.isEmpty()) {
            return this;
        }
        String p = "General".equals(pattern) ? "General" : pattern;
        return new CellFormat(p + "\" " + marker.replace("\"", "") + "\"");
    }
}
