package jp.ebpm.analysis.privacy.location;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.locationtech.jts.geom.Coordinate;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.LinkedAttacker;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The linked-release property of issue 16 for aggregates imported from the workbench-scale job (issue 14): random
 * pings are turned into a job output ({@link ScaleOutputFixture}, a random time band), imported, and a random sequence
 * of its tables (area × band, residents, visitors; OD over all dates and per date) is released through
 * {@link LocationService#importedTable}. An attacker who knows every published cell <em>and the true records</em>
 * (areas, homes and trips computed independently in Java) solves the equations exactly ({@link LinkedAttacker}): no
 * suppressed cell of a released table or of a table the import can still give, no atom and no nested difference with
 * 1 to k−1 devices may have a unique solution.
 *
 * <p>For the hour band and for OD the attacker's atoms are the records' combinations of keys, as in the pings tests.
 * For weekday, date and month the import does not hold which combinations of band value and hour are empty, and
 * neither do its releases: the attacker knows the published cells and which cells of the import's tables are empty
 * (an attacker who knows more, e.g. from the raw pings, is outside the guarantee: docs/privacy.md).
 */
class ScaleLinkedReleasePropertiesTest {

    private static Path dir;
    private static Project project;
    private static UnlockedVault vault;
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Cancellation NONE = Cancellation.none();
    private static final List<Coordinate> SPOTS = List.of(new Coordinate(139.645, 35.570), new Coordinate(139.700, 35.530),
            new Coordinate(139.60, 35.59), new Coordinate(139.672, 35.590));

    record Ping(int device, LocalDateTime t, double lat, double lon, String ward) {
    }

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("wb-scale-linked-prop");
        project = Project.create(dir.resolve("project"));
        vault = UnlockedVault.openOrCreate(project, "scale linked property test passphrase".toCharArray());
    }

    @AfterContainer
    static void close() throws IOException {
        vault.close();
        project.close();
        PrivacyTestData.deleteTree(dir);
    }


    private static List<Ping> pings(Random rnd, int devices) {
        List<Ping> pings = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            Coordinate home = SPOTS.get(rnd.nextInt(SPOTS.size()));
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                Coordinate c = rnd.nextDouble() < 0.6 ? home : SPOTS.get(rnd.nextInt(SPOTS.size()));
                double lon = c.x + (rnd.nextDouble() - 0.5) * 0.01;
                double lat = c.y + (rnd.nextDouble() - 0.5) * 0.008;
                LocalDateTime t = LocalDateTime.of(2026, 4 + rnd.nextInt(2), 28 + rnd.nextInt(3), rnd.nextInt(6) * 4, rnd.nextInt(3));
                pings.add(new Ping(d, t, lat, lon, PrivateAggregationPropertiesTest.area(AreaLevel.WARD, lat, lon)));
            }
        }
        return pings;
    }

    /** Devices going from a home spot to a work spot and back on most of 2 to 4 days (many trips per pair of wards). */
    private static List<Ping> commutes(Random rnd, int devices) {
        List<Ping> pings = new ArrayList<>();
        int days = 2 + rnd.nextInt(3);
        for (int d = 0; d < devices; d++) {
            Coordinate home = SPOTS.get(rnd.nextInt(SPOTS.size()));
            Coordinate work = SPOTS.get(rnd.nextInt(SPOTS.size()));
            for (int day = 0; day < days; day++) {
                if (rnd.nextDouble() < 0.8) {
                    int i = 0;
                    for (Coordinate c : List.of(home, work, home)) {
                        double lon = c.x + (rnd.nextDouble() - 0.5) * 0.01;
                        double lat = c.y + (rnd.nextDouble() - 0.5) * 0.008;
                        LocalDateTime t = LocalDateTime.of(2026, 4, 27 + day, 8 + 5 * i++, rnd.nextInt(60));
                        pings.add(new Ping(d, t, lat, lon, PrivateAggregationPropertiesTest.area(AreaLevel.WARD, lat, lon)));
                    }
                }
            }
        }
        return pings;
    }

    /** Imports the pings and a job output computed from them; returns the imported aggregate's name. */
    private static String importBoth(List<Ping> pings, TimeBand band) throws Exception {
        List<String> lines = new ArrayList<>(List.of("user_id,datetime,latitude,longitude"));
        for (Ping p : pings) {
            lines.add(String.format(Locale.ROOT, "u%d,%s:00,%.7f,%.7f", p.device(), p.t().toString().replace('T', ' '), p.lat(), p.lon()));
        }
        int n = SEQ.incrementAndGet();
        Path csv = dir.resolve("p" + n + ".csv");
        Files.write(csv, lines);
        PingImporter.importPings(vault, csv, LocationImportOptions.detect("p" + n, LocationImportOptions.Kind.PINGS),
                (m, a, b) -> { }, NONE);
        Path manifest = ScaleOutputFixture.write(vault, "p" + n, AreaLayer.bundledWards(), band, dir.resolve("job" + n));
        ScaleAggregateImporter.importAggregate(vault, manifest, "s" + n, NONE);
        return "s" + n;
    }

    private static void shown(ProtectedTable t, Set<String> into) {
        for (ProtectedTable.Cell c : t.cells()) {
            if (!c.suppressed() && c.persons() > 0) {
                into.add(c.row() + "\t" + c.col());
            }
        }
    }

    @Property(tries = 20)
    void noSmallValueOfTheAreaTablesIsDetermined(@ForAll @IntRange(min = 3, max = 40) int devices,
                                                 @ForAll @IntRange(min = 3, max = 10) int k,
                                                 @ForAll @IntRange(min = 2, max = 5) int releases,
                                                 @ForAll @IntRange(min = 0, max = 3) int bandIndex,
                                                 @ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        TimeBand band = TimeBand.values()[bandIndex];
        List<Ping> pings = pings(rnd, devices);
        String ds = importBoth(pings, band);
        LocationService s = new LocationService(vault);
        List<String> universe = List.of("aggregate", "residents", "visitors");
        Map<String, Set<String>> published = new LinkedHashMap<>();
        for (int i = 0; i < releases; i++) {
            String what = universe.get(rnd.nextInt(universe.size()));
            LocationService.Result r = s.importedTable(ds, ScaleAggregates.Kind.parse(what), null, k, 1, NONE);
            s.recordView(r);
            shown(r.table(), published.computeIfAbsent(what, x -> new LinkedHashSet<>()));
        }
        universe.forEach(t -> published.putIfAbsent(t, Set.of())); // tables the import can still give: protected too
        Map<Integer, String> homes = homes(pings);
        List<Ping> in = pings.stream().filter(p -> p.ward() != null).toList();
        List<String> names = new ArrayList<>(published.keySet());
        List<String> leaks;
        if (band == TimeBand.HOUR) {
            // the import's atoms are the records' combinations of keys: the attacker of the pings tests
            List<String[]> keys = new ArrayList<>();
            for (String t : names) {
                keys.add(in.stream().map(p -> cellOf(t, band, p, homes)).toArray(String[]::new));
            }
            leaks = LinkedAttacker.leaks(in.stream().mapToInt(Ping::device).toArray(), names, keys,
                    names.stream().map(published::get).toList(), k);
        } else {
            leaks = gridAttack(in, band, homes, names, published, k);
        }
        assertTrue(leaks.isEmpty(), band + " " + names + ": " + leaks);
    }

    private static String cellOf(String table, TimeBand band, Ping p, Map<Integer, String> homes) {
        boolean resident = p.ward().equals(homes.get(p.device()));
        return switch (table) {
            case "aggregate" -> p.ward() + "\t" + PrivateAggregationPropertiesTest.time(band, p.t());
            case "residents" -> resident ? p.ward() + "\t" + p.t().getHour() : null;
            default -> resident ? null : p.ward() + "\t" + p.t().getHour();
        };
    }

    /**
     * The attack for weekday, date and month: the attacker knows the published cells and which cells of the import's
     * tables are empty, not which combinations of band value and hour are (the import does not hold them). Atoms: every
     * combination (ward, band value, hour, resident or not) of non-empty cells, with its true devices (maybe none).
     */
    private static List<String> gridAttack(List<Ping> in, TimeBand band, Map<Integer, String> homes, List<String> names,
                                           Map<String, Set<String>> published, int k) {
        Map<String, Set<String>> bands = new TreeMap<>();
        Map<String, Set<String>> hours = new TreeMap<>();
        Map<String, Set<Integer>> devices = new HashMap<>();
        for (Ping p : in) {
            String flag = p.ward().equals(homes.get(p.device())) ? "residents" : "visitors";
            String b = PrivateAggregationPropertiesTest.time(band, p.t());
            bands.computeIfAbsent(p.ward(), x -> new TreeSet<>()).add(b);
            hours.computeIfAbsent(p.ward(), x -> new TreeSet<>()).add(p.t().getHour() + "|" + flag);
            devices.computeIfAbsent(p.ward() + "|" + b + "|" + p.t().getHour() + "|" + flag, x -> new LinkedHashSet<>()).add(p.device());
        }
        List<String> atoms = new ArrayList<>();
        List<Set<Integer>> atomDevices = new ArrayList<>();
        List<Map<String, List<Integer>>> cells = new ArrayList<>();
        names.forEach(x -> cells.add(new LinkedHashMap<>()));
        bands.forEach((ward, bs) -> {
            for (String b : bs) {
                for (String hf : hours.get(ward)) {
                    String name = ward + "|" + b + "|" + hf;
                    int a = atoms.size();
                    atoms.add(name);
                    atomDevices.add(devices.getOrDefault(name, Set.of()));
                    String hour = hf.substring(0, hf.indexOf('|'));
                    String flag = hf.substring(hf.indexOf('|') + 1);
                    for (int g = 0; g < names.size(); g++) {
                        String t = names.get(g);
                        String key = t.equals("aggregate") ? ward + "\t" + b : t.equals(flag) ? ward + "\t" + hour : null;
                        if (key != null) {
                            cells.get(g).computeIfAbsent(key, x -> new ArrayList<>()).add(a);
                        }
                    }
                }
            }
        });
        return LinkedAttacker.leaks(atoms, atomDevices, cells, names, names.stream().map(published::get).toList(), k);
    }

    @Property(tries = 20)
    void noSmallValueOfTheOdTablesIsDetermined(@ForAll @IntRange(min = 3, max = 60) int devices,
                                               @ForAll @IntRange(min = 3, max = 10) int k,
                                               @ForAll @IntRange(min = 2, max = 6) int releases,
                                               @ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        List<Ping> pings = commutes(rnd, devices);
        String ds = importBoth(pings, TimeBand.HOUR);
        // trips in Java: consecutive pings in wards of a device on a date (by time, then area) in different wards
        Map<String, List<Ping>> byDeviceDate = new TreeMap<>();
        for (Ping p : pings) {
            if (p.ward() != null) {
                byDeviceDate.computeIfAbsent(p.device() + "|" + p.t().toLocalDate(), x -> new ArrayList<>()).add(p);
            }
        }
        List<int[]> tripDevice = new ArrayList<>();
        List<String[]> trip = new ArrayList<>();
        TreeSet<String> dates = new TreeSet<>();
        for (List<Ping> day : byDeviceDate.values()) {
            day.sort(Comparator.comparing(Ping::t).thenComparing(Ping::ward));
            for (int i = 1; i < day.size(); i++) {
                if (!day.get(i).ward().equals(day.get(i - 1).ward())) {
                    tripDevice.add(new int[] {day.get(i).device()});
                    trip.add(new String[] {day.get(i - 1).ward() + "\t" + day.get(i).ward(), day.get(i).t().toLocalDate().toString()});
                    dates.add(day.get(i).t().toLocalDate().toString());
                }
            }
        }
        List<String> universe = new ArrayList<>(List.of("od"));
        dates.forEach(d -> universe.add("od:" + d));
        LocationService s = new LocationService(vault);
        Map<String, Set<String>> published = new LinkedHashMap<>();
        for (int i = 0; i < releases; i++) {
            String what = universe.get(rnd.nextInt(universe.size()));
            String date = what.equals("od") ? null : what.substring(3);
            LocationService.Result r = s.importedTable(ds, ScaleAggregates.Kind.OD, date, k, 1, NONE);
            s.recordView(r);
            shown(r.table(), published.computeIfAbsent(what, x -> new LinkedHashSet<>()));
        }
        universe.forEach(t -> published.putIfAbsent(t, Set.of()));
        List<String> names = new ArrayList<>(published.keySet());
        List<String[]> keys = new ArrayList<>();
        for (String t : names) {
            keys.add(trip.stream().map(x -> t.equals("od") || t.equals("od:" + x[1]) ? x[0] : null).toArray(String[]::new));
        }
        List<String> leaks = LinkedAttacker.leaks(tripDevice.stream().mapToInt(x -> x[0]).toArray(), names, keys,
                names.stream().map(published::get).toList(), k);
        assertTrue(leaks.isEmpty(), names + ": " + leaks);
    }

    /** Each device's home ward: most pings between 00:00 and 04:59, ties the smallest key. */
    private static Map<Integer, String> homes(List<Ping> pings) {
        Map<Integer, Map<String, Integer>> night = new HashMap<>();
        for (Ping p : pings) {
            if (p.ward() != null && p.t().getHour() < 5) {
                night.computeIfAbsent(p.device(), x -> new TreeMap<>()).merge(p.ward(), 1, Integer::sum);
            }
        }
        Map<Integer, String> out = new HashMap<>();
        night.forEach((d, m) -> {
            int best = m.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            out.put(d, m.entrySet().stream().filter(e -> e.getValue() == best).findFirst().orElseThrow().getKey());
        });
        return out;
    }
}
