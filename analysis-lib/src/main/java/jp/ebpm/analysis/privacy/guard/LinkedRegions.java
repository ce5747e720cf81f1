package jp.ebpm.analysis.privacy.guard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The protected regions of a release and the pair rules for distinct counts ({@link LinkedAudit}).
 *
 * <p>Regions (sets of atoms) whose additive figures must not be determined, when they hold 1 to k−1 persons:
 * every unpublished cell of a released or potential grouping ({@link LinkedCells.Partition#potential()}); every
 * atom; and, between the new table T and every other grouping Q, the differences
 * that two partitions give by subtraction, for each cell c of either table:
 * <ul>
 *   <li>c minus the cells of the other table lying inside c (a ward minus the meshes inside it; all devices minus
 *       residents);</li>
 *   <li>the cells of the other table that meet c, minus the cells of c's own table lying inside their union (the
 *       1 km meshes around a user area minus the area; all devices of a ward's small areas minus the ward's
 *       residents).</li>
 * </ul>
 * Persons of a region are bounded by its atoms (at least the largest, at most the sum) and counted exactly
 * ({@link LinkedCells.RegionPersons}) only when the bounds straddle k.
 *
 * <p>Pair rules, for cells of T published by this release against published cells of Q: hide the T cell when
 * one cell lies inside the other and either the difference region holds 1 to k−1 persons or, for distinct
 * counts, their persons counts differ by 1 to k−1; and, when T or Q is a user-imported layer with the same time
 * partition and population, when the two cells overlap and either side of the overlap holds 1 to k−1 persons.
 */
final class LinkedRegions {

    final LinkedCells set;
    final List<LinkedCells.Partition> ps;
    final int target;
    final LinkedCells.Partition t;
    final boolean[] candidate;
    final int k;
    /** The sorted atoms of every cell of every partition. */
    final int[][][] members;

    /** Every region met, with its persons (null: not counted yet, the bounds left it open). */
    private final Map<Region, Long> persons = new LinkedHashMap<>();
    /** Cells (of pair rules) whose persons are counted. */
    private final Map<Region, Long> counted = new HashMap<>();
    private final List<int[]> nestedShown = new ArrayList<>();
    private final List<Region> nestedRegion = new ArrayList<>();
    private final List<Region[]> overlapShown = new ArrayList<>();
    private final List<int[]> overlapCells = new ArrayList<>();

    final Set<Integer> hide = new TreeSet<>();
    int pairRules;

    LinkedRegions(LinkedCells set, int target, boolean[] candidate, int k) {
        this.set = set;
        this.ps = set.partitions();
        this.target = target;
        this.t = ps.get(target);
        this.candidate = candidate;
        this.k = k;
        this.members = new int[ps.size()][][];
        for (int p = 0; p < ps.size(); p++) {
            members[p] = LinkedAudit.members(ps.get(p), set.atoms());
        }
    }

    /** Collects every region and applies the pair rules (counting the persons they need). */
    LinkedRegions collect() {
        for (int p = 0; p < ps.size(); p++) {
            LinkedCells.Partition part = ps.get(p);
            for (int c = 0; c < part.cells(); c++) {
                boolean shown = part.published()[c] || p == target && candidate[c];
                if (shown) {
                    continue;
                }
                if (part.cellPersons()[c] < 0) {
                    candidateRegion(members[p][c]);
                } else if (small(part.cellPersons()[c])) {
                    persons.putIfAbsent(new Region(members[p][c]), part.cellPersons()[c]);
                }
            }
        }
        long[] ap = set.atomPersons();
        for (int a = 0; a < ap.length; a++) {
            if (small(ap[a])) {
                persons.putIfAbsent(new Region(new int[] {a}), ap[a]);
            }
        }
        for (int q = 0; q < ps.size(); q++) {
            if (q != target && !ps.get(q).potential()) {
                differences(target, q);
                differences(q, target);
                pairs(q);
            }
        }
        List<Region> needed = new ArrayList<>(nestedRegion);
        overlapShown.forEach(sides -> needed.addAll(Arrays.asList(sides)));
        if (!set.additive()) {
            for (int[] n : nestedShown) {
                needed.add(cellRegion(n[0], n[1]));
                needed.add(cellRegion(n[2], n[3]));
            }
        }
        count(needed);
        for (int i = 0; i < nestedShown.size(); i++) {
            // {big partition, big cell, small partition, small cell, new cell}
            int[] n = nestedShown.get(i);
            long diff = personsOf(nestedRegion.get(i));
            long shownDiff = set.additive() ? diff : cellPersons(n[0], n[1]) - cellPersons(n[2], n[3]);
            if (small(diff) || !set.additive() && small(shownDiff)) {
                hideByRule(n[4]);
            }
        }
        for (int i = 0; i < overlapShown.size(); i++) {
            Region[] sides = overlapShown.get(i);
            if (small(personsOf(sides[0])) || small(personsOf(sides[1]))) {
                hideByRule(overlapCells.get(i)[0]);
            }
        }
        return this;
    }

    /** The regions that hold, or may hold, 1 to k−1 persons (the others are known to be safe). */
    List<Region> candidates() {
        List<Region> out = new ArrayList<>();
        persons.forEach((r, n) -> {
            if (n == null || small(n)) {
                out.add(r);
            }
        });
        return out;
    }

    /** Counts the persons of the regions (and cells) not counted yet, in one query. */
    void count(List<Region> regions) {
        List<Region> ask = new ArrayList<>();
        Set<Region> asked = new HashSet<>();
        for (Region r : regions) {
            if (r == null) {
                continue;
            }
            if (counted.containsKey(r) && counted.get(r) == null && persons.get(r) != null) {
                counted.put(r, persons.get(r));
            }
            boolean open = persons.containsKey(r) && persons.get(r) == null || counted.containsKey(r) && counted.get(r) == null;
            if (open && asked.add(r)) {
                ask.add(r);
            }
        }
        if (ask.isEmpty()) {
            return;
        }
        long[] n = set.regionPersons().persons(ask.stream().map(Region::atoms).toList());
        for (int i = 0; i < n.length; i++) {
            Region r = ask.get(i);
            if (persons.containsKey(r)) {
                persons.put(r, n[i]);
            }
            if (counted.containsKey(r)) {
                counted.put(r, n[i]);
            }
        }
    }

    /** A cell whose persons are not known yet, to be counted with {@link #count} (null when they are known). */
    private Region cellRegion(int p, int c) {
        if (ps.get(p).cellPersons()[c] >= 0) {
            return null;
        }
        Region r = new Region(members[p][c]);
        counted.putIfAbsent(r, null);
        return r;
    }

    /** The exact persons of a cell (after {@link #count}). */
    private long cellPersons(int p, int c) {
        long known = ps.get(p).cellPersons()[c];
        return known >= 0 ? known : counted.get(new Region(members[p][c]));
    }

    /** Whether a counted region holds 1 to k−1 persons. */
    boolean small(Region r) {
        return small(personsOf(r));
    }

    private void hideByRule(int c) {
        if (hide.add(c)) {
            pairRules++;
        }
    }

    private boolean small(long n) {
        return n >= 1 && n < k;
    }

    private boolean fresh(int c) {
        return candidate[c] && !t.published()[c];
    }

    /**
     * The subtraction regions of partition a against partition b: for each cell of a, the cell minus the cells
     * of b inside it, and the cells of b meeting it minus the cells of a inside their union. A region holding an
     * atom of k or more persons cannot be small and is dropped while it is scanned, before it is built.
     */
    private void differences(int a, int b) {
        LinkedCells.Partition pa = ps.get(a);
        LinkedCells.Partition pb = ps.get(b);
        int[] ofA = pa.cellOfAtom();
        int[] ofB = pb.cellOfAtom();
        long[] ap = set.atomPersons();
        int[] insideA = containing(pb, pa, pb.cells()); // the a-cell holding each b-cell, or −1
        for (int c = 0; c < pa.cells(); c++) {
            int[] own = members[a][c];
            int rest = 0;
            long max = 0;
            for (int x : own) {
                if (ofB[x] < 0 || insideA[ofB[x]] != c) {
                    rest++;
                    max = Math.max(max, ap[x]);
                }
            }
            if (rest > 0 && rest < own.length && max < k) {
                int cell = c;
                candidateRegion(Arrays.stream(own).filter(x -> ofB[x] < 0 || insideA[ofB[x]] != cell).toArray());
            }
        }
        int[] stampB = new int[pb.cells()];
        int[] stampA = new int[pa.cells()];
        int[] countA = new int[pa.cells()];
        Set<String> done = new HashSet<>();
        int gen = 0;
        for (int c = 0; c < pa.cells(); c++) {
            gen++;
            List<Integer> meet = new ArrayList<>();
            for (int x : members[a][c]) {
                int cb = ofB[x];
                if (cb >= 0 && stampB[cb] != gen) {
                    stampB[cb] = gen;
                    meet.add(cb);
                }
            }
            if (meet.isEmpty()) {
                continue;
            }
            meet.sort(null);
            if (!done.add(meet.toString())) {
                continue; // the same union as for an earlier cell
            }
            int size = 0;
            for (int cb : meet) {
                for (int x : members[b][cb]) {
                    size++;
                    int ca = ofA[x];
                    if (ca >= 0) {
                        if (stampA[ca] != gen) {
                            stampA[ca] = gen;
                            countA[ca] = 0;
                        }
                        countA[ca]++;
                    }
                }
            }
            int diff = 0;
            boolean big = false;
            for (int i = 0; i < meet.size() && !big; i++) {
                for (int x : members[b][meet.get(i)]) {
                    int ca = ofA[x];
                    if (ca < 0 || countA[ca] != members[a][ca].length) {
                        diff++;
                        if (ap[x] >= k) {
                            big = true;
                            break;
                        }
                    }
                }
            }
            if (big || diff == 0 || diff == size) {
                continue;
            }
            int[] region = new int[diff];
            int n = 0;
            for (int cb : meet) {
                for (int x : members[b][cb]) {
                    int ca = ofA[x];
                    if (ca < 0 || countA[ca] != members[a][ca].length) {
                        region[n++] = x;
                    }
                }
            }
            Arrays.sort(region);
            candidateRegion(region);
        }
    }

    /** Nested and overlapping cells of the new table and q that are both published: the pair rules. */
    private void pairs(int q) {
        LinkedCells.Partition qp = ps.get(q);
        int[] sup = containing(t, qp, t.cells());
        int[] sub = containing(qp, t, qp.cells());
        for (int c = 0; c < t.cells(); c++) {
            int cq = sup[c];
            if (cq >= 0 && fresh(c) && qp.published()[cq] && members[q][cq].length > members[target][c].length) {
                nestedRegion.add(differenceRegion(members[q][cq], t, c));
                nestedShown.add(new int[] {q, cq, target, c, c});
            }
        }
        for (int cq = 0; cq < qp.cells(); cq++) {
            int c = sub[cq];
            if (c >= 0 && fresh(c) && qp.published()[cq] && members[target][c].length > members[q][cq].length) {
                nestedRegion.add(differenceRegion(members[target][c], qp, cq));
                nestedShown.add(new int[] {target, c, q, cq, c});
            }
        }
        boolean overlapRule = (t.userLayer() || qp.userLayer()) && t.time().equals(qp.time())
                && t.subset().equals(qp.subset()) && !t.area().equals(qp.area());
        if (!overlapRule) {
            return;
        }
        Set<Long> overlaps = new LinkedHashSet<>();
        for (int a = 0; a < set.atoms(); a++) {
            int c = t.cellOfAtom()[a];
            int cq = qp.cellOfAtom()[a];
            if (c >= 0 && cq >= 0 && qp.published()[cq] && fresh(c)) {
                overlaps.add(LinkedCells.pair(c, cq));
            }
        }
        for (long pr : overlaps) {
            int c = (int) (pr >>> 32);
            int cq = (int) pr;
            Region one = differenceRegion(members[target][c], qp, cq);
            Region two = differenceRegion(members[q][cq], t, c);
            overlapShown.add(new Region[] {one, two});
            overlapCells.add(new int[] {c, cq});
        }
    }

    /**
     * The region {@code big − small} registered for counting, or null when it holds an atom of k or more persons
     * (then it is not small and is not built).
     */
    private Region differenceRegion(int[] big, LinkedCells.Partition smallP, int small) {
        int[] of = smallP.cellOfAtom();
        for (int a : big) {
            if (of[a] != small && set.atomPersons()[a] >= k) {
                return null;
            }
        }
        int[] diff = difference(big, smallP, small);
        return diff.length == 0 ? null : candidateRegion(diff);
    }

    /** The persons of a counted region (k when it was not built because it holds a large atom). */
    private long personsOf(Region r) {
        return r == null ? k : persons.get(r);
    }

    /**
     * Registers a region whose persons are needed; bounds decide when they can. Returns null, without registering
     * it, when an atom alone has k or more persons (then the region cannot be small).
     */
    private Region candidateRegion(int[] atoms) {
        long sum = 0;
        long max = 0;
        for (int a : atoms) {
            sum += set.atomPersons()[a];
            max = Math.max(max, set.atomPersons()[a]);
        }
        if (!set.additive() && max >= k || set.additive() && sum >= k) {
            return null;
        }
        Region r = new Region(atoms);
        if (!persons.containsKey(r)) {
            persons.put(r, set.additive() || sum < k ? Long.valueOf(sum) : null);
        }
        return r;
    }

    /** For every cell of {@code inner}: the cell of {@code outer} holding all its atoms, or −1. */
    static int[] containing(LinkedCells.Partition inner, LinkedCells.Partition outer, int cells) {
        int[] sup = new int[cells];
        Arrays.fill(sup, -2);
        for (int a = 0; a < inner.cellOfAtom().length; a++) {
            int c = inner.cellOfAtom()[a];
            if (c < 0) {
                continue;
            }
            int o = outer.cellOfAtom()[a];
            sup[c] = sup[c] == -2 || sup[c] == o ? o : -1;
        }
        for (int c = 0; c < cells; c++) {
            sup[c] = Math.max(sup[c], -1);
        }
        return sup;
    }

    private static int[] difference(int[] big, LinkedCells.Partition smallP, int small) {
        return Arrays.stream(big).filter(a -> smallP.cellOfAtom()[a] != small).toArray();
    }

    /** A set of atoms (sorted) as a map key. */
    record Region(int[] atoms) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Region r && Arrays.equals(atoms, r.atoms);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(atoms);
        }
    }
}
