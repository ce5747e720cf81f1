package jp.ebpm.analysis.privacy.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.ebpm.analysis.WorkbenchException;

/**
 * The one disclosure guard every table derived from private data passes before it is shown or exported.
 * <ol>
 *   <li>Primary suppression: a cell with 1 to k−1 distinct persons is suppressed (shown as χ). Cells with
 *       0 persons are published as 0.</li>
 *   <li>Cells suppressed in earlier outputs of the same dataset and grouping are suppressed again, so that
 *       tables cannot be combined (the caller passes that remembered pattern).</li>
 *   <li>Secondary suppression on the full row × column grid ({@link SecondarySuppression}): no suppressed
 *       cell can be recomputed from row or column totals.</li>
 *   <li>Linked releases ({@link LinkedCheck}, e.g. {@link LinkedAudit}): further cells are hidden so that the
 *       table together with every table already released from the same dataset determines no small value;
 *       then secondary suppression runs again (hiding more never undoes the linked protection).</li>
 *   <li>Optional rounding of published counts to the nearest multiple of 5 or 10 (halves up).</li>
 * </ol>
 * k is at least {@value #MIN_K}; the project default is {@value #DEFAULT_K}.
 */
public final class DisclosureGuard {

    /** The smallest k the guard accepts. */
    public static final int MIN_K = 3;
    /** The default k. */
    public static final int DEFAULT_K = 10;

    private final int k;
    private final int roundBase;

    /**
     * @param k         threshold of distinct persons (≥ 3)
     * @param roundBase 1 (no rounding), 5 or 10
     */
    public DisclosureGuard(int k, int roundBase) {
        if (k < MIN_K) {
            throw new IllegalArgumentException("k must be at least " + MIN_K + " (got " + k + ").");
        }
        if (roundBase != 1 && roundBase != 5 && roundBase != 10) {
            throw new IllegalArgumentException("Rounding base must be 5 or 10 (got " + roundBase + ").");
        }
        this.k = k;
        this.roundBase = roundBase;
    }

    public int k() {
        return k;
    }

    public int roundBase() {
        return roundBase;
    }

    /**
     * The check of a table against the other tables released from the same private dataset.
     */
    @FunctionalInterface
    public interface LinkedCheck {
        /** No linked releases: the table stands alone. */
        LinkedCheck NONE = (table, hidden, k) -> Set.of();

        /**
         * @param table  the raw counts
         * @param hidden keys {@code row<TAB>col} the table would hide after primary and secondary suppression
         * @param k      the threshold
         * @return keys of further cells to hide
         */
        Set<String> moreHidden(CountTable table, Set<String> hidden, int k);
    }

    /**
     * Protects a table that stands alone (no linked releases).
     *
     * @param table           the raw counts
     * @param previouslyHidden keys {@code row<TAB>col} suppressed in earlier outputs of the same dataset and grouping
     */
    public ProtectedTable protect(CountTable table, Set<String> previouslyHidden) {
        return protect(table, previouslyHidden, LinkedCheck.NONE);
    }

    /**
     * Protects a table released together with others from the same private dataset.
     *
     * @param table           the raw counts
     * @param previouslyHidden keys {@code row<TAB>col} suppressed in earlier outputs of the same dataset and grouping
     * @param linked          the check against the other releases
     */
    public ProtectedTable protect(CountTable table, Set<String> previouslyHidden, LinkedCheck linked) {
        List<String> rows = table.rows();
        List<String> cols = table.cols();
        Map<String, Integer> ri = index(rows);
        Map<String, Integer> ci = index(cols);
        long[][] persons = new long[rows.size()][cols.size()];
        long[][] counts = new long[rows.size()][cols.size()];
        for (CountTable.Cell c : table.cells()) {
            Integer r = ri.get(c.row());
            Integer col = ci.get(c.col());
            if (r == null || col == null) {
                throw new WorkbenchException("Internal error: a cell lies outside the table's rows or columns.");
            }
            persons[r][col] = c.persons();
            counts[r][col] = c.count();
        }
        boolean[][] primary = new boolean[rows.size()][cols.size()];
        boolean[][] hidden = new boolean[rows.size()][cols.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                primary[r][c] = persons[r][c] > 0 && persons[r][c] < k;
                hidden[r][c] = primary[r][c] || previouslyHidden.contains(rows.get(r) + "\t" + cols.get(c));
            }
        }
        SecondarySuppression.apply(persons, hidden);
        Set<String> hiddenKeys = new LinkedHashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                if (hidden[r][c]) {
                    hiddenKeys.add(rows.get(r) + "\t" + cols.get(c));
                }
            }
        }
        Set<String> more = linked.moreHidden(table, hiddenKeys, k);
        if (!more.isEmpty()) {
            for (String key : more) {
                int tab = key.indexOf('\t');
                Integer r = ri.get(key.substring(0, tab));
                Integer c = ci.get(key.substring(tab + 1));
                if (r == null || c == null) {
                    throw new WorkbenchException("Internal error: the linked check named a cell outside the table.");
                }
                hidden[r][c] = true;
            }
            SecondarySuppression.apply(persons, hidden);
        }
        List<ProtectedTable.Cell> out = new ArrayList<>(rows.size() * cols.size());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                boolean sec = hidden[r][c] && !primary[r][c];
                out.add(hidden[r][c]
                        ? new ProtectedTable.Cell(rows.get(r), cols.get(c), null, null, primary[r][c], sec)
                        : new ProtectedTable.Cell(rows.get(r), cols.get(c), round(counts[r][c]), round(persons[r][c]), false, false));
            }
        }
        return new ProtectedTable(table, k, roundBase, out);
    }

    long round(long v) {
        if (roundBase == 1) {
            return v;
        }
        return Math.floorDiv(v + roundBase / 2, roundBase) * roundBase;
    }

    private static Map<String, Integer> index(List<String> keys) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), i);
        }
        return m;
    }
}
