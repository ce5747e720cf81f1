package jp.ebpm.workbench.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.ebpm.analysis.survey.CrossTab;

/**
 * The display grid of a cross-table: a header row (category, then each column label with its letter,
 * then total) and one row per row category whose cells read "count (col %) marker letters", then a base
 * row. Also its TSV form for the clipboard (tabs and line breaks inside labels are replaced by spaces so
 * it pastes cleanly into Excel).
 */
public final class CrossTabGrid {

    private CrossTabGrid() {
    }

    /** Header cells. */
    public static List<String> header(CrossTab t, String categoryTitle) {
        List<String> h = new ArrayList<>();
        h.add(categoryTitle);
        for (int j = 0; j < t.cols().size(); j++) {
            h.add(t.cols().get(j).label() + " (" + t.colLetters().get(j) + ")");
        }
        h.add("Total");
        return h;
    }

    /** Body rows, then the base row. */
    public static List<List<String>> rows(CrossTab t, String baseTitle) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            List<String> r = new ArrayList<>();
            r.add(t.rows().get(i).label());
            for (int j = 0; j < t.cols().size(); j++) {
                String mark = (t.markers()[i][j] + " " + t.letters()[i][j]).trim();
                r.add(String.format(Locale.ROOT, "%s (%.1f%%)%s", number(t.table().counts()[i][j]), t.table().colPct()[i][j],
                        mark.isEmpty() ? "" : " " + mark));
            }
            r.add(String.format(Locale.ROOT, "%s (%.1f%%)", number(t.table().rowTotals()[i]),
                    100 * t.table().rowTotals()[i] / t.table().total()));
            out.add(r);
        }
        List<String> base = new ArrayList<>();
        base.add(baseTitle);
        for (double b : t.colBase()) {
            base.add(number(b));
        }
        base.add(number(t.table().total()));
        out.add(base);
        return out;
    }

    /** Tab-separated text of header and rows. */
    public static String tsv(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (List<String> r : rows) {
            line(sb, r);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append('\t');
            }
            sb.append(cells.get(i).replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
        }
        sb.append("\r\n");
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v);
    }
}
