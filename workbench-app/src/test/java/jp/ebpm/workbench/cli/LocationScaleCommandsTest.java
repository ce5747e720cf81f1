package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.privacy.location.ScaleManifest;

/**
 * {@code location import-aggregate} and {@code location export} on a small aggregate in the job's output format
 * (Parquet tables written here with DuckDB, and a manifest): the export is guarded and audited like the other
 * location tables, and a broken aggregate is refused without changing the project. The equality with aggregates
 * computed on the desktop is tested in workbench-scale (ScaleEquivalenceIT), where Spark runs.
 */
class LocationScaleCommandsTest {

    @BeforeEach
    void env() {
        Passphrase.environment = name -> Passphrase.ENV.equals(name) ? "cli test passphrase" : null;
    }

    @AfterEach
    void reset() {
        Passphrase.environment = System::getenv;
    }

    private static final List<String> AREAS = List.of("14131", "14132", "14133");

    /** Writes a job output: area × hour with a crowded ward and a tiny one, presence, OD. */
    static Path aggregate(Path dir, long areaTimeRows) throws Exception {
        return aggregate(dir, areaTimeRows, true);
    }

    /** @param consistent false: residents and visitors that do not add up to all devices (no job writes such tables) */
    static Path aggregate(Path dir, long areaTimeRows, boolean consistent) throws Exception {
        Path out = Files.createDirectories(dir.resolve("job-out"));
        List<String> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(Integer.toString(h));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (String t : List.of("area_time", "presence", "od", "od_daily")) {
                Files.createDirectories(out.resolve(t));
            }
            st.execute("COPY (SELECT a AS area, CAST(h AS VARCHAR) AS time, CAST(d * 3 AS BIGINT) AS pings, CAST(d AS BIGINT) AS devices"
                    + " FROM (SELECT a, h, CASE a WHEN '14131' THEN 100 + h WHEN '14132' THEN 40 ELSE (h % 4) END AS d"
                    + " FROM (VALUES ('14131'), ('14132'), ('14133')) v(a), range(24) r(h)) WHERE d > 0) TO '"
                    + out.resolve("area_time/part-0.parquet") + "' (FORMAT parquet)");
            // residents + visitors = all devices of each area and hour (as the job's tables always are; the linked check
            // refuses tables that do not fit): half the devices (rounded down) are residents
            String res = consistent ? "d // 2" : "d // 2 + 1";
            st.execute("COPY (SELECT area, time, who, pings, devices FROM (SELECT a AS area, CAST(h AS VARCHAR) AS time, w AS who,"
                    + " CAST(3 * CASE w WHEN 'residents' THEN " + res + " ELSE d - d // 2 END AS BIGINT) AS pings,"
                    + " CAST(CASE w WHEN 'residents' THEN " + res + " ELSE d - d // 2 END AS BIGINT) AS devices"
                    + " FROM (SELECT a, h, CASE a WHEN '14131' THEN 100 + h WHEN '14132' THEN 40 ELSE (h % 4) END AS d"
                    + " FROM (VALUES ('14131'), ('14132'), ('14133')) v(a), range(24) r(h)), (VALUES ('residents'), ('visitors')) x(w))"
                    + " WHERE devices > 0) TO '" + out.resolve("presence/part-0.parquet") + "' (FORMAT parquet)");
            st.execute("COPY (SELECT '14131' AS origin, '14132' AS destination, CAST(50 AS BIGINT) AS trips, CAST(30 AS BIGINT) AS devices"
                    + " UNION ALL SELECT '14132', '14133', 2, 2) TO '" + out.resolve("od/part-0.parquet") + "' (FORMAT parquet)");
            st.execute("COPY (SELECT '2026-04-06' AS date, '14131' AS origin, '14132' AS destination, CAST(50 AS BIGINT) AS trips,"
                    + " CAST(30 AS BIGINT) AS devices UNION ALL SELECT '2026-04-07', '14132', '14133', 2, 2) TO '"
                    + out.resolve("od_daily/part-0.parquet") + "' (FORMAT parquet)");
        }
        ScaleManifest m = new ScaleManifest(ScaleManifest.FORMAT, "aggregate", "4.0.1", "2026-12-05T00:00:00Z",
                "2026-12-05T00:01:00Z", 60, Map.of("by", "ward", "time", "hour", "area_layer", "file:wards.geojson:N03_007"),
                List.of(new ScaleManifest.Input("pings", "hdfs:///pings/part-0.parquet", 123, "2026-12-01T00:00:00Z", null)),
                List.of(new ScaleManifest.Table("area_time", ScaleManifest.AREA_TIME, areaTimeRows, List.of("area", "time", "pings", "devices"), AREAS, hours),
                        new ScaleManifest.Table("presence", ScaleManifest.PRESENCE, consistent ? 126 : 138, List.of("area", "time", "who", "pings", "devices"), AREAS, hours),
                        new ScaleManifest.Table("od", ScaleManifest.OD, 2, List.of("origin", "destination", "trips", "devices"), AREAS, AREAS),
                        new ScaleManifest.Table("od_daily", ScaleManifest.OD_DAILY, 2, List.of("date", "origin", "destination", "trips", "devices"), AREAS, AREAS)));
        Files.writeString(out.resolve(ScaleManifest.FILE), m.toJson());
        return out.resolve(ScaleManifest.FILE);
    }

    @Test
    void importedAggregateIsExportedOnlyGuardedAndAudited(@TempDir Path dir) throws Exception {
        Path proj = dir.resolve("proj");
        Path manifest = aggregate(dir, 66); // 24 + 24 + 18 non-empty cells (14133 has a 0 every 4th hour)
        CliTestSupport.Result imp = CliTestSupport.run("location", "import-aggregate", "--project", proj.toString(),
                "--manifest", manifest.toString(), "--name", "scale");
        assertEquals(0, imp.exitCode(), imp.err());
        assertTrue(imp.out().contains("imported 196 aggregate cells into the private dataset \"scale\""), imp.out());

        Path csv = dir.resolve("a.csv");
        CliTestSupport.Result ex = CliTestSupport.run("location", "export", "--project", proj.toString(), "--dataset", "scale",
                "--k", "10", "--out", csv.toString());
        assertEquals(0, ex.exitCode(), ex.err());
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("area,time,pings,devices", rows.get(0));
        assertEquals(1 + 3 * 24, rows.size());
        assertEquals("14131,0,300,100", rows.get(1));
        assertEquals("14133,1,χ,χ", rows.get(1 + 2 * 24 + 1), "1 device < k");
        assertEquals("14133,0,0,0", rows.get(1 + 2 * 24), "an empty cell is published as 0");
        assertTrue(ex.out().contains("suppressed"), ex.out());

        CliTestSupport.Result rounded = CliTestSupport.run("location", "export", "--project", proj.toString(), "--dataset", "scale",
                "--table", "residents", "--k", "10", "--round", "5", "--out", dir.resolve("r.xlsx").toString());
        assertEquals(0, rounded.exitCode(), rounded.err());
        CliTestSupport.Result od = CliTestSupport.run("location", "export", "--project", proj.toString(), "--dataset", "scale",
                "--table", "od", "--date", "2026-04-06", "--k", "10", "--out", dir.resolve("od.csv").toString());
        assertEquals(0, od.exitCode(), od.err());
        assertEquals("origin,destination,devices,trips", Files.readAllLines(dir.resolve("od.csv")).get(0));
        assertTrue(Files.readAllLines(dir.resolve("od.csv")).contains("14131,14132,30,50"));

        CliTestSupport.Result v = CliTestSupport.run("audit", "--project", proj.toString(), "--verify");
        assertEquals(0, v.exitCode(), v.err());
        assertTrue(v.out().contains("3 entries") && v.out().contains("MACs verified"), v.out());

        CliTestSupport.Result agg = CliTestSupport.run("location", "aggregate", "--project", proj.toString(), "--dataset", "scale",
                "--by", "ward", "--time", "hour", "--out", dir.resolve("x.csv").toString());
        assertEquals(1, agg.exitCode());
        assertTrue(agg.err().contains("use `location export`"), agg.err());
        CliTestSupport.Result low = CliTestSupport.run("location", "export", "--project", proj.toString(), "--dataset", "scale",
                "--k", "2", "--out", dir.resolve("low.csv").toString());
        assertEquals(2, low.exitCode(), low.err());
        assertFalse(Files.exists(dir.resolve("low.csv")));
    }

    /**
     * An aggregate whose residents and visitors do not add up to all devices (not the job's output) cannot be checked
     * as a linked set: the first table is released, the second is refused (exit 1, one line, no file).
     */
    @Test
    void tablesThatDoNotFitTogetherAreNotReleasedTogether(@TempDir Path dir) throws Exception {
        Path proj = dir.resolve("proj");
        Path manifest = aggregate(dir, 66, false);
        assertEquals(0, CliTestSupport.run("location", "import-aggregate", "--project", proj.toString(),
                "--manifest", manifest.toString(), "--name", "scale").exitCode());
        CliTestSupport.Result first = CliTestSupport.run("location", "export", "--project", proj.toString(), "--dataset", "scale",
                "--k", "10", "--out", dir.resolve("a.csv").toString());
        assertEquals(0, first.exitCode(), first.err());
        CliTestSupport.Result second = CliTestSupport.run("location", "export", "--project", proj.toString(), "--dataset", "scale",
                "--table", "visitors", "--k", "10", "--out", dir.resolve("v.csv").toString());
        assertEquals(1, second.exitCode());
        assertTrue(second.err().contains("do not fit together (all devices ≠ residents + visitors at 14131 0 h)"), second.err());
        assertFalse(second.err().contains("Exception"), second.err());
        assertFalse(Files.exists(dir.resolve("v.csv")));
    }

    /**
     * A second import of the same job input: the import says so; once a table of the first is exported, the second
     * releases nothing (exit 1, one line naming the first, no file).
     */
    @Test
    void aSecondImportOfTheSamePingsIsNamed(@TempDir Path dir) throws Exception {
        Path proj = dir.resolve("proj");
        Path manifest = aggregate(dir, 66);
        CliTestSupport.Result first = CliTestSupport.run("location", "import-aggregate", "--project", proj.toString(),
                "--manifest", manifest.toString(), "--name", "scale");
        assertEquals(0, first.exitCode(), first.err());
        assertFalse(first.err().contains("note:"), first.err());
        CliTestSupport.Result second = CliTestSupport.run("location", "import-aggregate", "--project", proj.toString(),
                "--manifest", manifest.toString(), "--name", "scale2");
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("note: scale came from the same pings; tables of these pings are released from one"
                + " import only"), second.err());
        CliTestSupport.Result fromFirst = CliTestSupport.run("location", "export", "--project", proj.toString(), "--dataset",
                "scale", "--k", "10", "--out", dir.resolve("a.csv").toString());
        assertEquals(0, fromFirst.exitCode(), fromFirst.err());
        CliTestSupport.Result fromSecond = CliTestSupport.run("location", "export", "--project", proj.toString(), "--dataset",
                "scale2", "--table", "residents", "--k", "10", "--out", dir.resolve("r.csv").toString());
        assertEquals(1, fromSecond.exitCode());
        assertTrue(fromSecond.err().contains("already released from the imported aggregate \"scale\""), fromSecond.err());
        assertFalse(fromSecond.err().contains("Exception"), fromSecond.err());
        assertFalse(Files.exists(dir.resolve("r.csv")));
    }

    @Test
    void aBrokenAggregateIsRefusedAndTheProjectIsUnchanged(@TempDir Path dir) throws Exception {
        Path proj = dir.resolve("proj");
        Path manifest = aggregate(dir, 70); // the manifest claims more rows than the Parquet holds
        CliTestSupport.Result imp = CliTestSupport.run("location", "import-aggregate", "--project", proj.toString(),
                "--manifest", manifest.toString(), "--name", "scale");
        assertEquals(1, imp.exitCode());
        assertTrue(imp.err().contains("\"area_time\" has 66 rows; the manifest says 70"), imp.err());
        CliTestSupport.Result cat = CliTestSupport.run("catalog", "--project", proj.toString());
        assertFalse(cat.out().contains("scale"), cat.out());
        try (var files = Files.list(proj.resolve("private"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".wbenc")));
        }
        Files.writeString(manifest, "{\"format\": \"something else\"}");
        CliTestSupport.Result bad = CliTestSupport.run("location", "import-aggregate", "--project", proj.toString(),
                "--manifest", manifest.toString(), "--name", "scale");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("Not a workbench-scale aggregate manifest"), bad.err());
    }
}
