package jp.ebpm.analysis.privacy.guard;

import java.util.List;
import java.util.Map;

/**
 * Every table released (or about to be released) from one private dataset, expressed over <em>atoms</em>:
 * the non-empty cells of the common refinement of all their groupings (e.g. ward ∩ 500 m mesh × date × hour ×
 * resident-or-not). Each table cell is the disjoint union of the atoms it covers, so every additive figure of a
 * cell (pings, trips, dwell minutes, population) is the sum of the same figure over its atoms: the released
 * cells are linear equations over the atoms' unknown values. Atoms that hold no record are not listed (an
 * attacker is assumed to know which combinations are empty).
 *
 * @param atomPersons distinct persons per atom (for additive persons counts such as population: the value)
 * @param additive    whether the persons count itself is additive (population), so that the persons of a union
 *                    of atoms is their sum; otherwise persons are distinct counts and {@code inside} gives them
 * @param partitions  one per grouping; the cell index of every atom
 * @param inside      persons counts of differences of cells (used only when not {@code additive})
 */
public record LinkedCells(long[] atomPersons, boolean additive, List<Partition> partitions, Inside inside) {

    /**
     * One grouping of the linked set: a partition of (part of) the atoms into the grouping's cells.
     *
     * @param grouping    a name for messages
     * @param cellOfAtom  the cell index of every atom, −1 when the grouping does not cover it
     * @param cellKeys    the key {@code row<TAB>col} of every cell (as in {@link ProtectedTable#suppressedKeys()})
     * @param cellPersons the persons of every cell (distinct persons, or the additive persons value)
     * @param published   whether each cell has been published by an earlier release
     * @param area        the spatial partition (e.g. {@code ward@<layer hash>}, {@code mesh4})
     * @param time        the time partition (e.g. {@code hour})
     * @param subset      the population subset (e.g. {@code all}, {@code residents@<layer hash>})
     * @param userLayer   whether the areas come from a layer the user imported (areas that can be drawn to
     *                    differ from another released area by a sliver)
     */
    public record Partition(String grouping, int[] cellOfAtom, List<String> cellKeys, long[] cellPersons,
                            boolean[] published, String area, String time, String subset, boolean userLayer) {
        public int cells() {
            return cellKeys.size();
        }
    }

    /** Distinct persons in differences of cells of two groupings. */
    @FunctionalInterface
    public interface Inside {
        /**
         * For grouping {@code p1} and grouping {@code p2}: the number of persons of cell {@code c1} of {@code p1}
         * all of whose records in {@code c1} lie in cell {@code c2} of {@code p2}, keyed {@code (long) c1 << 32 | c2};
         * absent pairs are 0. The persons of the difference {@code c1 − c2} are then
         * {@code cellPersons(c1) − count}.
         */
        Map<Long, Long> counts(int p1, int p2);
    }

    public int atoms() {
        return atomPersons.length;
    }

    /** Key of a cell pair in {@link Inside#counts}. */
    public static long pair(int c1, int c2) {
        return (long) c1 << 32 | (c2 & 0xFFFFFFFFL);
    }
}
