package jp.ebpm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.mesh.MeshLevel;
import jp.ebpm.analysis.gis.mesh.MeshSql;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.CountTable;
import jp.ebpm.analysis.privacy.guard.LinkedReleases;
import jp.ebpm.analysis.privacy.location.AreaAssigner;
import jp.ebpm.analysis.privacy.location.AreaLayer;
import jp.ebpm.analysis.privacy.location.AreaLevel;
import jp.ebpm.analysis.privacy.location.LocationQueries;
import jp.ebpm.analysis.privacy.location.LocationService;
import jp.ebpm.analysis.privacy.location.ScaleAggregateImporter;
import jp.ebpm.analysis.privacy.location.ScaleAggregates;
import jp.ebpm.analysis.privacy.location.ScaleManifest;
import jp.ebpm.analysis.privacy.location.SyntheticPingLoader;
import jp.ebpm.analysis.privacy.location.TimeBand;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The same 1,000,000 synthetic pings through the desktop vault (DuckDB) and through the Spark job give identical
 * raw tables — every cell, before suppression — and, once the job's output is imported, identical guarded tables.
 */
class ScaleEquivalenceIT {

    static final long ROWS = 1_000_000;
    static final long SEED = 20261205;
    static final Cancellation NONE = Cancellation.none();

    @TempDir
    static Path dir;
    static Project project;
    static UnlockedVault vault;
    static Path pings;
    static ScaleManifest wardHour;
    static ScaleManifest mesh4Date;

    @BeforeAll
    static void setUp() throws Exception {
        SparkSession spark = TestSpark.session();
        pings = dir.resolve("pings");
        PingGenerator.write(spark, ROWS, SEED, 2, pings.toString());
        Path wards = TestSpark.wards(dir);
        wardHour = new AggregateJob(spark, new AggregateJob.Options(pings.toString(), "auto", null,
                new PingReader.Columns("device_id", "timestamp", "lat", "lon"), wards, "N03_007", null, "ward", "hour",
                dir.resolve("out-ward-hour").toString())).run(TestSpark.KEY);
        mesh4Date = new AggregateJob(spark, new AggregateJob.Options(pings.toString(), "parquet", null,
                new PingReader.Columns(null, null, null, null), null, null, null, "mesh4", "date",
                dir.resolve("out-mesh4-date").toString())).run(TestSpark.KEY);

        project = Project.create(dir.resolve("project"));
        vault = UnlockedVault.openOrCreate(project, "test passphrase".toCharArray());
        SyntheticPingLoader.load(vault, "staging", ROWS, SEED, NONE);
        vault.savePrivate("staging", new DatasetInfo("pings", DatasetKind.LOCATION, null, null, Instant.now(), 0,
                List.of(), null, "", Sensitivity.PRIVATE, "test", Map.of("location_kind", "pings")), NONE);
        ScaleAggregateImporter.importAggregate(vault, dir.resolve("out-ward-hour").resolve(ScaleManifest.FILE), "scale_ward", NONE);
        ScaleAggregateImporter.importAggregate(vault, dir.resolve("out-mesh4-date").resolve(ScaleManifest.FILE), "scale_mesh4", NONE);
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

    static void assertSameTable(CountTable desktop, CountTable job) {
        assertEquals(desktop.header(), job.header());
        assertEquals(desktop.rows(), job.rows(), "row domain");
        assertEquals(desktop.cols(), job.cols(), "column domain");
        Map<String, CountTable.Cell> d = new HashMap<>();
        for (CountTable.Cell c : desktop.cells()) {
            if (c.count() != 0 || c.persons() != 0) {
                d.put(c.row() + "\t" + c.col(), c);
            }
        }
        Map<String, CountTable.Cell> j = new HashMap<>();
        for (CountTable.Cell c : job.cells()) {
            j.put(c.row() + "\t" + c.col(), c);
        }
        assertFalse(d.isEmpty());
        assertEquals(d, j, "every cell before suppression");
    }

    @Test
    void wardByHourIsIdentical() {
        CountTable desktop = LocationQueries.areaTime(vault, "pings", AreaLevel.WARD, AreaLayer.bundledWards(), TimeBand.HOUR, NONE);
        assertSameTable(desktop, ScaleAggregates.table(vault, "scale_ward", ScaleAggregates.Kind.AGGREGATE, null, NONE));
        long total = desktop.cells().stream().mapToLong(CountTable.Cell::count).sum();
        assertTrue(total > 0.9 * ROWS && total <= ROWS, "almost all synthetic pings fall in a ward: " + total);
    }

    @Test
    void residentsAndVisitorsAreIdentical() {
        assertSameTable(LocationQueries.presence(vault, "pings", AreaLayer.bundledWards(), true, NONE),
                ScaleAggregates.table(vault, "scale_ward", ScaleAggregates.Kind.RESIDENTS, null, NONE));
        assertSameTable(LocationQueries.presence(vault, "pings", AreaLayer.bundledWards(), false, NONE),
                ScaleAggregates.table(vault, "scale_ward", ScaleAggregates.Kind.VISITORS, null, NONE));
    }

    @Test
    void odMatrixIsIdenticalOverAllDatesAndPerDate() throws Exception {
        assertSameTable(LocationQueries.od(vault, "pings", AreaLayer.bundledWards(), NONE),
                ScaleAggregates.table(vault, "scale_ward", ScaleAggregates.Kind.OD, null, NONE));
        // per date: the desktop's OD definition (LocationQueries.od) restricted to one date, in DuckDB
        String assigned = AreaAssigner.assign(vault, "pings", AreaLayer.bundledWards(), NONE);
        Set<String> dates = new HashSet<>();
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT strftime(d, '%Y-%m-%d'), prev, area, count(*), count(DISTINCT pid) FROM ("
                     + "SELECT pid, CAST(ts AS DATE) AS d, area, lag(area) OVER (PARTITION BY pid, CAST(ts AS DATE) ORDER BY ts, area)"
                     + " AS prev FROM " + Sql.ident(assigned) + " WHERE area IS NOT NULL) WHERE prev IS NOT NULL AND prev <> area"
                     + " GROUP BY ALL")) {
            Map<String, Map<String, long[]>> byDate = new HashMap<>();
            while (rs.next()) {
                byDate.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2) + "\t" + rs.getString(3), new long[] {rs.getLong(4), rs.getLong(5)});
            }
            for (Map.Entry<String, Map<String, long[]>> e : byDate.entrySet()) {
                dates.add(e.getKey());
                CountTable job = ScaleAggregates.table(vault, "scale_ward", ScaleAggregates.Kind.OD, e.getKey(), NONE);
                Map<String, String> j = new HashMap<>();
                for (CountTable.Cell cell : job.cells()) {
                    j.put(cell.row() + "\t" + cell.col(), cell.count() + "/" + cell.persons());
                }
                Map<String, String> d = new HashMap<>();
                e.getValue().forEach((k, v) -> d.put(k, v[0] + "/" + v[1]));
                assertEquals(d, j, "OD on " + e.getKey());
            }
        }
        assertEquals(7, dates.size());
    }

    @Test
    void meshLevelTablesAreIdentical() {
        CountTable desktop = LocationQueries.areaTime(vault, "pings", AreaLevel.MESH4, null, TimeBand.DATE, NONE);
        assertSameTable(desktop, ScaleAggregates.table(vault, "scale_mesh4", ScaleAggregates.Kind.AGGREGATE, null, NONE));
    }

    @Test
    void meshCodesOfAllSixLevelsAreIdenticalInSparkAndDuckDb() throws Exception {
        // the one formula of MeshSql, in both dialects, on the same Parquet pings
        // compare the full (level, code) → count distributions
        Map<String, Long> fromSpark = new HashMap<>();
        Map<String, Long> fromDuck = new HashMap<>();
        for (MeshLevel l : MeshLevel.values()) {
            if (l.number() == 0) {
                continue;
            }
            for (Row r : TestSpark.session().read().parquet(pings.toString()).selectExpr(
                    MeshSql.encodeExpressionOf("lat", "lon", l, MeshSql.Dialect.SPARK) + " AS code").groupBy("code").count().collectAsList()) {
                fromSpark.put(l.number() + ":" + r.get(0), r.getLong(1));
            }
            try (Connection c = vault.memory().connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + MeshSql.encodeExpressionOf("lat", "lon", l, MeshSql.Dialect.DUCKDB)
                         + " AS code, count(*) FROM read_parquet(" + Sql.literal(pings.resolve("*.parquet").toString()) + ") GROUP BY code")) {
                while (rs.next()) {
                    fromDuck.put(l.number() + ":" + rs.getObject(1), rs.getLong(2));
                }
            }
        }
        assertTrue(fromSpark.size() > 1000, "many distinct cells: " + fromSpark.size());
        assertEquals(fromDuck, fromSpark);
    }

    /**
     * Guarded outputs after import, with the linked checks of issue 16 on both paths: the same releases in the same
     * order (each shown, i.e. recorded in its dataset's linked set, before the next is computed) give the same tables —
     * ward × hour, residents, visitors, OD, then the same again rounded to 5. The mesh table is compared first, computed
     * but not released: the two imports come from the same pings, and tables of one pings source are released from one
     * import only (docs/privacy.md, "Linked releases of imported aggregates"); once the ward tables are released, the
     * mesh import is refused.
     */
    @Test
    void guardedOutputsAfterImportAreIdentical() {
        LocationService s = new LocationService(vault);
        AreaLayer wards = AreaLayer.bundledWards();
        for (int round : new int[] {1, 5}) {
            var mesh = s.importedTable("scale_mesh4", ScaleAggregates.Kind.AGGREGATE, null, 10, round, NONE).table();
            assertEquals(s.aggregate("pings", AreaLevel.MESH4, null, TimeBand.DATE, 10, round, NONE).table().textRows(),
                    mesh.textRows());
            // the mesh table has small cells, so the comparison covers suppression (primary and secondary)
            assertTrue(mesh.primaryCount() > 0, "some cells below k");
        }
        for (int round : new int[] {1, 5}) {
            releaseBoth(s, s.aggregate("pings", AreaLevel.WARD, wards, TimeBand.HOUR, 10, round, NONE),
                    s.importedTable("scale_ward", ScaleAggregates.Kind.AGGREGATE, null, 10, round, NONE));
            releaseBoth(s, s.presence("pings", AreaLevel.WARD, wards, true, 10, round, NONE),
                    s.importedTable("scale_ward", ScaleAggregates.Kind.RESIDENTS, null, 10, round, NONE));
            releaseBoth(s, s.presence("pings", AreaLevel.WARD, wards, false, 10, round, NONE),
                    s.importedTable("scale_ward", ScaleAggregates.Kind.VISITORS, null, 10, round, NONE));
            releaseBoth(s, s.od("pings", wards, 10, round, NONE),
                    s.importedTable("scale_ward", ScaleAggregates.Kind.OD, null, 10, round, NONE));
        }
        // both linked sets hold the released tables: a further table is checked against them on both paths
        assertEquals(4, new LinkedReleases(project.catalog()).state("scale_ward").entries().size());
        assertEquals(4, new LinkedReleases(project.catalog()).state("pings").entries().size());
        WorkbenchException e = assertThrows(WorkbenchException.class,
                () -> s.importedTable("scale_mesh4", ScaleAggregates.Kind.AGGREGATE, null, 10, 1, NONE));
        assertTrue(e.getMessage().contains("already released from the imported aggregate \"scale_ward\""), e.getMessage());
    }

    private static void releaseBoth(LocationService s, LocationService.Result desktop, LocationService.Result imported) {
        assertEquals(desktop.table().textRows(), imported.table().textRows(), desktop.grouping());
        s.recordView(desktop);
        s.recordView(imported);
    }

    @Test
    void theOutputHoldsOnlyAggregatesAndTheManifestDescribesThem() throws Exception {
        Path out = dir.resolve("out-ward-hour");
        try (var files = Files.list(out)) {
            assertEquals(Set.of("area_time", "presence", "od", "od_daily", "manifest.json"),
                    new HashSet<>(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList()));
        }
        assertEquals("4.0.1", wardHour.sparkVersion());
        assertEquals("ward", wardHour.parameter("by"));
        assertTrue(wardHour.inputs().stream().anyMatch(i -> i.role().equals("areas") && i.sha256() != null));
        assertTrue(wardHour.inputs().stream().filter(i -> i.role().equals("pings")).allMatch(i -> i.bytes() > 0));
        // no pseudonym or raw id column in any table
        for (ScaleManifest.Table t : wardHour.tables()) {
            assertFalse(t.columns().contains("pid") || t.columns().contains("device_id"), t.name());
            assertEquals(t.rows(), TestSpark.session().read().parquet(out.resolve(t.name()).toString()).count());
        }
        String manifestText = Files.readString(out.resolve(ScaleManifest.FILE));
        assertFalse(manifestText.contains(new String(TestSpark.KEY, java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(manifestText.contains("KWS-"), "no raw id in the manifest");
        assertEquals(List.of(), mesh4Date.tables().stream().filter(t -> !t.kind().equals(ScaleManifest.AREA_TIME)).toList());
    }
}
