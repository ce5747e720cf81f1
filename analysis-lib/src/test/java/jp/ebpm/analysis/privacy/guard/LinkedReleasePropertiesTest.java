package jp.ebpm.analysis.privacy.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 12's property test of linked releases, on a model of the location tables: records (device, spot, date,
 * hour) are grouped like the real tables — 500 m meshes (pairs of spots), 1 km meshes (quadruples, holding the
 * 500 m meshes), wards (blocks of spots that do not nest with the meshes), a user layer of one area and the same
 * area with a hole — by hour, date, weekday/weekend or month; residents and visitors (home = the area with most
 * night records) of the ward and user layers by hour. A random sequence of groupings is released through the {@link DisclosureGuard} with the
 * {@link LinkedAudit}; then an attacker holding every published cell solves the linear system exactly
 * ({@link ExactSolver}) and must not find a unique value for any suppressed cell with 1 to k−1 persons, any atom
 * with 1 to k−1 persons, nor a difference of two published nested cells with 1 to k−1 persons.
 */
class LinkedReleasePropertiesTest {

    enum AreaP { MESH4, MESH3, WARD, USER_A, USER_B }

    enum TimeP { HOUR, DATE, WEEKPART, MONTH }

    enum Who { ALL, RESIDENTS, VISITORS }

    record Grouping(AreaP area, TimeP time, Who who) {
        String name() {
            return area + "×" + time + "×" + who;
        }
    }

    record Rec(int device, int area, int date, int hour) {
    }

    private static final int AREAS = 12;
    private static final int DATES = 6;
    private static final int HOURS = 4;
    private static final Set<Integer> USER = Set.of(4, 5, 6, 7);
    private static final int HOLE = 6;

    static String areaKey(AreaP p, int spot) {
        return switch (p) {
            case MESH4 -> "m" + spot / 2;
            case MESH3 -> "M" + spot / 4;
            case WARD -> spot < 3 ? "w0" : spot < 7 ? "w1" : "w2";
            case USER_A -> USER.contains(spot) ? "U" : null;
            case USER_B -> USER.contains(spot) && spot != HOLE ? "U" : null;
        };
    }

    /** The groupings the location tables can release. */
    static final List<Grouping> UNIVERSE = universe();

    private static List<Grouping> universe() {
        List<Grouping> u = new ArrayList<>();
        for (AreaP a : AreaP.values()) {
            for (TimeP t : TimeP.values()) {
                u.add(new Grouping(a, t, Who.ALL));
            }
        }
        for (AreaP a : List.of(AreaP.WARD, AreaP.USER_A)) {
            u.add(new Grouping(a, TimeP.HOUR, Who.RESIDENTS));
            u.add(new Grouping(a, TimeP.HOUR, Who.VISITORS));
        }
        return List.copyOf(u);
    }

    /** The groupings releasable later whose small cells the guard protects now (as LinkedAtoms does). */
    static List<Grouping> potential(List<Grouping> released) {
        Set<AreaP> areas = new java.util.TreeSet<>();
        released.forEach(g -> areas.add(g.area()));
        if (areas.contains(AreaP.MESH4)) {
            areas.add(AreaP.MESH3);
        }
        List<Grouping> out = new ArrayList<>();
        for (AreaP a : areas) {
            for (TimeP t : TimeP.values()) {
                out.add(new Grouping(a, t, Who.ALL));
            }
        }
        for (Grouping g : released) {
            if (g.who() != Who.ALL) {
                out.add(new Grouping(g.area(), TimeP.HOUR, Who.RESIDENTS));
                out.add(new Grouping(g.area(), TimeP.HOUR, Who.VISITORS));
            }
        }
        return out.stream().distinct().filter(g -> !released.contains(g)).toList();
    }

    static String timeKey(TimeP t, int date, int hour) {
        return switch (t) {
            case HOUR -> "h" + hour;
            case DATE -> "d" + date;
            case WEEKPART -> date >= 4 ? "weekend" : "weekday";
            case MONTH -> "m" + date / 3;
        };
    }

    /** The world: records and each device's home per spatial partition. */
    static final class World {
        final List<Rec> recs;
        final Map<AreaP, Map<Integer, String>> homes = new HashMap<>();

        World(List<Rec> recs) {
            this.recs = recs;
            for (AreaP p : AreaP.values()) {
                Map<Integer, Map<String, Integer>> night = new HashMap<>();
                for (Rec r : recs) {
                    String a = areaKey(p, r.area());
                    if (a != null && r.hour() == 0) {
                        night.computeIfAbsent(r.device(), x -> new TreeMap<>()).merge(a, 1, Integer::sum);
                    }
                }
                Map<Integer, String> h = new HashMap<>();
                night.forEach((d, counts) -> h.put(d, counts.entrySet().stream()
                        .max((x, y) -> x.getValue().equals(y.getValue()) ? y.getKey().compareTo(x.getKey()) : x.getValue() - y.getValue())
                        .orElseThrow().getKey()));
                homes.put(p, h);
            }
        }

        /** The cell of a record in a grouping, or null. */
        String cell(Grouping g, Rec r) {
            String a = areaKey(g.area(), r.area());
            if (a == null) {
                return null;
            }
            String home = homes.get(g.area()).get(r.device());
            if (g.who() == Who.RESIDENTS && !a.equals(home) || g.who() == Who.VISITORS && a.equals(home)) {
                return null;
            }
            return a + "\t" + timeKey(g.time(), r.date(), r.hour());
        }

        CountTable table(Grouping g) {
            Map<String, Set<Integer>> devices = new TreeMap<>();
            Map<String, Long> counts = new HashMap<>();
            for (Rec r : recs) {
                String c = cell(g, r);
                if (c != null) {
                    devices.computeIfAbsent(c, x -> new TreeSet<>()).add(r.device());
                    counts.merge(c, 1L, Long::sum);
                }
            }
            Set<String> rows = new TreeSet<>();
            Set<String> cols = new TreeSet<>();
            for (int f = 0; f < AREAS; f++) {
                if (areaKey(g.area(), f) != null) {
                    rows.add(areaKey(g.area(), f));
                }
            }
            for (int d = 0; d < DATES; d++) {
                for (int h = 0; h < HOURS; h++) {
                    cols.add(timeKey(g.time(), d, h));
                }
            }
            List<CountTable.Cell> cells = new ArrayList<>();
            devices.forEach((k, v) -> {
                String[] rc = k.split("\t");
                cells.add(new CountTable.Cell(rc[0], rc[1], counts.get(k), v.size()));
            });
            return new CountTable("area", "time", "records", "persons", false, List.copyOf(rows), List.copyOf(cols), cells);
        }

        /** Atoms of a set of groupings: distinct tuples of cell keys; the devices of each. */
        Atoms atoms(List<Grouping> gs) {
            Map<List<String>, Set<Integer>> byTuple = new LinkedHashMap<>();
            Map<Rec, Integer> atomOf = new HashMap<>();
            for (Rec r : recs) {
                List<String> tuple = new ArrayList<>();
                boolean any = false;
                for (Grouping g : gs) {
                    String c = cell(g, r);
                    tuple.add(c);
                    any |= c != null;
                }
                if (any) {
                    byTuple.computeIfAbsent(tuple, x -> new TreeSet<>()).add(r.device());
                }
            }
            List<List<String>> tuples = new ArrayList<>(byTuple.keySet());
            Map<List<String>, Integer> index = new HashMap<>();
            for (int i = 0; i < tuples.size(); i++) {
                index.put(tuples.get(i), i);
            }
            List<Set<Integer>> devices = new ArrayList<>(byTuple.values());
            return new Atoms(gs, tuples, devices, index);
        }
    }

    record Atoms(List<Grouping> gs, List<List<String>> tuples, List<Set<Integer>> devices, Map<List<String>, Integer> index) {
        int[] cell(int g, String key) {
            List<Integer> out = new ArrayList<>();
            for (int a = 0; a < tuples.size(); a++) {
                if (key.equals(tuples.get(a).get(g))) {
                    out.add(a);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        Set<Integer> devicesOf(int[] atoms) {
            Set<Integer> s = new HashSet<>();
            for (int a : atoms) {
                s.addAll(devices.get(a));
            }
            return s;
        }
    }

    /** The guard's linked set for a release of gs.get(0), built from the model like LinkedAtoms does from SQL. */
    static LinkedCells linkedCells(World w, List<Grouping> gs, List<Set<String>> published) {
        List<Grouping> all = new ArrayList<>(gs);
        all.addAll(potential(gs));
        Atoms at = w.atoms(all);
        int n = at.tuples().size();
        long[] ap = new long[n];
        for (int a = 0; a < n; a++) {
            ap[a] = at.devices().get(a).size();
        }
        List<LinkedCells.Partition> parts = new ArrayList<>();
        for (int g = 0; g < all.size(); g++) {
            boolean real = g < gs.size();
            Map<String, Integer> idx = new LinkedHashMap<>();
            int[] cellOf = new int[n];
            for (int a = 0; a < n; a++) {
                String key = at.tuples().get(a).get(g);
                cellOf[a] = key == null ? -1 : idx.computeIfAbsent(key, x -> idx.size());
            }
            List<String> keys = List.copyOf(idx.keySet());
            long[] persons = new long[keys.size()];
            boolean[] pub = new boolean[keys.size()];
            for (int c = 0; c < keys.size(); c++) {
                persons[c] = real ? at.devicesOf(at.cell(g, keys.get(c))).size() : -1;
                pub[c] = real && published.get(g).contains(keys.get(c));
            }
            Grouping gr = all.get(g);
            parts.add(new LinkedCells.Partition(gr.name(), cellOf, keys, persons, pub, gr.area().name(), gr.time().name(),
                    gr.who() == Who.ALL ? "all" : gr.who() + "@" + gr.area(), gr.area() == AreaP.USER_A || gr.area() == AreaP.USER_B,
                    !real));
        }
        LinkedCells.RegionPersons regionPersons = regions -> regions.stream().mapToLong(r -> at.devicesOf(r).size()).toArray();
        return new LinkedCells(ap, false, parts, regionPersons);
    }

    @Property(tries = 300)
    void noSmallValueHasAUniqueSolutionAfterAnySequenceOfReleases(@ForAll long seed, @ForAll @IntRange(min = 3, max = 6) int k,
                                                                  @ForAll @IntRange(min = 4, max = 40) int deviceCount,
                                                                  @ForAll @IntRange(min = 2, max = 7) int releases) {
        Random rnd = new Random(seed);
        List<Rec> recs = new ArrayList<>();
        for (int d = 0; d < deviceCount; d++) {
            int home = rnd.nextInt(AREAS);
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                int area = rnd.nextDouble() < 0.6 ? home : rnd.nextInt(AREAS);
                recs.add(new Rec(d, area, rnd.nextInt(DATES), rnd.nextInt(HOURS)));
            }
        }
        World w = new World(recs);
        List<Grouping> sequence = new ArrayList<>();
        for (int i = 0; i < releases; i++) {
            sequence.add(UNIVERSE.get(rnd.nextInt(UNIVERSE.size())));
        }
        Map<Grouping, Set<String>> memory = new LinkedHashMap<>();
        Map<Grouping, Set<String>> published = new LinkedHashMap<>();
        DisclosureGuard guard = new DisclosureGuard(k, 1);
        for (int i = 0; i < sequence.size(); i++) {
            Grouping g = sequence.get(i);
            List<Grouping> gs = new ArrayList<>(List.of(g));
            published.keySet().stream().filter(x -> !x.equals(g)).forEach(gs::add);
            List<Set<String>> pub = new ArrayList<>();
            gs.forEach(x -> pub.add(published.getOrDefault(x, Set.of())));
            DisclosureGuard.LinkedCheck check = gs.size() == 1 ? DisclosureGuard.LinkedCheck.NONE : (table, hidden, kk) -> {
                LinkedCells cells = linkedCells(w, gs, pub);
                LinkedCells.Partition t = cells.partitions().get(0);
                boolean[] candidate = new boolean[t.cells()];
                for (int c = 0; c < candidate.length; c++) {
                    candidate[c] = !hidden.contains(t.cellKeys().get(c));
                }
                Set<String> more = new LinkedHashSet<>();
                LinkedAudit.run(cells, 0, candidate, kk).hide().forEach(c -> more.add(t.cellKeys().get(c)));
                return more;
            };
            CountTable table = w.table(g);
            ProtectedTable p = guard.protect(table, memory.getOrDefault(g, Set.of()), check);
            if (i == 0) {
                assertEquals(guard.protect(table, Set.of()).suppressedKeys(), p.suppressedKeys(), "a first release stands alone");
            }
            memory.computeIfAbsent(g, x -> new LinkedHashSet<>()).addAll(p.suppressedKeys());
            Set<String> shown = published.computeIfAbsent(g, x -> new LinkedHashSet<>());
            for (ProtectedTable.Cell c : p.cells()) {
                if (!c.suppressed() && c.persons() > 0) {
                    shown.add(c.row() + "\t" + c.col());
                }
            }
        }
        List<String> leaks = attack(w, published, k);
        assertTrue(leaks.isEmpty(), sequence.stream().map(Grouping::name).toList() + ": " + leaks);
    }

    /**
     * Everything an attacker can pin down exactly from the published cells ({@link LinkedAttacker}), including the
     * cells of the groupings that could still be released from the same areas.
     */
    static List<String> attack(World w, Map<Grouping, Set<String>> published, int k) {
        List<Grouping> gs = new ArrayList<>(published.keySet());
        List<Set<String>> shown = new ArrayList<>(gs.stream().map(published::get).toList());
        for (Grouping g : potential(gs)) {
            gs.add(g);
            shown.add(Set.of());
        }
        int[] device = w.recs.stream().mapToInt(Rec::device).toArray();
        List<String[]> keys = new ArrayList<>();
        for (Grouping g : gs) {
            keys.add(w.recs.stream().map(r -> w.cell(g, r)).toArray(String[]::new));
        }
        return LinkedAttacker.leaks(device, gs.stream().map(Grouping::name).toList(), keys, shown, k);
    }
}
