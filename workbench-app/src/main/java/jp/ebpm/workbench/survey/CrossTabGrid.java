package jp.ebpm.workbench.survey;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.ebpm.analysis.stats.Proportions;
import jp.ebpm.analysis.survey.CrossTab;

/**
 * The display grid of a cross-table: a header row (category, then each column label with its letter,
 * then total) and one row per row category whose cells read "first figure (other figures) marker
 * letters" (by default "count (col %) ▲ B"), then the NET rows, the missing-value rows (when asked for)
 * and a base row. Also its TSV form for the clipboard (tabs and line breaks inside labels are replaced by
 * spaces so it pastes cleanly into Excel).
 */
public final class CrossTabGrid {

    /** A figure a category cell can show, in display order. */
    public enum Figure { COUNT, COL_PCT, ROW_PCT, TOTAL_PCT, EXPECTED, RESIDUAL }

    /** Count and column % (the default). */
    public static final Set<Figure> DEFAULT_FIGURES = EnumSet.of(Figure.COUNT, Figure.COL_PCT);

    /** What a grid row is. */
    public enum Kind { TITLE, CATEGORY, NET, MISSING, MEAN, BASE }

    /**
     * One grid row.
     *
     * @param kind what the row is
     * @param index the row's index in its source (row category, NET or missing row), or -1
     * @param cells the cell texts, first the row label
     * @param tips per cell a tooltip text, or "" (same length as cells)
     */
    public record Row(Kind kind, int index, List<String> cells, List<String> tips) {
        public Row {
            cells = List.copyOf(cells);
            tips = tips == null ? List.copyOf(blank(cells.size())) : List.copyOf(tips);
        }
    }

    /** A grid: header and rows. */
    public record Grid(List<String> header, List<Row> rows) {
        public Grid {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }

        /** The cell texts of all rows. */
        public List<List<String>> cells() {
            return rows.stream().map(Row::cells).toList();
        }

        /** The grid as TSV (header first). */
        public String tsv() {
            return CrossTabGrid.tsv(header, cells());
        }
    }

    /**
     * Localized texts of a grid.
     *
     * @param category title of the label column
     * @param base label of the base row
     * @param total title of the total column
     * @param net prefix of NET row labels
     * @param wilson tooltip pattern of a category cell: {0} lower %, {1} upper % of the Wilson 95% interval
     * @param figureNames names of the figures, by {@link Figure} ordinal (shown in the label column title
     *     when other than count and column % are chosen)
     * @param netNames shown names of NET rows by their library label (e.g. Top-2 → 上位2)
     */
    public record Labels(String category, String base, String total, String net, String wilson, List<String> figureNames,
                         java.util.Map<String, String> netNames) {

        /** Labels without translated NET names. */
        public Labels(String category, String base, String total, String net, String wilson, List<String> figureNames) {
            this(category, base, total, net, wilson, figureNames, java.util.Map.of());
        }

        /** The shown name of a NET row (the library's Top-2 / Bottom-2 in the UI language). */
        String netName(String label) {
            return netNames == null ? label : netNames.getOrDefault(label, label);
        }

        /** English texts (the CLI and tests). */
        public static Labels english() {
            return new Labels("Category", "Base n", "Total", "NET: ", "Column %: 95% CI (Wilson) {0}–{1}%",
                    List.of("n", "col %", "row %", "total %", "expected", "adj. residual"));
        }
    }

    private CrossTabGrid() {
    }

    /** Header cells (default figures, English total title). */
    public static List<String> header(CrossTab t, String categoryTitle) {
        Labels en = Labels.english();
        return grid(t, DEFAULT_FIGURES, new Labels(categoryTitle, en.base(), en.total(), en.net(), en.wilson(), en.figureNames()))
                .header();
    }

    /** Body rows, then the base row (default figures). */
    public static List<List<String>> rows(CrossTab t, String baseTitle) {
        Labels en = Labels.english();
        return grid(t, DEFAULT_FIGURES, new Labels(en.category(), baseTitle, en.total(), en.net(), en.wilson(), en.figureNames()))
                .cells();
    }

    /**
     * The grid of a table: category rows with the chosen figures (at least one; none means the default),
     * NET rows (count (col %) letters), missing rows (counts, outside the bases) and the base row.
     */
    public static Grid grid(CrossTab t, Set<Figure> figures, Labels labels) {
        Set<Figure> figs = figures == null || figures.isEmpty() ? DEFAULT_FIGURES : EnumSet.copyOf(figures);
        int nr = t.rows().size();
        int nc = t.cols().size();
        List<String> h = new ArrayList<>();
        if (figs.equals(DEFAULT_FIGURES)) {
            h.add(labels.category());
        } else {
            List<String> names = figs.stream().map(f -> labels.figureNames().get(f.ordinal())).toList();
            h.add(labels.category() + " [" + names.get(0) + (names.size() > 1 ? " (" + String.join(", ", names.subList(1, names.size())) + ")" : "") + "]");
        }
        for (int j = 0; j < nc; j++) {
            h.add(t.cols().get(j).label() + " (" + t.colLetters().get(j) + ")");
        }
        h.add(labels.total());
        double total = t.table().total();
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < nr; i++) {
            List<String> r = new ArrayList<>();
            List<String> tips = new ArrayList<>();
            r.add(t.rows().get(i).label());
            tips.add("");
            for (int j = 0; j < nc; j++) {
                List<String> parts = new ArrayList<>();
                for (Figure f : figs) {
                    parts.add(figure(t, f, i, j));
                }
                String text = parts.get(0) + (parts.size() > 1 ? " (" + String.join(", ", parts.subList(1, parts.size())) + ")" : "");
                r.add(text + mark(t.markers()[i][j], t.letters()[i][j]));
                Proportions.Interval ci = t.wilson()[i][j];
                tips.add(ci == null || Double.isNaN(ci.lower()) ? ""
                        : MessageFormat.format(labels.wilson(), pct1(100 * ci.lower()), pct1(100 * ci.upper())));
            }
            r.add(number(t.table().rowTotals()[i]) + " (" + pct(100 * t.table().rowTotals()[i] / total) + ")");
            tips.add("");
            out.add(new Row(Kind.CATEGORY, i, r, tips));
        }
        for (int k = 0; k < t.nets().size(); k++) {
            CrossTab.NetRow net = t.nets().get(k);
            List<String> r = new ArrayList<>();
            r.add(labels.net() + labels.netName(net.label()));
            double sum = 0;
            for (int j = 0; j < nc; j++) {
                r.add(number(net.counts()[j]) + " (" + pct(net.colPct()[j]) + ")" + mark("", net.letters()[j]));
                sum += net.counts()[j];
            }
            r.add(number(sum) + " (" + pct(100 * sum / total) + ")");
            out.add(new Row(Kind.NET, k, r, null));
        }
        for (int k = 0; k < t.missingRows().size(); k++) {
            CrossTab.MissingRow m = t.missingRows().get(k);
            List<String> r = new ArrayList<>();
            r.add(m.label());
            double sum = 0;
            for (int j = 0; j < nc; j++) {
                r.add(number(m.counts()[j]));
                sum += m.counts()[j];
            }
            r.add(number(sum));
            out.add(new Row(Kind.MISSING, k, r, null));
        }
        List<String> base = new ArrayList<>();
        base.add(labels.base());
        double baseSum = 0;
        for (double b : t.colBase()) {
            base.add(number(b));
            baseSum += b;
        }
        base.add(number(baseSum));
        out.add(new Row(Kind.BASE, -1, base, null));
        return new Grid(h, out);
    }

    private static String figure(CrossTab t, Figure f, int i, int j) {
        return switch (f) {
            case COUNT -> number(t.table().counts()[i][j]);
            case COL_PCT -> pct(t.table().colPct()[i][j]);
            case ROW_PCT -> pct(t.table().rowPct()[i][j]);
            case TOTAL_PCT -> pct(t.table().totalPct()[i][j]);
            case EXPECTED -> Double.isNaN(t.table().expected()[i][j]) ? "-"
                    : String.format(Locale.ROOT, "%,.1f", t.table().expected()[i][j]);
            case RESIDUAL -> Double.isNaN(t.tests().adjustedResiduals()[i][j]) ? "-"
                    : String.format(Locale.ROOT, "%+.2f", t.tests().adjustedResiduals()[i][j]);
        };
    }

    private static String mark(String marker, String letters) {
        String m = ((marker == null ? "" : marker) + " " + (letters == null ? "" : letters)).trim();
        return m.isEmpty() ? "" : " " + m;
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

    static List<String> blank(int n) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add("");
        }
        return l;
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v);
    }

    private static String pct1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
