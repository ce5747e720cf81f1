package jp.ebpm.analysis.privacy.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.CountTable;
import jp.ebpm.analysis.privacy.guard.DisclosureGuard;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.privacy.location.LinkedReleaseAttackIT.Read;
import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The attacks of issue 16 part 2 on an aggregate imported from the workbench-scale job (issue 14): ordinary
 * {@code location export}s of its tables, then arithmetic on the exported files. The job output is written from the
 * desktop's own aggregates of the sample pings ({@link ScaleOutputFixture}; the job gives the same cells,
 * {@code ScaleEquivalenceIT}). Before the linked check read the imported cells, the second export of an imported
 * aggregate failed (the check looked for pings), and the per-date OD tables were not checked against the all-dates
 * one at all.
 */
class ScaleLinkedReleaseAttackIT {

    private static final char[] PASS = "scale linked release attack passphrase".toCharArray();
    private static final int K = 10;
    private static final Cancellation NONE = Cancellation.none();

    @TempDir
    static Path shared;
    static Project project;
    static UnlockedVault vault;
    static int imports;

    @BeforeAll
    static void setUp() throws Exception {
        Path sample = SampleProject.locateSampleData().orElseThrow().resolve("location/pings-sample.csv");
        project = Project.create(shared.resolve("project"));
        vault = UnlockedVault.openOrCreate(project, PASS);
        PingImporter.importPings(vault, sample, LocationImportOptions.detect("pings", LocationImportOptions.Kind.PINGS),
                (m, a, b) -> { }, NONE);
    }

    @AfterAll
    static void tearDown() {
        if (vault != null) {
            vault.close();
        }
        if (project != null) {
            project.close();
        }
    }

    /** A fresh import of the job output: a dataset with no releases yet. */
    static String freshImport(Path manifest) {
        String name = "scale" + ++imports;
        ScaleAggregateImporter.importAggregate(vault, manifest, name, NONE);
        return name;
    }

    /**
     * A job output of the sample pings by ward × hour, as if from another input listing each time (each is a pings
     * source of its own, so that every test starts with no releases; see {@link #twoImportsOfTheSamePings}).
     */
    static Path hourOutput() throws Exception {
        return ScaleOutputFixture.write(vault, "pings", AreaLayer.bundledWards(), TimeBand.HOUR,
                shared.resolve("job-hour-" + (imports + 1)));
    }

    /** The cells of a table as published by the guard of the table alone (no linked check): what the attack meets then. */
    static Map<String, Read> alone(CountTable raw) {
        Map<String, Read> out = new HashMap<>();
        for (ProtectedTable.Cell c : new DisclosureGuard(K, 1).protect(raw, Set.of()).cells()) {
            out.put(c.row() + "\t" + c.col(), c.suppressed() ? new Read(null, null) : new Read(c.count(), c.persons()));
        }
        return out;
    }

    /** Suppressed small cells of {@code part} recovered as whole minus other (see {@link LinkedReleaseAttackIT#recover}). */
    static List<String> recovered(Map<String, Read> whole, Map<String, Read> other, Map<String, Read> part,
                                  Map<String, CountTable.Cell> truth, String what) {
        List<String> out = new ArrayList<>();
        for (String key : whole.keySet()) {
            out.addAll(LinkedReleaseAttackIT.recover(key, whole.get(key), other.get(key), part.get(key), truth.get(key), what));
        }
        return out;
    }

    static Map<String, Read> export(LocationService s, String dataset, ScaleAggregates.Kind kind, String date, Path out)
            throws IOException {
        s.export(s.importedTable(dataset, kind, date, K, 1, NONE), out);
        Map<String, Read> read = LinkedReleaseAttackIT.readCsv(out);
        if (kind != ScaleAggregates.Kind.OD) {
            return read;
        }
        // origin,destination,devices,trips: the reader took devices for the count and trips for the persons
        Map<String, Read> od = new HashMap<>();
        read.forEach((key, r) -> od.put(key, new Read(r.persons(), r.count())));
        return od;
    }

    /**
     * All devices, residents and visitors per ward × hour of the imported aggregate are exported (in three orders). A
     * suppressed visitors (residents) cell must not equal all-devices minus residents (visitors).
     */
    @ParameterizedTest
    @ValueSource(strings = {"all,residents,visitors", "visitors,residents,all", "residents,all,visitors"})
    void suppressedVisitorsAreNotAllMinusResidents(String order, @TempDir Path dir) throws Exception {
        String ds = freshImport(hourOutput());
        LocationService s = new LocationService(vault);
        Map<String, Map<String, Read>> read = new HashMap<>();
        for (String what : order.split(",")) {
            ScaleAggregates.Kind kind = switch (what) {
                case "all" -> ScaleAggregates.Kind.AGGREGATE;
                case "residents" -> ScaleAggregates.Kind.RESIDENTS;
                default -> ScaleAggregates.Kind.VISITORS;
            };
            read.put(what, export(s, ds, kind, null, dir.resolve(what + ".csv")));
        }
        Map<String, CountTable.Cell> trueRes = LinkedReleaseAttackIT.truth(ScaleAggregates.table(vault, ds,
                ScaleAggregates.Kind.RESIDENTS, null, NONE));
        Map<String, CountTable.Cell> trueVis = LinkedReleaseAttackIT.truth(ScaleAggregates.table(vault, ds,
                ScaleAggregates.Kind.VISITORS, null, NONE));
        int suppressedSmall = 0;
        List<String> recovered = new ArrayList<>();
        for (String key : read.get("all").keySet()) {
            Read all = read.get("all").get(key);
            Read res = read.get("residents").get(key);
            Read vis = read.get("visitors").get(key);
            recovered.addAll(LinkedReleaseAttackIT.recover(key, all, res, vis, trueVis.get(key), "visitors"));
            recovered.addAll(LinkedReleaseAttackIT.recover(key, all, vis, res, trueRes.get(key), "residents"));
            CountTable.Cell tv = trueVis.get(key);
            if (tv != null && tv.persons() < K) {
                suppressedSmall++;
            }
        }
        assertTrue(suppressedSmall > 0, "the sample must have small visitor cells for the attack to mean something");
        // the attack is real: the three tables, each guarded alone, give some small cells away
        CountTable rawAll = ScaleAggregates.table(vault, ds, ScaleAggregates.Kind.AGGREGATE, null, NONE);
        CountTable rawRes = ScaleAggregates.table(vault, ds, ScaleAggregates.Kind.RESIDENTS, null, NONE);
        CountTable rawVis = ScaleAggregates.table(vault, ds, ScaleAggregates.Kind.VISITORS, null, NONE);
        List<String> unguarded = new ArrayList<>(recovered(alone(rawAll), alone(rawRes), alone(rawVis), trueVis, "visitors"));
        unguarded.addAll(recovered(alone(rawAll), alone(rawVis), alone(rawRes), trueRes, "residents"));
        assertFalse(unguarded.isEmpty(), "without the linked check the differences give small cells away");
        assertEquals(List.of(), recovered, "suppressed cells recovered as a difference of published cells");
    }

    /**
     * Two imports of the same job output (the same pings): all devices exported from the first, then residents asked
     * from the second. Each import guarded on its own would publish residents cells whose visitors (all minus
     * residents) are small; the second import is refused instead, with a message naming the first.
     */
    @Test
    void twoImportsOfTheSamePings(@TempDir Path dir) throws Exception {
        Path manifest = hourOutput();
        String first = freshImport(manifest);
        String second = freshImport(manifest);
        LocationService s = new LocationService(vault);
        Map<String, Read> all = export(s, first, ScaleAggregates.Kind.AGGREGATE, null, dir.resolve("all.csv"));
        Map<String, CountTable.Cell> trueVis = LinkedReleaseAttackIT.truth(ScaleAggregates.table(vault, second,
                ScaleAggregates.Kind.VISITORS, null, NONE));
        Map<String, Read> residentsAlone = alone(ScaleAggregates.table(vault, second, ScaleAggregates.Kind.RESIDENTS, null, NONE));
        Map<String, Read> hidden = new HashMap<>();
        all.keySet().forEach(key -> hidden.put(key, new Read(null, null)));
        assertFalse(recovered(all, residentsAlone, hidden, trueVis, "visitors").isEmpty(),
                "the second import guarded on its own would give small visitors cells away");
        WorkbenchException e = assertThrows(WorkbenchException.class,
                () -> s.importedTable(second, ScaleAggregates.Kind.RESIDENTS, null, K, 1, NONE));
        assertTrue(e.getMessage().contains("already released from the imported aggregate \"" + first + "\""), e.getMessage());
        assertFalse(Files.exists(dir.resolve("residents.csv")));
        // the first import goes on releasing, checked as one linked set
        Map<String, Read> res = export(s, first, ScaleAggregates.Kind.RESIDENTS, null, dir.resolve("residents.csv"));
        assertEquals(List.of(), recovered(all, res, hidden, trueVis, "visitors"));
    }

    /**
     * The OD matrix over all dates and the OD matrix of every date are exported. A suppressed trip count of one date
     * must not equal the all-dates count minus the other dates' published counts. Pings: 12 devices go from ward 14131
     * to 14132 every morning of 2026-04-06 .. 11, only 2 of them on the 12th; 12 others go from 14132 to 14133 every day.
     */
    @Test
    void suppressedDailyTripsAreNotAllDatesMinusTheOtherDates(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("device_id,timestamp,lat,lon"));
        org.locationtech.jts.geom.Coordinate w1 = PrivacyTestData.inside("14131");
        org.locationtech.jts.geom.Coordinate w2 = PrivacyTestData.inside("14132");
        org.locationtech.jts.geom.Coordinate w3 = PrivacyTestData.inside("14133");
        for (int day = 6; day <= 12; day++) {
            for (int d = 0; d < 12; d++) {
                if (day < 12 || d < 2) {
                    lines.add(ping("A" + d, day, 8, w1));
                    lines.add(ping("A" + d, day, 9, w2));
                }
                lines.add(ping("B" + d, day, 10, w2));
                lines.add(ping("B" + d, day, 11, w3));
            }
        }
        Path csv = PrivacyTestData.write(dir.resolve("od-pings.csv"), lines);
        PingImporter.importPings(vault, csv, LocationImportOptions.detect("od_pings", LocationImportOptions.Kind.PINGS),
                (m, a, b) -> { }, NONE);
        String ds = freshImport(ScaleOutputFixture.write(vault, "od_pings", AreaLayer.bundledWards(), TimeBand.HOUR,
                dir.resolve("job")));
        LocationService s = new LocationService(vault);
        Map<String, Read> all = export(s, ds, ScaleAggregates.Kind.OD, null, dir.resolve("od.csv"));
        TreeSet<String> dates = storedDates(ds);
        assertEquals(7, dates.size());
        Map<String, Map<String, Read>> byDate = new HashMap<>();
        Map<String, Map<String, CountTable.Cell>> trueByDate = new HashMap<>();
        for (String date : dates) {
            byDate.put(date, export(s, ds, ScaleAggregates.Kind.OD, date, dir.resolve("od-" + date + ".csv")));
            trueByDate.put(date, LinkedReleaseAttackIT.truth(ScaleAggregates.table(vault, ds, ScaleAggregates.Kind.OD, date, NONE)));
        }
        int suppressedSmall = 0;
        for (String date : dates) {
            suppressedSmall += (int) trueByDate.get(date).values().stream().filter(c -> c.persons() > 0 && c.persons() < K).count();
        }
        assertTrue(suppressedSmall > 0, "the 2 devices of the 12th are below k");
        // the attack is real: the OD tables, each guarded alone, give the 12th away
        Map<String, Map<String, Read>> byDateAlone = new HashMap<>();
        for (String date : dates) {
            byDateAlone.put(date, alone(ScaleAggregates.table(vault, ds, ScaleAggregates.Kind.OD, date, NONE)));
        }
        Map<String, Read> allAlone = alone(ScaleAggregates.table(vault, ds, ScaleAggregates.Kind.OD, null, NONE));
        assertFalse(odRecovered(allAlone, byDateAlone, trueByDate, dates).isEmpty(),
                "without the linked check all dates minus the other dates give the 12th away");
        assertEquals(List.of(), odRecovered(all, byDate, trueByDate, dates),
                "suppressed daily trips recovered as all dates minus the other dates");
    }

    /** Small suppressed trip counts of one date recovered as the all-dates count minus the other dates' counts. */
    private static List<String> odRecovered(Map<String, Read> all, Map<String, Map<String, Read>> byDate,
                                            Map<String, Map<String, CountTable.Cell>> trueByDate, TreeSet<String> dates) {
        List<String> recovered = new ArrayList<>();
        for (String key : all.keySet()) {
            Read whole = all.get(key);
            for (String date : dates) {
                Read part = byDate.get(date).get(key);
                CountTable.Cell truth = trueByDate.get(date).get(key);
                if (part.published() || truth == null || truth.persons() == 0 || truth.persons() >= K) {
                    continue;
                }
                long rest = 0;
                boolean others = whole.published();
                for (String other : dates) {
                    Read o = byDate.get(other).get(key);
                    if (!other.equals(date)) {
                        others &= o.published();
                        rest += o.published() ? o.count() : 0;
                    }
                }
                if (others && whole.count() - rest == truth.count()) {
                    recovered.add("trips " + key.replace('\t', '>') + " on " + date + " = " + truth.count());
                }
            }
        }
        return recovered;
    }

    private static String ping(String device, int day, int hour, org.locationtech.jts.geom.Coordinate at) {
        return String.format(java.util.Locale.ROOT, "%s,2026-04-%02d %02d:00:00,%.7f,%.7f", device, day, hour, at.y, at.x);
    }

    /**
     * The same sequence of releases from the sample pings (desktop) and from the job output made of them (imported)
     * gives the same guarded tables: the linked checks of both paths hide the same cells. The desktop's atoms are finer
     * (they also split by date, and its linked set holds the tables of every time band as releasable later), yet on
     * these releases no small value of those finer cells is at stake.
     */
    @ParameterizedTest
    @ValueSource(strings = {"all,residents,visitors", "visitors,residents,all", "residents,all,visitors,all"})
    void theSameReleasesGiveTheSameGuardedTablesOnBothPaths(String order, @TempDir Path dir) throws Exception {
        String ds = freshImport(hourOutput());
        String pings = "desk" + imports;
        Path sample = SampleProject.locateSampleData().orElseThrow().resolve("location/pings-sample.csv");
        PingImporter.importPings(vault, sample, LocationImportOptions.detect(pings, LocationImportOptions.Kind.PINGS),
                (m, a, b) -> { }, NONE);
        LocationService s = new LocationService(vault);
        AreaLayer wards = AreaLayer.bundledWards();
        int linkedHidden = 0;
        for (String what : order.split(",")) {
            LocationService.Result desktop = switch (what) {
                case "all" -> s.aggregate(pings, AreaLevel.WARD, wards, TimeBand.HOUR, K, 1, NONE);
                default -> s.presence(pings, AreaLevel.WARD, wards, what.equals("residents"), K, 1, NONE);
            };
            LocationService.Result imported = s.importedTable(ds, switch (what) {
                case "all" -> ScaleAggregates.Kind.AGGREGATE;
                case "residents" -> ScaleAggregates.Kind.RESIDENTS;
                default -> ScaleAggregates.Kind.VISITORS;
            }, null, K, 1, NONE);
            assertEquals(desktop.table().textRows(), imported.table().textRows(), what + " in " + order);
            s.recordView(desktop);
            s.recordView(imported);
            // the cells hidden beyond what the table alone needs: the linked check's (and secondary suppression's after it)
            long alone = new jp.ebpm.analysis.privacy.guard.DisclosureGuard(K, 1).protect(imported.table().source(), java.util.Set.of())
                    .cells().stream().filter(c -> c.suppressed()).count();
            linkedHidden += (int) (imported.table().cells().stream().filter(c -> c.suppressed()).count() - alone);
        }
        assertTrue(linkedHidden > 0, "the linked check hides cells (on both paths)");
    }

    /** The dates of the stored per-date OD tables (read from the vault, as the test's ground truth). */
    static TreeSet<String> storedDates(String ds) {
        vault.load(ds, NONE);
        TreeSet<String> out = new TreeSet<>();
        try (java.sql.Connection c = vault.memory().connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT DISTINCT substr(tbl, 4) FROM " + jp.ebpm.analysis.store.Sql.ident(ds)
                     + " WHERE tbl LIKE 'od:%'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Test
    void sampleDataIsFound() {
        assertTrue(SampleProject.locateSampleData().isPresent(), "sample-data folder");
    }
}
