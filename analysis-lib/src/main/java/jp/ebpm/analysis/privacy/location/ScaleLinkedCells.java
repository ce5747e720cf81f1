package jp.ebpm.analysis.privacy.location;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.LinkedCells;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The linked set of an aggregate imported from the workbench-scale job ({@link ScaleAggregateImporter}) for the
 * {@link jp.ebpm.analysis.privacy.guard.LinkedAudit}. An import has no pings, so its atoms are not combinations of
 * record keys ({@link LinkedAtoms}) but the finest cells its stored tables define together, using only the relations
 * that hold by the job's definitions:
 * <ul>
 *   <li><b>Area × hour with residents/visitors</b> (the job's time band is the hour): the atoms are residents(a, h)
 *       and visitors(a, h); all(a, h) is their union. A device is a resident of a or not, so both the pings and the
 *       devices of all(a, h) are the sums of those of residents(a, h) and visitors(a, h) (checked on the stored
 *       cells; tables that do not fit are refused).</li>
 *   <li><b>Area × weekday, date or month with residents/visitors by hour</b>: the tables share only the records of
 *       each area; how an area's pings split over (band value, hour) is not in the import. The atoms are every
 *       combination (a, band value, hour, resident or visitor) not excluded by an empty cell; an area's band cells
 *       and its residents/visitors cells both sum to the area's pings (checked). The persons of an atom are unknown:
 *       it counts as holding 1 to k−1 persons (protected) unless a cell made of it alone says otherwise.</li>
 *   <li><b>OD</b>: the atoms are the per-date cells (origin, destination, date); the all-dates cell is their union
 *       (trips add up over dates, checked; devices do not).</li>
 * </ul>
 * Every table the import can still give (the other of residents/visitors, the area table, the OD of every date)
 * is a potential grouping: its small cells are protected before it is released. Persons of a union of atoms are
 * bounded from below, never guessed: the largest cell inside it and, within one area, residents plus visitors
 * (disjoint devices); a union that no such bound puts at k or more counts as small. Imports of the same pings under
 * two names are two linked sets (see docs/privacy.md).
 */
final class ScaleLinkedCells {

    /** The largest linked set built (atoms); a larger one is refused with a message rather than run out of memory. */
    static final int MAX_ATOMS = 3_000_000;
    private static final int ALL = 0;
    private static final int RES = 1;
    private static final int VIS = 2;
    private static final String OD_DATE = "od:";

    private final String dataset;
    private final Map<String, Map<String, long[]>> stored;
    /** Per atom: the area (OD: origin TAB destination), the time (band value; OD: date), the hour, the subset. */
    private final List<String> atomArea = new ArrayList<>();
    private final List<String> atomTime = new ArrayList<>();
    private final List<String> atomHour = new ArrayList<>();
    private final List<Integer> atomFlag = new ArrayList<>();

    private ScaleLinkedCells(String dataset, Map<String, Map<String, long[]>> stored) {
        this.dataset = dataset;
        this.stored = stored;
    }

    /**
     * The linked set of released (and releasable) tables of an imported aggregate.
     *
     * @param groupings the new table's grouping first, then the released groupings of its family
     * @param published for each grouping, the keys of its cells published by earlier releases
     */
    static LinkedCells build(UnlockedVault vault, String dataset, List<LinkedGrouping> groupings, List<Set<String>> published,
                             Cancellation cancel) {
        ScaleManifest m = ScaleAggregateImporter.manifest(vault.info(dataset));
        boolean od = "od".equals(groupings.get(0).op());
        ScaleLinkedCells s = new ScaleLinkedCells(dataset, ScaleAggregates.stored(vault, dataset, od, cancel));
        List<String> tables = new ArrayList<>();
        for (LinkedGrouping g : groupings) {
            tables.add(s.table(m, g));
        }
        List<String> potential = new ArrayList<>();
        if (od) {
            boolean allDates = m.table(ScaleManifest.OD).isPresent();
            s.odAtoms(allDates);
            Set<String> all = new TreeSet<>();
            if (allDates) {
                all.add("od");
            }
            s.stored.keySet().stream().filter(t -> t.startsWith(OD_DATE)).forEach(all::add);
            all.stream().filter(t -> !tables.contains(t)).forEach(potential::add);
        } else {
            boolean presence = m.table(ScaleManifest.PRESENCE).isPresent();
            s.areaAtoms(TimeBand.parse(m.parameter("time")), presence);
            for (String t : presence ? List.of("aggregate", "residents", "visitors") : List.of("aggregate")) {
                if (!tables.contains(t)) {
                    potential.add(t);
                }
            }
        }
        cancel.check();
        return s.cells(groupings, tables, potential, published);
    }

    /** The stored table of a released grouping; refuses one the import cannot give (released from an older import). */
    private String table(ScaleManifest m, LinkedGrouping g) {
        ScaleAggregates.Kind kind = ScaleAggregates.Kind.parse(g.op());
        int at = g.grouping().indexOf("|date=");
        String date = kind == ScaleAggregates.Kind.OD && at >= 0 ? g.grouping().substring(at + "|date=".length()) : null;
        boolean available = switch (kind) {
            case AGGREGATE -> m.table(ScaleManifest.AREA_TIME).isPresent();
            case RESIDENTS, VISITORS -> m.table(ScaleManifest.PRESENCE).isPresent();
            case OD -> m.table(date == null ? ScaleManifest.OD : ScaleManifest.OD_DAILY).isPresent();
        };
        if (!available || !g.grouping().equals(ScaleAggregates.grouping(m, kind, date))) {
            throw new WorkbenchException("A table released earlier under the name \"" + dataset + "\" (" + g.grouping()
                    + ") is not one of this import's tables, so the new table cannot be checked against it. Import the"
                    + " aggregate under a new name.");
        }
        return kind == ScaleAggregates.Kind.OD ? (date == null ? "od" : OD_DATE + date) : kind.id();
    }

    private Map<String, long[]> cellsOf(String table) {
        return stored.getOrDefault(table, Map.of());
    }

    private void atom(String area, String time, String hour, int flag) {
        if (atomArea.size() >= MAX_ATOMS) {
            throw new WorkbenchException("The tables of \"" + dataset + "\" are too fine to be checked against each other"
                    + " (more than " + MAX_ATOMS + " combinations); import an aggregate with a coarser time band.");
        }
        atomArea.add(area);
        atomTime.add(time);
        atomHour.add(hour);
        atomFlag.add(flag);
    }

    private static String area(String key) {
        return key.substring(0, key.indexOf('\t'));
    }

    private static String col(String key) {
        return key.substring(key.indexOf('\t') + 1);
    }

    /** Atoms of the area tables: see the class comment. */
    private void areaAtoms(TimeBand band, boolean presence) {
        Map<String, long[]> agg = cellsOf("aggregate");
        if (!presence) {
            agg.keySet().forEach(k -> atom(area(k), col(k), null, ALL));
            return;
        }
        Map<String, List<String[]>> presenceByArea = new LinkedHashMap<>();
        Map<String, Long> presencePings = new HashMap<>();
        for (int flag : new int[] {RES, VIS}) {
            cellsOf(flag == RES ? "residents" : "visitors").forEach((k, v) -> {
                presenceByArea.computeIfAbsent(area(k), x -> new ArrayList<>()).add(new String[] {col(k), Integer.toString(flag)});
                presencePings.merge(area(k), v[0], Long::sum);
            });
        }
        if (band == TimeBand.HOUR) {
            Set<String> keys = new LinkedHashSet<>(agg.keySet());
            keys.addAll(cellsOf("residents").keySet());
            keys.addAll(cellsOf("visitors").keySet());
            for (String k : keys) {
                long[] a = agg.getOrDefault(k, new long[2]);
                long[] r = cellsOf("residents").getOrDefault(k, new long[2]);
                long[] v = cellsOf("visitors").getOrDefault(k, new long[2]);
                if (a[0] != r[0] + v[0] || a[1] != r[1] + v[1]) {
                    throw misfit("all devices ≠ residents + visitors at " + k.replace('\t', ' ') + " h");
                }
                if (r[0] != 0 || r[1] != 0) {
                    atom(area(k), col(k), col(k), RES);
                }
                if (v[0] != 0 || v[1] != 0) {
                    atom(area(k), col(k), col(k), VIS);
                }
            }
            return;
        }
        Map<String, List<String>> bandsByArea = new LinkedHashMap<>();
        Map<String, Long> aggPings = new HashMap<>();
        agg.forEach((k, v) -> {
            bandsByArea.computeIfAbsent(area(k), x -> new ArrayList<>()).add(col(k));
            aggPings.merge(area(k), v[0], Long::sum);
        });
        if (!aggPings.equals(presencePings)) {
            throw misfit("the pings of an area by " + band.id() + " do not add up to its residents' and visitors' pings");
        }
        bandsByArea.forEach((a, bands) -> {
            for (String b : bands) {
                for (String[] hf : presenceByArea.get(a)) {
                    atom(a, b, hf[0], Integer.parseInt(hf[1]));
                }
            }
        });
    }

    /**
     * Atoms of the OD tables: the per-date cells; the all-dates cells (when the import has them) must be their unions.
     */
    private void odAtoms(boolean allDates) {
        Map<String, long[]> sum = new HashMap<>();
        Map<String, Long> maxPersons = new HashMap<>();
        stored.forEach((t, cells) -> {
            if (t.startsWith(OD_DATE)) {
                String date = t.substring(OD_DATE.length());
                cells.forEach((k, v) -> {
                    atom(k, date, null, ALL);
                    long[] s = sum.computeIfAbsent(k, x -> new long[2]);
                    s[0] += v[0];
                    s[1] += v[1];
                    maxPersons.merge(k, v[1], Math::max);
                });
            }
        });
        if (allDates) {
            Set<String> keys = new LinkedHashSet<>(cellsOf("od").keySet());
            keys.addAll(sum.keySet());
            for (String k : keys) {
                long[] all = cellsOf("od").getOrDefault(k, new long[2]);
                long[] s = sum.getOrDefault(k, new long[2]);
                if (all[0] != s[0] || all[1] > s[1] || all[1] < maxPersons.getOrDefault(k, 0L)) {
                    throw misfit("the trips of " + k.replace('\t', '→') + " over all dates ≠ the sum over the dates");
                }
            }
        }
    }

    private WorkbenchException misfit(String what) {
        return new WorkbenchException("The tables of the imported aggregate \"" + dataset + "\" do not fit together (" + what
                + "), so they cannot be checked against each other; no further table of it is released.");
    }

    /** The cell key of an atom in a stored table, or null when the table does not cover it. */
    private String keyOf(String table, int a) {
        String area = atomArea.get(a);
        return switch (table) {
            case "aggregate" -> area + "\t" + atomTime.get(a);
            case "residents" -> atomFlag.get(a) == RES ? area + "\t" + atomHour.get(a) : null;
            case "visitors" -> atomFlag.get(a) == VIS ? area + "\t" + atomHour.get(a) : null;
            case "od" -> area;
            default -> table.equals(OD_DATE + atomTime.get(a)) ? area : null;
        };
    }

    private LinkedCells cells(List<LinkedGrouping> groupings, List<String> tables, List<String> potential,
                              List<Set<String>> published) {
        int n = atomArea.size();
        List<String> all = new ArrayList<>(tables);
        all.addAll(potential);
        List<LinkedCells.Partition> parts = new ArrayList<>();
        for (int p = 0; p < all.size(); p++) {
            String table = all.get(p);
            boolean real = p < tables.size();
            int[] cellOf = new int[n];
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int a = 0; a < n; a++) {
                String key = keyOf(table, a);
                cellOf[a] = key == null ? -1 : index.computeIfAbsent(key, x -> index.size());
            }
            List<String> keys = List.copyOf(index.keySet());
            long[] persons = new long[keys.size()];
            boolean[] pub = new boolean[keys.size()];
            Map<String, long[]> values = cellsOf(table);
            for (int c = 0; c < keys.size(); c++) {
                long[] v = values.get(keys.get(c));
                if (v == null) {
                    throw misfit("no " + table + " cell " + keys.get(c).replace('\t', ' ') + " for stored records");
                }
                persons[c] = v[1];
                pub[c] = real && published.get(p).contains(keys.get(c));
            }
            LinkedGrouping g = real ? groupings.get(p) : null;
            String subset = table.startsWith("od") ? "trips" : "aggregate".equals(table) ? "all" : table;
            String time = table.startsWith(OD_DATE) ? table.substring(OD_DATE.length()) : "od".equals(table) ? "all"
                    : "aggregate".equals(table) ? "band" : TimeBand.HOUR.id();
            parts.add(new LinkedCells.Partition(real ? g.key() : "potential:" + table, cellOf, keys, persons, pub,
                    "imported", time, subset, false, !real));
        }
        long[] atomPersons = new long[n];
        int[][] size = new int[parts.size()][];
        long[][] persons = new long[parts.size()][];
        for (int p = 0; p < parts.size(); p++) {
            LinkedCells.Partition part = parts.get(p);
            size[p] = new int[part.cells()];
            persons[p] = part.cellPersons().clone();
            for (int a = 0; a < n; a++) {
                if (part.cellOfAtom()[a] >= 0) {
                    size[p][part.cellOfAtom()[a]]++;
                }
            }
        }
        for (int a = 0; a < n; a++) {
            long lb = 1;
            for (int p = 0; p < parts.size(); p++) {
                int c = parts.get(p).cellOfAtom()[a];
                if (c >= 0 && size[p][c] == 1) {
                    lb = Math.max(lb, persons[p][c]);
                }
            }
            atomPersons[a] = lb;
        }
        return new LinkedCells(atomPersons, false, parts, new LowerBound(parts, size, persons, atomArea, atomFlag));
    }

    /**
     * Persons of unions of atoms, from below: at least 1 (an atom is a combination not known to be empty), at least the
     * persons of every cell inside the union, and within one area at least the largest residents part plus the largest
     * visitors part (a device is a resident of an area or not). A union that these bounds do not put at k or more is
     * treated as small: the audit then protects it.
     */
    private record LowerBound(List<LinkedCells.Partition> parts, int[][] size, long[][] persons, List<String> area,
                              List<Integer> flag) implements LinkedCells.RegionPersons {
        @Override
        public long[] persons(List<int[]> regions) {
            long[] out = new long[regions.size()];
            for (int r = 0; r < regions.size(); r++) {
                out[r] = bound(regions.get(r));
            }
            return out;
        }

        private long bound(int[] region) {
            Map<Long, Integer> count = new HashMap<>();
            for (int a : region) {
                for (int p = 0; p < parts.size(); p++) {
                    int c = parts.get(p).cellOfAtom()[a];
                    if (c >= 0) {
                        count.merge(LinkedCells.pair(p, c), 1, Integer::sum);
                    }
                }
            }
            long best = 1;
            Map<String, long[]> byArea = new HashMap<>();
            for (Map.Entry<Long, Integer> e : count.entrySet()) {
                int p = (int) (e.getKey() >>> 32);
                int c = (int) (long) e.getKey();
                if (e.getValue() != size[p][c]) {
                    continue;
                }
                long v = persons[p][c];
                best = Math.max(best, v);
                int[] atoms = cellAtoms(p, c, region);
                int f = flag.get(atoms[0]);
                String a = area.get(atoms[0]);
                boolean one = f != ALL;
                for (int x : atoms) {
                    one &= flag.get(x) == f && area.get(x).equals(a);
                }
                if (one) {
                    long[] parts2 = byArea.computeIfAbsent(a, y -> new long[3]);
                    parts2[f] = Math.max(parts2[f], v);
                }
            }
            for (long[] rv : byArea.values()) {
                best = Math.max(best, rv[RES] + rv[VIS]);
            }
            return best;
        }

        /** The atoms of a cell lying inside the region (all of them, as the cell is inside). */
        private int[] cellAtoms(int p, int c, int[] region) {
            return Arrays.stream(region).filter(a -> parts.get(p).cellOfAtom()[a] == c).toArray();
        }
    }
}
