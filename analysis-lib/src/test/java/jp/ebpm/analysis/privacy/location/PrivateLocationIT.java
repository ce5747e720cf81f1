package jp.ebpm.analysis.privacy.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.audit.AuditLog;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.privacy.guard.SqlConsoleGuard;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.task.Cancellation;

class PrivateLocationIT {

    private static final char[] PASS = "a long test passphrase".toCharArray();
    private static final String KAWASAKI = "14131";
    private static final String NAKAHARA = "14133";

    /**
     * 5 devices commute 川崎区 → 中原区 → 川崎区 on 2026-04-06 (08:00, 12:00, 19:00), plus 2 devices
     * that only stay in 中原区 at 12:xx. Raw ids and coordinates have distinctive strings.
     */
    private static List<String> commuters(List<String> rawIds, List<String> coordStrings) {
        Coordinate k = PrivacyTestData.inside(KAWASAKI);
        Coordinate n = PrivacyTestData.inside(NAKAHARA);
        List<String> lines = new ArrayList<>(List.of("端末ID,日時,緯度,経度,性別"));
        for (int d = 0; d < 7; d++) {
            String id = "RAWID-Zq" + d + "-unique-7f3a9";
            rawIds.add(id);
            double jitter = d * 0.000123456789;
            String kLat = String.format(Locale.ROOT, "%.12f", k.y + jitter);
            String kLon = String.format(Locale.ROOT, "%.12f", k.x + jitter);
            String nLat = String.format(Locale.ROOT, "%.12f", n.y + jitter);
            String nLon = String.format(Locale.ROOT, "%.12f", n.x + jitter);
            coordStrings.addAll(List.of(kLat, kLon, nLat, nLon));
            if (d < 5) {
                lines.add(id + ",2026-04-06 08:00:00," + kLat + "," + kLon + ",F");
                lines.add(id + ",2026-04-06 12:00:00," + nLat + "," + nLon + ",F");
                lines.add(id + ",2026-04-06 19:00:00," + kLat + "," + kLon + ",F");
            } else {
                lines.add(id + ",2026-04-06 12:30:00," + nLat + "," + nLon + ",M");
            }
        }
        return lines;
    }

    @Test
    void importAggregateOdAndNoRawValueOnDisk(@TempDir Path dir) throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> coords = new ArrayList<>();
        Path src = Files.createDirectories(dir.resolve("src"));
        Path csv = PrivacyTestData.write(src.resolve("pings.csv"), commuters(ids, coords));
        Path projectDir = dir.resolve("project");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long started = System.currentTimeMillis();
        try (Project p = Project.create(projectDir); UnlockedVault v = UnlockedVault.openOrCreate(p, PASS)) {
            DatasetInfo info = PingImporter.importPings(v, csv, LocationImportOptions.detect("pings", LocationImportOptions.Kind.PINGS),
                    (m, a, b) -> { }, Cancellation.none());
            assertEquals(17, info.rowCount()); // 5 × 3 + 2 rows
            assertEquals(Sensitivity.PRIVATE, info.sensitivity());
            assertTrue(Files.isRegularFile(projectDir.resolve("private").resolve(info.property(UnlockedVault.ENCRYPTED_FILE))));
            assertEquals(List.of("pid", "ts", "lat", "lon", "sex"), info.columnNames());

            LocationService s = new LocationService(v);
            AreaLayer wards = AreaLayer.bundledWards();
            LocationService.Result agg = s.aggregate("pings", AreaLevel.WARD, wards, TimeBand.HOUR, 3, 1, Cancellation.none());
            Map<String, ProtectedTable.Cell> cells = new HashMap<>();
            agg.table().cells().forEach(c -> cells.put(c.row() + "@" + c.col(), c));
            assertEquals(7 * 24, agg.table().cells().size()); // 7 wards × 24 hours, full grid
            // 中原区 at 12 h: 7 devices (5 commuters + 2 locals), 7 pings — hand count of the rows above
            assertEquals(7L, cells.get(NAKAHARA + "@12").persons());
            assertEquals(7L, cells.get(NAKAHARA + "@12").count());
            // 川崎区 at 8 h: the 5 commuters
            assertEquals(5L, cells.get(KAWASAKI + "@8").persons());
            Path out = dir.resolve("agg.csv");
            s.export(agg, out);
            List<String> csvOut = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertEquals("area,time,pings,devices", csvOut.get(0));

            LocationService.Result od = s.od("pings", wards, 3, 1, Cancellation.none());
            Map<String, ProtectedTable.Cell> odCells = new HashMap<>();
            od.table().cells().forEach(c -> odCells.put(c.row() + ">" + c.col(), c));
            // each commuter makes one trip 川崎区→中原区 and one back on 2026-04-06 (hand count)
            assertEquals(5L, odCells.get(KAWASAKI + ">" + NAKAHARA).persons());
            assertEquals(5L, odCells.get(KAWASAKI + ">" + NAKAHARA).count());
            assertEquals(5L, odCells.get(NAKAHARA + ">" + KAWASAKI).persons());
            Path odOut = dir.resolve("od.csv");
            s.export(od, odOut);
            assertEquals("origin,destination,devices,trips", Files.readAllLines(odOut).get(0));

            assertTrue(new AuditLog(p).verify(v.auditKey()).ok());
            assertEquals(2, new AuditLog(p).read().size());

            // the plain database has no private rows: SQL cannot read them, the data view refuses
            assertThrows(WorkbenchException.class, () -> p.query("SELECT * FROM pings", 10, Cancellation.none()));
            assertThrows(WorkbenchException.class, () -> p.catalog().page("pings", 0, 10));
            assertThrows(WorkbenchException.class, () -> SqlConsoleGuard.checkPlainQuery(p, "select count(*) from Pings"));
            SqlConsoleGuard.checkPlainQuery(p, "select * from pings_summary_open");

        }
        // scan every file in the project folder and every file the run left in the temp directory
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(projectDir)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(tmp, 3)) {
            s.filter(Files::isRegularFile).filter(f -> !f.startsWith(dir.resolve("src")))
                    .filter(f -> modifiedSince(f, started)).forEach(files::add);
        }
        for (Path f : files) {
            if (f.startsWith(dir.resolve("src"))) {
                continue;
            }
            String bytes;
            try {
                bytes = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
            } catch (java.nio.file.NoSuchFileException gone) {
                continue; // another process's temporary file (the machine is shared), deleted since the listing
            }
            for (String id : ids) {
                assertFalse(bytes.contains(id), "raw id in " + f.getFileName());
                assertFalse(bytes.contains(new String(id.getBytes(StandardCharsets.UTF_16LE), java.nio.charset.StandardCharsets.ISO_8859_1)));
            }
            for (String c : coords) {
                assertFalse(bytes.contains(c.substring(0, c.length() - 2)), "raw coordinate in " + f.getFileName());
            }
        }
    }

    private static boolean modifiedSince(Path f, long t) {
        try {
            return Files.getLastModifiedTime(f).toMillis() >= t - 1000 && Files.size(f) < 200_000_000L;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void encryptedDataNeedsThePassphraseAndDetectsTampering(@TempDir Path dir) throws Exception {
        Path csv = PrivacyTestData.write(dir.resolve("p.csv"), commuters(new ArrayList<>(), new ArrayList<>()));
        Path projectDir = dir.resolve("project");
        String file;
        try (Project p = Project.create(projectDir); UnlockedVault v = UnlockedVault.openOrCreate(p, PASS)) {
            file = PingImporter.importPings(v, csv, LocationImportOptions.detect("pings", LocationImportOptions.Kind.PINGS),
                    (m, a, b) -> { }, Cancellation.none()).property(UnlockedVault.ENCRYPTED_FILE);
        }
        try (Project p = Project.open(projectDir)) {
            WorkbenchException wrong = assertThrows(WorkbenchException.class,
                    () -> UnlockedVault.unlock(p, "not the passphrase".toCharArray()));
            assertTrue(wrong.getMessage().contains("passphrase is wrong"));
            try (UnlockedVault v = UnlockedVault.unlock(p, PASS)) {
                LocationService.Result r = new LocationService(v).aggregate("pings", AreaLevel.MESH3, null, TimeBand.DATE, 3, 1,
                        Cancellation.none());
                assertFalse(r.table().cells().isEmpty());
            }
            Path enc = projectDir.resolve("private").resolve(file);
            try (RandomAccessFile raf = new RandomAccessFile(enc.toFile(), "rw")) {
                raf.seek(raf.length() / 2);
                int b = raf.read();
                raf.seek(raf.length() / 2);
                raf.write(b ^ 0x40);
            }
            try (UnlockedVault v = UnlockedVault.unlock(p, PASS)) {
                WorkbenchException e = assertThrows(WorkbenchException.class, () -> v.load("pings", Cancellation.none()));
                assertTrue(e.getMessage().contains("cannot be opened"), e.getMessage());
            }
        }
    }

    @Test
    void badValueErrorNamesLineAndColumnButNotTheValue(@TempDir Path dir) throws Exception {
        Path csv = PrivacyTestData.write(dir.resolve("bad.csv"), List.of("device_id,timestamp,lat,lon",
                "SECRET-ID-1,2026-04-06 08:00:00,35.5,139.7", "SECRET-ID-2,2026-04-06 08:00:00,north-35.123456,139.7"));
        try (Project p = Project.create(dir.resolve("project")); UnlockedVault v = UnlockedVault.openOrCreate(p, PASS)) {
            WorkbenchException e = assertThrows(WorkbenchException.class, () -> PingImporter.importPings(v, csv,
                    LocationImportOptions.detect("pings", LocationImportOptions.Kind.PINGS), (m, a, b) -> { }, Cancellation.none()));
            assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("lat"), e.getMessage());
            assertFalse(e.getMessage().contains("SECRET") || e.getMessage().contains("35.123456"), e.getMessage());
            assertTrue(p.catalog().find("pings").isEmpty());
        }
    }

    @Test
    void dwellTimeAndResidentsVersusVisitors(@TempDir Path dir) throws Exception {
        List<String> lines = commuters(new ArrayList<>(), new ArrayList<>());
        Coordinate k = PrivacyTestData.inside(KAWASAKI);
        // three devices sleep in 川崎区 (pings at 02:00 on two nights) and are there again at 08:00
        for (int d = 0; d < 3; d++) {
            lines.add("NIGHT" + d + ",2026-04-06 02:00:00," + k.y + "," + k.x + ",M");
            lines.add("NIGHT" + d + ",2026-04-07 02:00:00," + k.y + "," + k.x + ",M");
            lines.add("NIGHT" + d + ",2026-04-07 08:00:00," + k.y + "," + k.x + ",M");
        }
        Path csv = PrivacyTestData.write(dir.resolve("p.csv"), lines);
        try (Project p = Project.create(dir.resolve("project")); UnlockedVault v = UnlockedVault.openOrCreate(p, PASS)) {
            PingImporter.importPings(v, csv, LocationImportOptions.detect("pings", LocationImportOptions.Kind.PINGS),
                    (m, a, b) -> { }, Cancellation.none());
            AreaLayer wards = AreaLayer.bundledWards();
            Map<String, jp.ebpm.analysis.privacy.guard.CountTable.Cell> dwell = new HashMap<>();
            LocationQueries.dwell(v, "pings", wards, TimeBand.HOUR, Cancellation.none()).cells()
                    .forEach(c -> dwell.put(c.row() + "@" + c.col(), c));
            // hand computation: 5 commuters stay in 川崎区 08:00–12:00 = 240 min each → 1,200 min
            assertEquals(1200L, dwell.get(KAWASAKI + "@8").count());
            assertEquals(5L, dwell.get(KAWASAKI + "@8").persons());
            // the 3 sleepers: on 04-07 one stay 02:00–08:00 (same area, so the 08:00 ping continues it) = 360 min,
            // on 04-06 a single ping (0 min); arrival hour 2 → 3 × 360 = 1,080 min
            assertEquals(1080L, dwell.get(KAWASAKI + "@2").count());
            assertEquals(3L, dwell.get(KAWASAKI + "@2").persons());
            // 中原区 from 12:00 to 19:00 = 420 min × 5 commuters; the 2 locals have one ping (0 min)
            assertEquals(2100L, dwell.get(NAKAHARA + "@12").count());
            assertEquals(7L, dwell.get(NAKAHARA + "@12").persons());

            Map<String, Long> residents = new HashMap<>();
            LocationQueries.presence(v, "pings", wards, true, Cancellation.none()).cells()
                    .forEach(c -> residents.put(c.row() + "@" + c.col(), c.persons()));
            Map<String, Long> visitors = new HashMap<>();
            LocationQueries.presence(v, "pings", wards, false, Cancellation.none()).cells()
                    .forEach(c -> visitors.put(c.row() + "@" + c.col(), c.persons()));
            // only the 3 sleepers have a home (川崎区, seen at 02:00); the commuters are never seen at night
            assertEquals(3L, residents.get(KAWASAKI + "@8"));
            assertEquals(5L, visitors.get(KAWASAKI + "@8"));
            assertEquals(3L, residents.get(KAWASAKI + "@2"));
            assertEquals(null, residents.get(NAKAHARA + "@12"));
            assertEquals(7L, visitors.get(NAKAHARA + "@12"));
        }
    }

    @Test
    void parquetImport(@TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("pings.parquet");
        try (jp.ebpm.analysis.store.MemoryStore m = jp.ebpm.analysis.store.MemoryStore.open(null);
             java.sql.Connection c = m.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 'PQ-' || (i % 12) AS uid, TIMESTAMP '2026-04-06 10:00:00' + to_minutes(i) AS \"time\","
                    + " 35.53 AS lat, 139.70 AS lng FROM range(100) t(i)) TO " + jp.ebpm.analysis.store.Sql.literal(parquet.toString())
                    + " (FORMAT parquet)");
        }
        try (Project p = Project.create(dir.resolve("project")); UnlockedVault v = UnlockedVault.openOrCreate(p, PASS)) {
            DatasetInfo info = PingImporter.importPings(v, parquet, LocationImportOptions.detect("pq", LocationImportOptions.Kind.PINGS),
                    (m, a, b) -> { }, Cancellation.none());
            assertEquals(100, info.rowCount());
            LocationService.Result r = new LocationService(v).aggregate("pq", AreaLevel.MESH3, null, TimeBand.DATE, 3, 1,
                    Cancellation.none());
            // 100 pings of 12 devices (i mod 12), all in mesh 53392536 on 2026-04-06
            assertEquals(100L, r.table().cells().get(0).count());
            assertEquals(12L, r.table().cells().get(0).persons());
        }
    }

    @Test
    void cp932TabSeparatedWithJapaneseHeaders(@TempDir Path dir) throws Exception {
        Path tsv = dir.resolve("sjis.tsv");
        Files.write(tsv, List.of("利用者ID\t測位日時\t緯度\t経度\t年代", "ユーザー①\t2026/04/06 08:00:00\t35.53\t139.70\t30代",
                "ユーザー②\t2026-04-06T09:00:00+00:00\t35.53\t139.70\t40代"), jp.ebpm.analysis.io.TextEncoding.CP932.charset());
        try (Project p = Project.create(dir.resolve("project")); UnlockedVault v = UnlockedVault.openOrCreate(p, PASS)) {
            DatasetInfo info = PingImporter.importPings(v, tsv, LocationImportOptions.detect("sj", LocationImportOptions.Kind.PINGS),
                    (m, a, b) -> { }, Cancellation.none());
            assertEquals("CP932", info.encoding());
            assertEquals(List.of("pid", "ts", "lat", "lon", "age_band"), info.columnNames());
            // 09:00 UTC is 18:00 in Japan: the hour table must have one ping at 8 and one at 18
            LocationService.Result r = new LocationService(v).aggregate("sj", AreaLevel.MESH3, null, TimeBand.HOUR, 3, 1,
                    Cancellation.none());
            long at18 = r.table().source().cells().stream().filter(c -> c.col().equals("18")).mapToLong(c -> c.count()).sum();
            assertEquals(1, at18);
        }
    }

    @Test
    void meshPopulationImportAndAggregate(@TempDir Path dir) throws Exception {
        Path csv = PrivacyTestData.write(dir.resolve("mesh.csv"), List.of("mesh_code,date,hour,population,male",
                "533925361,2026-04-06,8,120,60", "533925362,2026-04-06,8,30,10", "533925363,2026-04-06,8,4,2",
                "53392537,2026-04-06,8,5,1"));
        try (Project p = Project.create(dir.resolve("project")); UnlockedVault v = UnlockedVault.openOrCreate(p, PASS)) {
            MeshPopulationImporter.importFile(v, csv, LocationImportOptions.detect("mp", LocationImportOptions.Kind.MESH_POPULATION),
                    (m, a, b) -> { }, Cancellation.none());
            LocationService.Result r = new LocationService(v).aggregate("mp", AreaLevel.MESH3, null, TimeBand.HOUR, 3, 1,
                    Cancellation.none());
            assertEquals(List.of("area", "time", "population"), r.table().header());
            Map<String, ProtectedTable.Cell> cells = new HashMap<>();
            r.table().cells().forEach(c -> cells.put(c.row() + "@" + c.col(), c));
            assertEquals(154L, cells.get("53392536@8").persons()); // 120 + 30 + 4
            LocationService.Result r10 = new LocationService(v).aggregate("mp", AreaLevel.MESH3, null, TimeBand.HOUR, 10, 1,
                    Cancellation.none());
            cells.clear();
            r10.table().cells().forEach(c -> cells.put(c.row() + "@" + c.col(), c));
            assertTrue(cells.get("53392537@8").primary()); // 5 < k = 10
            // the only other non-empty cell of hour 8 must go too, or column total − 154 would reveal the 5
            assertTrue(cells.get("53392536@8").secondary());
            assertEquals(null, cells.get("53392536@8").persons());
        }
    }
}
