package jp.ebpm.analysis.privacy.guard;

import java.util.ArrayList;
import java.util.Arrays;
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

    private final LinkedCells set;
    private final List<LinkedCells.Partition> ps;
    private final int target;
    private final LinkedCells.Partition t;
    private final boolean[] candidate;
    private final int k;
    private final int[][][] members;

    private final Map<Region, Long> persons = new LinkedHashMap<>();
    private final List<Region> ambiguous = new ArrayList<>();
    private final List<int[]> nestedShown = new ArrayList<>();
    private final List<Region[]> overlapShown = new ArrayList<>();
    private final List<int[]> overlapCells = new ArrayList<>();

    final List<int[]> regions = new ArrayList<>();
    final Set<Integer> hide = new TreeSet<>();
    int pairRules;

    LinkedRegions(LinkedCells set, int target, boolean[] candidate, int k, int[][][] members) {
        this.set = set;
        this.ps = set.partitions();
        this.target = target;
        this.t = ps.get(target);
        this.candidate = candidate;
        this.k = k;
        this.members = members;
    }

    /** Collects every region and applies the pair rules. */
    LinkedRegions collect() {
        Set<Region> seen = new HashSet<>();
        for (int p = 0; p < ps.size(); p++) {
            LinkedCells.Partition part = ps.get(p);
            for (int c = 0; c < part.cells(); c++) {
                boolean shown = part.published()[c] || p == target && candidate[c];
                if (shown) {
                    continue;
                }
                if (part.cellPersons()[c] < 0) {
                    candidateRegion(members[p][c]);
                } else if (small(part.cellPersons()[c]) && seen.add(new Region(members[p][c]))) {
                    regions.add(members[p][c]);
                }
            }
        }
        long[] ap = set.atomPersons();
        for (int a = 0; a < ap.length; a++) {
            if (small(ap[a])) {
                regions.add(new int[] {a});
                seen.add(new Region(new int[] {a}));
            }
        }
        for (int q = 0; q < ps.size(); q++) {
            if (q != target && !ps.get(q).potential()) {
                differences(target, q);
                differences(q, target);
                pairs(q);
            }
        }
        resolve();
        for (Map.Entry<Region, Long> e : persons.entrySet()) {
            if (small(e.getValue()) && seen.add(e.getKey())) {
                regions.add(e.getKey().atoms());
            }
        }
        for (int[] n : nestedShown) {
            // {big partition, big cell, small partition, small cell, new cell}
            long diff = persons.get(new Region(difference(members[n[0]][n[1]], ps.get(n[2]), n[3])));
            long shownDiff = ps.get(n[0]).cellPersons()[n[1]] - ps.get(n[2]).cellPersons()[n[3]];
            if (small(diff) || !set.additive() && small(shownDiff)) {
                hideByRule(n[4]);
            }
        }
        for (int i = 0; i < overlapShown.size(); i++) {
            Region[] sides = overlapShown.get(i);
            if (small(persons.get(sides[0])) || small(persons.get(sides[1]))) {
                hideByRule(overlapCells.get(i)[0]);
            }
        }
        return this;
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
     * of b inside it, and the cells of b meeting it minus the cells of a inside their union.
     */
    private void differences(int a, int b) {
        int[] ofA = ps.get(a).cellOfAtom();
        int[] ofB = ps.get(b).cellOfAtom();
        int[] insideA = containing(ps.get(b), ps.get(a), ps.get(b).cells()); // the a-cell holding each b-cell, or −1
        for (int c = 0; c < ps.get(a).cells(); c++) {
            int cell = c;
            int[] own = members[a][c];
            // c minus the b-cells inside it
            int[] rest = Arrays.stream(own).filter(x -> ofB[x] < 0 || insideA[ofB[x]] != cell).toArray();
            if (rest.length > 0 && rest.length < own.length) {
                candidateRegion(rest);
            }
            // the b-cells meeting c, minus the a-cells inside their union
            Set<Integer> meet = new TreeSet<>();
            for (int x : own) {
                if (ofB[x] >= 0) {
                    meet.add(ofB[x]);
                }
            }
            if (meet.isEmpty()) {
                continue;
            }
            List<Integer> union = new ArrayList<>();
            Set<Integer> touchedA = new LinkedHashSet<>();
            for (int cb : meet) {
                for (int x : members[b][cb]) {
                    union.add(x);
                    touchedA.add(ofA[x]);
                }
            }
            Set<Integer> insideUnion = new HashSet<>();
            for (int ca : touchedA) {
                if (ca >= 0 && Arrays.stream(members[a][ca]).allMatch(x -> ofB[x] >= 0 && meet.contains(ofB[x]))) {
                    insideUnion.add(ca);
                }
            }
            int[] diff = union.stream().mapToInt(Integer::intValue).filter(x -> ofA[x] < 0 || !insideUnion.contains(ofA[x]))
                    .sorted().toArray();
            if (diff.length > 0 && diff.length < union.size()) {
                candidateRegion(diff);
            }
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
                candidateRegion(difference(members[q][cq], t, c));
                nestedShown.add(new int[] {q, cq, target, c, c});
            }
        }
        for (int cq = 0; cq < qp.cells(); cq++) {
            int c = sub[cq];
            if (c >= 0 && fresh(c) && qp.published()[cq] && members[target][c].length > members[q][cq].length) {
                candidateRegion(difference(members[target][c], qp, cq));
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
            Region one = candidateRegion(difference(members[target][c], qp, cq));
            Region two = candidateRegion(difference(members[q][cq], t, c));
            overlapShown.add(new Region[] {one, two});
            overlapCells.add(new int[] {c, cq});
        }
    }

    /** Registers a region whose persons are needed; bounds decide when they can. */
    private Region candidateRegion(int[] atoms) {
        Region r = new Region(atoms);
        if (persons.containsKey(r)) {
            return r;
        }
        long sum = 0;
        long max = 0;
        for (int a : atoms) {
            sum += set.atomPersons()[a];
            max = Math.max(max, set.atomPersons()[a]);
        }
        if (set.additive() || sum < k) {
            persons.put(r, sum);
        } else if (max >= k) {
            persons.put(r, max);
        } else {
            persons.put(r, null);
            ambiguous.add(r);
        }
        return r;
    }

    private void resolve() {
        if (ambiguous.isEmpty()) {
            return;
        }
        long[] n = set.regionPersons().persons(ambiguous.stream().map(Region::atoms).toList());
        for (int i = 0; i < n.length; i++) {
            persons.put(ambiguous.get(i), n[i]);
        }
        ambiguous.clear();
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
