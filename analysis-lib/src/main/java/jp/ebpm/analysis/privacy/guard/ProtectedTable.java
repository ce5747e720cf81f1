package jp.ebpm.analysis.privacy.guard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A table that passed the {@link DisclosureGuard}: the only form in which private-derived results may
 * be shown, charted, mapped, copied or exported. Suppressed cells carry no numbers.
 *
 * @param source     the table before protection (not to be shown; kept for the audit of what was done)
 * @param k          the threshold used
 * @param roundBase  rounding base (1 = none)
 * @param cells      every cell of the full grid, rows then columns in table order
 */
public record ProtectedTable(CountTable source, int k, int roundBase, List<Cell> cells) {

    /** The suppression symbol of Japanese official statistics. */
    public static final String SUPPRESSED = "χ";

    /**
     * One output cell.
     *
     * @param count     the published count (rounded), or null when suppressed
     * @param persons   the published persons (rounded), or null when suppressed
     * @param primary   suppressed because persons were between 1 and k−1
     * @param secondary suppressed to protect another cell
     */
    public record Cell(String row, String col, Long count, Long persons, boolean primary, boolean secondary) {
        public boolean suppressed() {
            return primary || secondary;
        }
    }

    /** The header (column names) in output order. */
    public List<String> header() {
        return source.header();
    }

    /** Output rows as text, suppressed values as {@value #SUPPRESSED}. */
    public List<List<String>> textRows() {
        List<List<String>> out = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            String count = c.count() == null ? SUPPRESSED : Long.toString(c.count());
            String persons = c.persons() == null ? SUPPRESSED : Long.toString(c.persons());
            if (source.countName() == null) {
                out.add(List.of(c.row(), c.col(), persons));
                continue;
            }
            out.add(source.personsFirst() ? List.of(c.row(), c.col(), persons, count) : List.of(c.row(), c.col(), count, persons));
        }
        return out;
    }

    /** Keys {@code row<TAB>col} of the suppressed cells. */
    public Set<String> suppressedKeys() {
        Set<String> s = new LinkedHashSet<>();
        for (Cell c : cells) {
            if (c.suppressed()) {
                s.add(c.row() + "\t" + c.col());
            }
        }
        return s;
    }

    public long primaryCount() {
        return cells.stream().filter(Cell::primary).count();
    }

    public long secondaryCount() {
        return cells.stream().filter(c -> c.secondary() && !c.primary()).count();
    }
}
