package jp.ebpm.analysis.privacy.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.ebpm.analysis.gis.LayerImportOptions;
import jp.ebpm.analysis.gis.LayerImporter;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.CountTable;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * The two attacks of issue 16 part 2, replayed as a user would: ordinary exports of guarded tables from
 * one private dataset, then arithmetic on the exported files. Before the linked-release guard both
 * recovered suppressed values exactly (44 of 44 visitor cells; the one device in the hole of a rectangle).
 */
class LinkedReleaseAttackIT {

    private static final char[] PASS = "linked release attack passphrase".toCharArray();
    private static final int K = 10;

    /** One published or suppressed cell as read back from an exported CSV: null numbers when χ. */
    record Read(Long count, Long persons) {
        boolean published() {
            return persons != null;
        }
    }

    static Map<String, Read> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int persons = header.size() - 1;
        int count = header.size() - 2;
        Map<String, Read> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.put(f[0] + "\t" + f[1], new Read(number(f[count]), number(f[persons])));
        }
        return out;
    }

    private static Long number(String s) {
        return ProtectedTable.SUPPRESSED.equals(s) ? null : Long.valueOf(s);
    }

    static Map<String, CountTable.Cell> truth(CountTable t) {
        Map<String, CountTable.Cell> m = new HashMap<>();
        for (CountTable.Cell c : t.cells()) {
            m.put(c.row() + "\t" + c.col(), c);
        }
        return m;
    }

    /**
     * Attack 1: all devices, residents and visitors per ward × hour are exported (in three orders). A suppressed
     * visitors (residents) cell must not equal all-devices minus residents (visitors) when both are published.
     */
    @ParameterizedTest
    @ValueSource(strings = {"all,residents,visitors", "visitors,residents,all", "residents,all,visitors"})
    void suppressedVisitorsAreNotAllMinusResidents(String order, @TempDir Path dir) throws IOException {
        Path sample = SampleProject.locateSampleData().orElseThrow().resolve("location/pings-sample.csv");
        try (Project p = Project.create(dir.resolve("project")); UnlockedVault v = UnlockedVault.openOrCreate(p, PASS)) {
            PingImporter.importPings(v, sample, LocationImportOptions.detect("pings", LocationImportOptions.Kind.PINGS),
                    (m, a, b) -> { }, Cancellation.none());
            LocationService s = new LocationService(v);
            AreaLayer wards = AreaLayer.bundledWards();
            Map<String, Path> files = new HashMap<>();
            for (String what : order.split(",")) {
                LocationService.Result r = switch (what) {
                    case "all" -> s.aggregate("pings", AreaLevel.WARD, wards, TimeBand.HOUR, K, 1, Cancellation.none());
                    case "residents" -> s.presence("pings", AreaLevel.WARD, wards, true, K, 1, Cancellation.none());
                    default -> s.presence("pings", AreaLevel.WARD, wards, false, K, 1, Cancellation.none());
                };
                Path out = dir.resolve(what + ".csv");
                s.export(r, out);
                files.put(what, out);
            }
            Map<String, Read> all = readCsv(files.get("all"));
            Map<String, Read> res = readCsv(files.get("residents"));
            Map<String, Read> vis = readCsv(files.get("visitors"));
            Map<String, CountTable.Cell> trueRes = truth(LocationQueries.presence(v, "pings", wards, true, Cancellation.none()));
            Map<String, CountTable.Cell> trueVis = truth(LocationQueries.presence(v, "pings", wards, false, Cancellation.none()));
            int suppressedSmall = 0;
            List<String> recovered = new ArrayList<>();
            for (String key : all.keySet()) {
                recovered.addAll(recover(key, all.get(key), res.get(key), vis.get(key), trueVis.get(key), "visitors"));
                recovered.addAll(recover(key, all.get(key), vis.get(key), res.get(key), trueRes.get(key), "residents"));
                CountTable.Cell tv = trueVis.get(key);
                if (tv != null && tv.persons() < K) {
                    suppressedSmall++;
                }
            }
            assertTrue(suppressedSmall > 0, "the sample must have small visitor cells for the attack to mean something");
            assertEquals(List.of(), recovered, "suppressed cells recovered as a difference of published cells");
        }
    }

    /** The part (e.g. visitors) recovered as whole minus other part when both are published. */
    static List<String> recover(String key, Read whole, Read other, Read part, CountTable.Cell truth, String what) {
        if (part.published() || !whole.published() || !other.published() || truth == null || truth.persons() >= K) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (whole.persons() - other.persons() == truth.persons()) {
            out.add(what + " devices " + key.replace('\t', '@') + " = " + truth.persons());
        }
        if (whole.count() - other.count() == truth.count()) {
            out.add(what + " pings " + key.replace('\t', '@') + " = " + truth.count());
        }
        return out;
    }

    /**
     * Attack 2: two user-imported area layers, a rectangle and the same rectangle with a 930 m × 760 m hole,
     * are both exported by hour. Their difference must not show the one device at home in the hole.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void rectangleMinusRectangleWithHoleDoesNotShowTheHole(boolean rectangleFirst, @TempDir Path dir) throws IOException {
        // rectangle around central Nakahara; the hole in its middle (1° lon ≈ 90.8 km, 1° lat ≈ 111 km at 35.58° N)
        double x0 = 139.640;
        double x1 = 139.680;
        double y0 = 35.565;
        double y1 = 35.595;
        double hx0 = 139.660 - 0.00512;
        double hx1 = 139.660 + 0.00512;
        double hy0 = 35.580 - 0.00342;
        double hy1 = 35.580 + 0.00342;
        Path rect = dir.resolve("rect.geojson");
        Files.writeString(rect, featureCollection(ring(x0, y0, x1, y1), null));
        Path holed = dir.resolve("rect_hole.geojson");
        Files.writeString(holed, featureCollection(ring(x0, y0, x1, y1), ring(hx0, hy0, hx1, hy1)));
        List<String> lines = new ArrayList<>(List.of("device_id,timestamp,lat,lon"));
        java.util.Random rnd = new java.util.Random(16);
        for (int d = 0; d < 15; d++) {
            // 15 devices in the rectangle but outside the hole, every night and morning of a week
            for (int day = 6; day <= 12; day++) {
                for (int h : new int[] {1, 4, 9, 13}) {
                    double lon = 139.645 + rnd.nextDouble() * 0.004;
                    double lat = 35.567 + rnd.nextDouble() * 0.02;
                    lines.add(String.format(Locale.ROOT, "D%02d,2026-04-%02d %02d:%02d:00,%.7f,%.7f", d, day, h, rnd.nextInt(60), lat, lon));
                }
            }
        }
        // the one device at home in the hole: 3 pings at 01:00 and 04:00
        lines.add("HOME1,2026-04-07 01:10:00,35.5801,139.6601");
        lines.add("HOME1,2026-04-07 01:40:00,35.5802,139.6602");
        lines.add("HOME1,2026-04-07 04:20:00,35.5801,139.6599");
        Path csv = PrivacyTestData.write(dir.resolve("pings.csv"), lines);
        try (Project p = Project.create(dir.resolve("project")); UnlockedVault v = UnlockedVault.openOrCreate(p, PASS)) {
            LayerImporter.importLayer(p, rect, LayerImportOptions.defaults().withName("rect"), ProgressListener.NONE, Cancellation.none());
            LayerImporter.importLayer(p, holed, LayerImportOptions.defaults().withName("rect_hole"), ProgressListener.NONE,
                    Cancellation.none());
            PingImporter.importPings(v, csv, LocationImportOptions.detect("pings", LocationImportOptions.Kind.PINGS),
                    (m, a, b) -> { }, Cancellation.none());
            LocationService s = new LocationService(v);
            AreaLayer a = AreaLayer.fromProject(p, "rect", "code");
            AreaLayer b = AreaLayer.fromProject(p, "rect_hole", "code");
            Path fa = dir.resolve("rect.csv");
            Path fb = dir.resolve("rect_hole.csv");
            for (AreaLayer layer : rectangleFirst ? List.of(a, b) : List.of(b, a)) {
                LocationService.Result r = s.aggregate("pings", AreaLevel.SMALL_AREA, layer, TimeBand.HOUR, K, 1, Cancellation.none());
                s.export(r, layer == a ? fa : fb);
            }
            Map<String, Read> ra = readCsv(fa);
            Map<String, Read> rb = readCsv(fb);
            List<String> revealed = new ArrayList<>();
            int bothPublished = 0;
            for (int h = 0; h < 24; h++) {
                Read whole = ra.get("R\t" + h);
                Read part = rb.get("R\t" + h);
                if (!whole.published() || !part.published()) {
                    continue;
                }
                bothPublished++;
                long devices = whole.persons() - part.persons();
                long pings = whole.count() - part.count();
                if (devices > 0 && devices < K || pings > 0 && (h == 1 || h == 4)) {
                    revealed.add(h + " h: " + devices + " device(s), " + pings + " ping(s) in the hole");
                }
            }
            assertTrue(bothPublished > 0, "the hours without the hole device stay published in both layers");
            assertEquals(List.of(), revealed);
        }
    }

    private static String ring(double x0, double y0, double x1, double y1) {
        return String.format(Locale.ROOT, "[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]",
                x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    }

    private static String featureCollection(String shell, String hole) {
        String rings = hole == null ? "[" + shell + "]" : "[" + shell + "," + hole + "]";
        return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"R\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + rings + "}}]}";
    }

    @Test
    void sampleDataIsFound() {
        assertTrue(SampleProject.locateSampleData().isPresent(), "sample-data folder");
    }
}
