package jp.ebpm.analysis.export.xlsx;

import java.util.List;
import java.util.Objects;

/**
 * A neutral table model for report sheets (cross-tabs, KPI summaries, query results): one or more header
 * rows (repeated on every printed page), typed body cells, notes (base n, significance legend, disclosure
 * notes) and provenance.
 *
 * @param title        shown above the table; also the sheet name (shortened to Excel's 31 characters)
 * @param headerRows   header rows, each as wide as the body
 * @param rows         body rows
 * @param notes        notes written under the table
 * @param provenance   where the table comes from
 * @param highlights   conditional formatting by text
 * @param colorScales  colour scales
 * @param columnWidths column widths in characters (empty: automatic from the content)
 * @since 0.1
 */
public record ReportTable(String title, List<List<String>> headerRows, List<List<TableCell>> rows,
                          List<String> notes, Provenance provenance, List<Highlight> highlights,
                          List<ColorScale> colorScales, List<Integer> columnWidths) {

    public ReportTable {
        Objects.requireNonNull(title, "title");
        headerRows = List.copyOf(headerRows);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes == null ? List.of() : notes);
        highlights = List.copyOf(highlights == null ? List.of() : highlights);
        colorScales = List.copyOf(colorScales == null ? List.of() : colorScales);
        columnWidths = List.copyOf(columnWidths == null ? List.of() : columnWidths);
    }

    /** A simple table without highlights. */
    public static ReportTable of(String title, List<String> header, List<List<TableCell>> rows, List<String> notes,
                                 Provenance provenance) {
        return new ReportTable(title, List.of(header), rows, notes, provenance, List.of(), List.of(), List.of());
    }

    /** The number of columns (the widest header or body row). */
    public int columnCount() {
        int n = 0;
        for (List<String> h : headerRows) {
            n = Math.max(n, h.size());
        }
        for (List<TableCell> r : rows) {
            n = Math.max(n, r.size());
        }
        return n;
    }
}
