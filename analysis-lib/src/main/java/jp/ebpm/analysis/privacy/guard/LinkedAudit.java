package jp.ebpm.analysis.privacy.guard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Decides which cells of a new table must be hidden so that, together with every table already released from
 * the same private dataset ({@link LinkedCells}), no small value becomes known. A released cell is an equation
 * "sum of its atoms = published value"; an additive figure of a set of atoms is <em>determined</em> iff the
 * set's indicator vector lies in the row space of those equations (decided exactly by {@link EchelonBasis}).
 *
 * <p>The protected regions (cells, atoms and differences with 1 to k−1 persons) and the pair rules for
 * distinct-person counts are collected by {@link LinkedRegions}. None of the regions may be determined by the
 * published cells after the new table is added, unless it already was before (such a "legacy" determination is
 * counted, not fixable by this table).
 *
 * <p>Algorithm: regions containing an atom that no published equation touches are free and skipped; atoms are
 * grouped into connected components of the equations and only components holding a region are eliminated. The
 * earlier releases are eliminated first (legacy check), then all new cells are added at once; if a region became
 * determined, the new cells are added again one by one, largest persons first, and a cell whose equation would
 * determine a region is hidden instead (incremental update of the regions' reduced vectors). Hiding more cells
 * only removes equations, so the result stays safe under any further suppression (e.g. secondary suppression).
 */
public final class LinkedAudit {

    private LinkedAudit() {
    }

    /**
     * The decision and what it took.
     *
     * @param hide       cells of the new table to hide (indices into its partition)
     * @param regions    protected regions checked (after removing free ones)
     * @param legacy     regions already determined by earlier releases alone (cannot be repaired by this table)
     * @param violated   regions the new table would have determined
     * @param pairRules  cells hidden by the distinct-count pair rules
     * @param rank       rank of the published equations after the release
     * @param atoms      atoms of the linked set
     */
    public record Outcome(Set<Integer> hide, int regions, int legacy, int violated, int pairRules, int rank, int atoms) {
    }

    /**
     * Runs the audit.
     *
     * @param set       the linked set, including the new table's grouping
     * @param target    index of the new table's partition
     * @param candidate for each cell of the new table, whether it would be published (before this audit)
     * @param k         the threshold
     * @throws WorkbenchException if the exact arithmetic would overflow 64-bit integers (the table is then refused)
     */
    public static Outcome run(LinkedCells set, int target, boolean[] candidate, int k) {
        try {
            return new Run(new LinkedRegions(set, target, candidate, k)).run();
        } catch (ArithmeticException e) {
            throw new WorkbenchException("Refused: the check against the tables already released from this dataset"
                    + " met numbers too large to compute exactly. Choose a coarser grouping.", e);
        }
    }

    private static final class Run {
        private final LinkedRegions in;
        private final LinkedCells set;
        private final LinkedCells.Partition t;
        private final int target;
        private final int[][][] members;
        private final Set<Integer> hide = new TreeSet<>();

        Run(LinkedRegions in) {
            this.in = in;
            this.set = in.set;
            this.t = in.t;
            this.target = in.target;
            this.members = in.members;
        }

        Outcome run() {
            List<int[]> oldRows = new ArrayList<>();
            for (int p = 0; p < in.ps.size(); p++) {
                for (int c = 0; c < in.ps.get(p).cells(); c++) {
                    if (in.ps.get(p).published()[c] && members[p][c].length > 0) {
                        oldRows.add(members[p][c]);
                    }
                }
            }
            List<Integer> fresh = new ArrayList<>();
            for (int c = 0; c < t.cells(); c++) {
                if (in.candidate[c] && !t.published()[c] && members[target][c].length > 0) {
                    fresh.add(c);
                }
            }
            LinkedRegions found = in.collect();
            hide.addAll(found.hide);
            fresh.removeIf(hide::contains);

            int n = set.atoms();
            boolean[] covered = new boolean[n];
            UnionFind uf = new UnionFind(n);
            for (int[] r : oldRows) {
                join(r, covered, uf);
            }
            for (int c : fresh) {
                join(members[target][c], covered, uf);
            }
            boolean[] active = new boolean[n];
            List<LinkedRegions.Region> live = new ArrayList<>();
            for (LinkedRegions.Region r : found.candidates()) {
                if (Arrays.stream(r.atoms()).allMatch(a -> covered[a])) {
                    live.add(r);
                    for (int a : r.atoms()) {
                        active[uf.find(a)] = true;
                    }
                }
            }
            EchelonBasis before = new EchelonBasis(n);
            for (int[] r : oldRows) {
                if (active[uf.find(r[0])]) {
                    before.add(SparseRow.ones(r));
                }
            }
            EchelonBasis all = before.overlay();
            for (int c : fresh) {
                if (active[uf.find(members[target][c][0])]) {
                    all.add(SparseRow.ones(members[target][c]));
                }
            }
            // most regions are not determined at all; only the determined ones are counted and reduced in full
            List<LinkedRegions.Region> determined = new ArrayList<>();
            for (LinkedRegions.Region r : live) {
                if (all.contains(SparseRow.ones(r.atoms()))) {
                    determined.add(r);
                }
            }
            found.count(determined);
            int legacy = 0;
            List<SparseRow> violated = new ArrayList<>();
            for (LinkedRegions.Region r : determined) {
                if (!found.small(r)) {
                    continue;
                }
                SparseRow residual = before.reduce(SparseRow.ones(r.atoms()));
                if (residual.isZero()) {
                    legacy++;
                } else {
                    violated.add(residual);
                }
            }
            int rank = all.rank();
            if (!violated.isEmpty()) {
                rank = greedy(before, fresh, violated, active, uf);
            }
            return new Outcome(hide, live.size(), legacy, violated.size(), found.pairRules, rank, n);
        }

        /** Adds the new cells one by one, largest persons first, hiding each whose equation would determine a region. */
        private int greedy(EchelonBasis before, List<Integer> fresh, List<SparseRow> violated, boolean[] active, UnionFind uf) {
            EchelonBasis b = before.overlay();
            List<SparseRow> res = new ArrayList<>(violated);
            List<Integer> order = new ArrayList<>(fresh);
            order.sort(Comparator.comparingLong((Integer c) -> -t.cellPersons()[c]).thenComparing(c -> c));
            for (int c : order) {
                if (!active[uf.find(members[target][c][0])]) {
                    continue;
                }
                SparseRow row = b.reduce(SparseRow.ones(members[target][c]));
                if (row.isZero()) {
                    continue;
                }
                int lead = row.lead();
                long lv = row.val[0];
                List<SparseRow> next = new ArrayList<>(res.size());
                boolean determines = false;
                for (SparseRow x : res) {
                    long xv = x.at(lead);
                    SparseRow y = xv == 0 ? x : x.combine(lv, xv, row);
                    if (y.isZero()) {
                        determines = true;
                        break;
                    }
                    next.add(y);
                }
                if (determines) {
                    hide.add(c);
                } else {
                    b.put(row);
                    res = next;
                }
            }
            return b.rank();
        }
    }

    /** The sorted atoms of every cell of a partition. */
    static int[][] members(LinkedCells.Partition p, int atoms) {
        int[] count = new int[p.cells()];
        for (int a = 0; a < atoms; a++) {
            int c = p.cellOfAtom()[a];
            if (c >= 0) {
                count[c]++;
            }
        }
        int[][] out = new int[p.cells()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = new int[count[c]];
        }
        int[] fill = new int[p.cells()];
        for (int a = 0; a < atoms; a++) {
            int c = p.cellOfAtom()[a];
            if (c >= 0) {
                out[c][fill[c]++] = a;
            }
        }
        return out;
    }

    private static void join(int[] row, boolean[] covered, UnionFind uf) {
        for (int a : row) {
            covered[a] = true;
            uf.union(row[0], a);
        }
    }

    /** Disjoint sets with path halving and union by size. */
    private static final class UnionFind {
        private final int[] parent;
        private final int[] size;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (size[ra] < size[rb]) {
                int tmp = ra;
                ra = rb;
                rb = tmp;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
        }
    }
}
