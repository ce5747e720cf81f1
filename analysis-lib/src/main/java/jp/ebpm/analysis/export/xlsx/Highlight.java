package jp.ebpm.analysis.export.xlsx;

/**
 * A conditional-formatting rule of a table column: cells whose text equals {@code text} get the fill and
 * font colours (explicit RGB, so LibreOffice renders them too).
 *
 * @param column  0-based column of the table
 * @param text    the cell text that triggers the rule
 * @param fillRgb fill colour as {@code RRGGBB}
 * @param fontRgb font colour as {@code RRGGBB}
 * @since 0.1
 */
public record Highlight(int column, String text, String fillRgb, String fontRgb) {
}
