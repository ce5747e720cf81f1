package jp.ebpm.analysis.privacy.location;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import jp.ebpm.analysis.gis.LayerImportOptions;
import jp.ebpm.analysis.gis.LayerImporter;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.LinkedAttacker;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Issue 12's linked-table property test through the real path: random pings are imported into a vault, a random
 * sequence of tables (wards, 1 km and 500 m meshes, a user rectangle and the same rectangle with a hole, by hour,
 * weekday, date or month; residents and visitors) is released with {@link LocationService}, and an attacker who
 * knows every published cell solves the equations exactly ({@link LinkedAttacker}, areas and homes computed
 * independently in Java with JTS and the JIS X 0410 formula). No suppressed cell (of the released tables, or of a
 * table releasable later from the same areas), atom or nested difference with 1 to k−1 devices may have a unique
 * solution.
 */
class LinkedReleaseSqlPropertiesTest {

    private static Path dir;
    private static Project project;
    private static UnlockedVault vault;
    private static AreaLayer rect;
    private static AreaLayer holed;
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final AreaLayer WARDS = AreaLayer.bundledWards();
    private static final GeometryFactory GF = new GeometryFactory();
    // central Nakahara; the hole in the middle of the rectangle
    private static final double[] RECT = {139.640, 35.565, 139.680, 35.595};
    private static final double[] HOLE = {139.655, 35.577, 139.665, 35.583};

    record Release(String op, AreaLevel level, String layer, TimeBand band) {
        String name() {
            return op + "×" + level.id() + (layer == null ? "" : ":" + layer) + "×" + band.id();
        }
    }

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("wb-linked-prop");
        project = Project.create(dir.resolve("project"));
        vault = UnlockedVault.openOrCreate(project, "linked property test passphrase".toCharArray());
        Path a = dir.resolve("rect.geojson");
        Files.writeString(a, layer(null));
        Path b = dir.resolve("rect_hole.geojson");
        Files.writeString(b, layer(HOLE));
        LayerImporter.importLayer(project, a, LayerImportOptions.defaults().withName("rect"), ProgressListener.NONE, Cancellation.none());
        LayerImporter.importLayer(project, b, LayerImportOptions.defaults().withName("rect_hole"), ProgressListener.NONE,
                Cancellation.none());
        rect = AreaLayer.fromProject(project, "rect", "code");
        holed = AreaLayer.fromProject(project, "rect_hole", "code");
    }

    private static String layer(double[] hole) {
        String rings = "[" + ring(RECT) + (hole == null ? "" : "," + ring(hole)) + "]";
        return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"R\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + rings + "}}]}";
    }

    private static String ring(double[] b) {
        return String.format(Locale.ROOT, "[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]",
                b[0], b[1], b[2], b[1], b[2], b[3], b[0], b[3], b[0], b[1]);
    }

    @AfterContainer
    static void close() throws IOException {
        vault.close();
        project.close();
        PrivacyTestData.deleteTree(dir);
    }

    /** Imports the pings as a new dataset; returns its name. */
    private static String importPings(String prefix, List<Ping> pings) throws IOException {
        List<String> lines = new ArrayList<>(List.of("user_id,datetime,latitude,longitude"));
        for (Ping p : pings) {
            lines.add(String.format(Locale.ROOT, "u%d,%s:00,%.7f,%.7f", p.device(), p.t().toString().replace('T', ' '), p.lat(), p.lon()));
        }
        String name = prefix + SEQ.incrementAndGet();
        Path csv = dir.resolve(name + ".csv");
        Files.write(csv, lines);
        PingImporter.importPings(vault, csv, LocationImportOptions.detect(name, LocationImportOptions.Kind.PINGS),
                (m, a, b) -> { }, Cancellation.none());
        Files.delete(csv);
        return name;
    }

    /** Adds the keys of the cells a table publishes with numbers. */
    private static void shown(ProtectedTable t, Set<String> into) {
        for (ProtectedTable.Cell c : t.cells()) {
            if (!c.suppressed() && c.persons() > 0) {
                into.add(c.row() + "\t" + c.col());
            }
        }
    }

    private static final List<Release> UNIVERSE = universe();

    private static List<Release> universe() {
        List<Release> u = new ArrayList<>();
        for (TimeBand b : TimeBand.values()) {
            u.add(new Release("aggregate", AreaLevel.WARD, null, b));
            u.add(new Release("aggregate", AreaLevel.MESH3, null, b));
            u.add(new Release("aggregate", AreaLevel.MESH4, null, b));
            u.add(new Release("aggregate", AreaLevel.SMALL_AREA, "rect", b));
            u.add(new Release("aggregate", AreaLevel.SMALL_AREA, "rect_hole", b));
        }
        for (String who : List.of("residents", "visitors")) {
            u.add(new Release(who, AreaLevel.WARD, null, TimeBand.HOUR));
            u.add(new Release(who, AreaLevel.SMALL_AREA, "rect", TimeBand.HOUR));
        }
        return u;
    }

    record Ping(int device, LocalDateTime t, double lat, double lon) {
    }

    @Property(tries = 12)
    void noSmallValueIsDeterminedByTheReleasedTables(@ForAll @IntRange(min = 3, max = 40) int devices,
                                                     @ForAll @IntRange(min = 3, max = 10) int k,
                                                     @ForAll @IntRange(min = 2, max = 5) int releases,
                                                     @ForAll long seed) throws IOException {
        Random rnd = new Random(seed);
        List<Coordinate> spots = List.of(new Coordinate(139.6601, 35.5801), new Coordinate(139.645, 35.570),
                new Coordinate(139.672, 35.590), new Coordinate(139.700, 35.530), new Coordinate(139.60, 35.59));
        List<Ping> pings = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            Coordinate home = spots.get(rnd.nextInt(spots.size()));
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                Coordinate c = rnd.nextDouble() < 0.6 ? home : spots.get(rnd.nextInt(spots.size()));
                double lon = c.x + (rnd.nextDouble() - 0.5) * 0.008;
                double lat = c.y + (rnd.nextDouble() - 0.5) * 0.006;
                LocalDateTime t = LocalDateTime.of(2026, 4 + rnd.nextInt(2), 28 + rnd.nextInt(3), rnd.nextInt(6) * 4, rnd.nextInt(3));
                pings.add(new Ping(d, t, lat, lon));
            }
        }
        String name = importPings("d", pings);
        LocationService s = new LocationService(vault);
        Map<Release, Set<String>> published = new LinkedHashMap<>();
        for (int i = 0; i < releases; i++) {
            Release r = UNIVERSE.get(rnd.nextInt(UNIVERSE.size()));
            AreaLayer layer = r.layer() == null ? WARDS : r.layer().equals("rect") ? rect : holed;
            LocationService.Result res = switch (r.op()) {
                case "aggregate" -> s.aggregate(name, r.level(), layer, r.band(), k, 1, Cancellation.none());
                default -> s.presence(name, r.level(), layer, r.op().equals("residents"), k, 1, Cancellation.none());
            };
            s.recordView(res);
            shown(res.table(), published.computeIfAbsent(r, x -> new LinkedHashSet<>()));
        }
        List<Release> rs = new ArrayList<>(published.keySet());
        for (Release r : potential(rs)) {
            rs.add(r);
            published.put(r, Set.of());
        }
        int[] device = pings.stream().mapToInt(Ping::device).toArray();
        List<String[]> keys = new ArrayList<>();
        for (Release r : rs) {
            Map<Integer, String> homes = homes(pings, r);
            keys.add(pings.stream().map(p -> key(r, p, homes)).toArray(String[]::new));
        }
        List<String> leaks = LinkedAttacker.leaks(device, rs.stream().map(Release::name).toList(), keys,
                rs.stream().map(published::get).toList(), k);
        assertTrue(leaks.isEmpty(), rs.stream().map(Release::name).toList() + ": " + leaks);
    }

    /**
     * Dwell time tables of the wards by random time bands. Every device has at most one ping per date, so every
     * ping inside a ward is one stay (starting at the ping), which the attacker can key without the stay rules.
     */
    @Property(tries = 8)
    void noSmallDwellValueIsDeterminedByTheReleasedTables(@ForAll @IntRange(min = 3, max = 40) int devices,
                                                          @ForAll @IntRange(min = 3, max = 10) int k,
                                                          @ForAll @IntRange(min = 2, max = 4) int releases,
                                                          @ForAll long seed) throws IOException {
        Random rnd = new Random(seed);
        List<Coordinate> spots = List.of(new Coordinate(139.645, 35.570), new Coordinate(139.700, 35.530));
        List<Ping> pings = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            List<LocalDateTime> days = new ArrayList<>(List.of(LocalDateTime.of(2026, 4, 29, 0, 0), LocalDateTime.of(2026, 4, 30, 0, 0),
                    LocalDateTime.of(2026, 5, 1, 0, 0), LocalDateTime.of(2026, 5, 2, 0, 0)));
            java.util.Collections.shuffle(days, rnd);
            for (LocalDateTime day : days.subList(0, 1 + rnd.nextInt(3))) {
                Coordinate c = spots.get(rnd.nextInt(spots.size()));
                double lon = c.x + (rnd.nextDouble() - 0.5) * 0.01;
                double lat = c.y + (rnd.nextDouble() - 0.5) * 0.008;
                LocalDateTime t = day.plusHours(rnd.nextInt(3) * 8);
                pings.add(new Ping(d, t, lat, lon));
            }
        }
        String name = importPings("w", pings);
        LocationService s = new LocationService(vault);
        Map<TimeBand, Set<String>> published = new LinkedHashMap<>();
        for (int i = 0; i < releases; i++) {
            TimeBand band = TimeBand.values()[rnd.nextInt(TimeBand.values().length)];
            LocationService.Result res = s.dwell(name, AreaLevel.WARD, WARDS, band, k, 1, Cancellation.none());
            s.recordView(res);
            shown(res.table(), published.computeIfAbsent(band, x -> new LinkedHashSet<>()));
        }
        for (TimeBand b : TimeBand.values()) {
            published.putIfAbsent(b, Set.of()); // tables releasable later: protected too
        }
        List<TimeBand> bands = new ArrayList<>(published.keySet());
        int[] device = pings.stream().mapToInt(Ping::device).toArray();
        List<String[]> keys = new ArrayList<>();
        for (TimeBand b : bands) {
            keys.add(pings.stream().map(p -> {
                String a = PrivateAggregationPropertiesTest.area(AreaLevel.WARD, p.lat(), p.lon());
                return a == null ? null : a + "\t" + PrivateAggregationPropertiesTest.time(b, p.t());
            }).toArray(String[]::new));
        }
        List<String> leaks = LinkedAttacker.leaks(device, bands.stream().map(b -> "dwell×" + b.id()).toList(), keys,
                bands.stream().map(published::get).toList(), k);
        assertTrue(leaks.isEmpty(), bands + ": " + leaks);
    }

    /**
     * Tables releasable later from the same areas (every time band; the 1 km mesh of 500 m meshes; residents and
     * visitors of a layer of presence tables): the guard protects their small cells too.
     */
    private static List<Release> potential(List<Release> released) {
        List<Release> out = new ArrayList<>();
        for (Release r : released) {
            for (TimeBand b : TimeBand.values()) {
                out.add(new Release("aggregate", r.level(), r.layer(), b));
                if (r.level() == AreaLevel.MESH4) {
                    out.add(new Release("aggregate", AreaLevel.MESH3, null, b));
                }
            }
            if (!r.op().equals("aggregate")) {
                out.add(new Release("residents", r.level(), r.layer(), TimeBand.HOUR));
                out.add(new Release("visitors", r.level(), r.layer(), TimeBand.HOUR));
            }
        }
        return out.stream().distinct().filter(r -> !released.contains(r)).toList();
    }

    /** The area of a ping in a release's spatial partition (null when outside). */
    private static String area(Release r, Ping p) {
        if (r.layer() == null) {
            return PrivateAggregationPropertiesTest.area(r.level(), p.lat(), p.lon());
        }
        Geometry g = (r.layer().equals("rect") ? rect : holed).areas().get(0).geometry();
        return g.intersects(GF.createPoint(new Coordinate(p.lon(), p.lat()))) ? "R" : null;
    }

    /** Each device's home area in the release's layer: most pings between 00:00 and 04:59, ties the smallest key. */
    private static Map<Integer, String> homes(List<Ping> pings, Release r) {
        Map<Integer, Map<String, Integer>> night = new HashMap<>();
        for (Ping p : pings) {
            String a = area(r, p);
            if (a != null && p.t().getHour() < 5) {
                night.computeIfAbsent(p.device(), x -> new TreeMap<>()).merge(a, 1, Integer::sum);
            }
        }
        Map<Integer, String> out = new HashMap<>();
        night.forEach((d, m) -> {
            int best = m.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            out.put(d, m.entrySet().stream().filter(e -> e.getValue() == best).findFirst().orElseThrow().getKey());
        });
        return out;
    }

    private static String key(Release r, Ping p, Map<Integer, String> homes) {
        String a = area(r, p);
        if (a == null) {
            return null;
        }
        if (r.op().equals("residents") && !a.equals(homes.get(p.device())) || r.op().equals("visitors") && a.equals(homes.get(p.device()))) {
            return null;
        }
        return a + "\t" + PrivateAggregationPropertiesTest.time(r.band(), p.t());
    }
}
