package jp.ebpm.analysis.privacy.guard;

import java.util.List;

/**
 * Every table released (or about to be released) from one private dataset, expressed over <em>atoms</em>:
 * the non-empty cells of the common refinement of all their groupings (e.g. ward ∩ 500 m mesh × date × hour ×
 * resident-or-not). Each table cell is the disjoint union of the atoms it covers, so every additive figure of a
 * cell (pings, trips, dwell minutes, population) is the sum of the same figure over its atoms: the released
 * cells are linear equations over the atoms' unknown values. Atoms that hold no record are not listed (an
 * attacker is assumed to know which combinations are empty).
 *
 * @param atomPersons distinct persons per atom (for additive persons counts such as population: the value)
 * @param additive      whether the persons count itself is additive (population), so that the persons of a union
 *                      of atoms is their sum; otherwise persons are distinct counts and {@code regionPersons}
 *                      counts them
 * @param partitions    one per grouping; the cell index of every atom
 * @param regionPersons distinct persons of unions of atoms (used only when not {@code additive})
 */
public record LinkedCells(long[] atomPersons, boolean additive, List<Partition> partitions, RegionPersons regionPersons) {

    /**
     * One grouping of the linked set: a partition of (part of) the atoms into the grouping's cells.
     *
     * @param grouping    a name for messages
     * @param cellOfAtom  the cell index of every atom, −1 when the grouping does not cover it
     * @param cellKeys    the key {@code row<TAB>col} of every cell (as in {@link ProtectedTable#suppressedKeys()})
     * @param cellPersons the persons of every cell (distinct persons, or the additive persons value); −1 when not
     *                    counted (potential groupings: the audit counts them from the atoms when needed)
     * @param published   whether each cell has been published by an earlier release
     * @param area        the spatial partition (e.g. {@code ward@<layer hash>}, {@code mesh4})
     * @param time        the time partition (e.g. {@code hour})
     * @param subset      the population subset (e.g. {@code all}, {@code residents@<layer hash>})
     * @param userLayer   whether the areas come from a layer the user imported (areas that can be drawn to
     *                    differ from another released area by a sliver)
     * @param potential   a grouping not released but releasable later from the same areas (another time band, the
     *                    1 km mesh of released 500 m meshes, residents and visitors): its small cells are protected
     *                    now, since nothing can hide them once earlier releases determine them; it adds no equations
     */
    public record Partition(String grouping, int[] cellOfAtom, List<String> cellKeys, long[] cellPersons,
                            boolean[] published, String area, String time, String subset, boolean userLayer,
                            boolean potential) {
        public int cells() {
            return cellKeys.size();
        }
    }

    /** Distinct persons of sets of atoms (a person in several atoms counts once). */
    @FunctionalInterface
    public interface RegionPersons {
        /** The distinct persons of each region (sorted atom indices), in order. */
        long[] persons(List<int[]> regions);
    }

    public int atoms() {
        return atomPersons.length;
    }

    /** Two cell indices as one key. */
    public static long pair(int c1, int c2) {
        return (long) c1 << 32 | (c2 & 0xFFFFFFFFL);
    }
}
