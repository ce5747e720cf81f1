package jp.ebpm.analysis.export.xlsx;

/**
 * A three-colour scale on a numeric table column, with explicit numeric thresholds and colours (an empty
 * colour scale is drawn black by LibreOffice, tech-probe §5).
 *
 * @param column 0-based column of the table
 * @param low    value of the low threshold
 * @param mid    value of the middle threshold
 * @param high   value of the high threshold
 * @param lowRgb colour at {@code low} ({@code RRGGBB})
 * @param midRgb colour at {@code mid}
 * @param highRgb colour at {@code high}
 * @since 0.1
 */
public record ColorScale(int column, double low, double mid, double high, String lowRgb, String midRgb, String highRgb) {
}
