package jp.ebpm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad inputs fail with one clear line naming the problem, and leave no output at all: neither the target folder
 * nor the hidden temporary folder next to it.
 */
class ScaleBadInputIT {

    @TempDir
    static Path dir;
    static Path wards;
    static Path pings;

    @BeforeAll
    static void setUp() throws Exception {
        wards = TestSpark.wards(dir);
        pings = dir.resolve("pings.csv");
        Files.writeString(pings, "device_id,timestamp,lat,lon\nA,2026-04-06 08:00:00,35.53,139.70\nB,2026-04-06 09:00:00,35.58,139.60\n");
    }

    static JobException run(String csv, String by, Path areas, String key, String out) throws Exception {
        Path input = dir.resolve("in-" + out + ".csv");
        if (csv != null) {
            Files.writeString(input, csv);
        }
        return assertThrows(JobException.class, () -> new AggregateJob(TestSpark.session(), new AggregateJob.Options(
                csv == null ? dir.resolve("missing.parquet").toString() : input.toString(), "auto", null,
                new PingReader.Columns(null, null, null, null), areas, key, null, by, "hour",
                dir.resolve(out).toString())).run(TestSpark.KEY));
    }

    static void assertNoOutput(String out) throws Exception {
        assertFalse(Files.exists(dir.resolve(out)), out + " must not exist");
        try (var files = Files.list(dir)) {
            List<String> tmp = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + out + ".tmp-")).toList();
            assertEquals(List.of(), tmp, "temporary folders left behind");
        }
    }

    @Test
    void missingColumnNamesTheColumnsThereAre() throws Exception {
        JobException e = run("device_id,timestamp,latitude_x,lon\nA,2026-04-06 08:00:00,35.5,139.7\n", "ward", wards, "N03_007", "o1");
        assertTrue(e.getMessage().contains("no latitude column found"), e.getMessage());
        assertTrue(e.getMessage().contains("latitude_x"), e.getMessage());
        assertNoOutput("o1");
    }

    @Test
    void unreadableInputFailsClearly() throws Exception {
        JobException e = run(null, "mesh3", null, null, "o2");
        assertTrue(e.getMessage().startsWith("Cannot read"), e.getMessage());
        assertNoOutput("o2");
        Path garbage = dir.resolve("garbage.parquet");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        JobException g = assertThrows(JobException.class, () -> new AggregateJob(TestSpark.session(), new AggregateJob.Options(
                garbage.toString(), "auto", null, new PingReader.Columns(null, null, null, null), null, null, null, "mesh3",
                "hour", dir.resolve("o2b").toString())).run(TestSpark.KEY));
        assertTrue(g.getMessage().contains("garbage.parquet") || g.getMessage().toLowerCase().contains("parquet"), g.getMessage());
        assertNoOutput("o2b");
    }

    @Test
    void aBadValueDeepInTheDataFailsTheJobWithoutPartialOutput() throws Exception {
        StringBuilder csv = new StringBuilder("device_id,timestamp,lat,lon\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("D").append(i % 50).append(",2026-04-06 0").append(i % 10).append(":00:00,35.55,139.65\n");
        }
        csv.append("X,not a time,35.55,139.65\n");
        JobException e = run(csv.toString(), "ward", wards, "N03_007", "o3");
        assertTrue(e.getMessage().contains("column \"timestamp\": not a date and time"), e.getMessage());
        assertFalse(e.getMessage().contains("not a time"), "the bad value itself is not echoed");
        assertNoOutput("o3");
    }

    @Test
    void boundaryWithoutCoordinateSystemIsRefused() throws Exception {
        Path shp = dir.resolve("areas.shp");
        Files.write(shp, new byte[100]);
        Files.write(dir.resolve("areas.dbf"), new byte[40]);
        JobException e = run("device_id,timestamp,lat,lon\nA,2026-04-06 08:00:00,35.5,139.7\n", "ward", shp, "code", "o4");
        assertTrue(e.getMessage().contains("has no coordinate system (no .prj)"), e.getMessage());
        assertTrue(e.getMessage().contains("--areas-crs"), e.getMessage());
        assertNoOutput("o4");
        JobException k = run("device_id,timestamp,lat,lon\nA,2026-04-06 08:00:00,35.5,139.7\n", "ward", wards, "no_such_field", "o4b");
        assertTrue(k.getMessage().contains("no field \"no_such_field\"") && k.getMessage().contains("N03_007"), k.getMessage());
        assertNoOutput("o4b");
    }

    @Test
    void shortOrMissingKeyIsRefusedBeforeAnythingRuns() throws Exception {
        Path keyFile = dir.resolve("short.key");
        Files.writeString(keyFile, "too short\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(new String[] {"aggregate", "--master", "local[1]", "--input", pings.toString(), "--by", "mesh3",
            "--time", "hour", "--key-file", keyFile.toString(), "--out", dir.resolve("o5").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(1, code);
        assertEquals("error: The hashing key is 9 bytes long; it must be at least 32 bytes (e.g. 64 hex digits from a random source).",
                err.toString().strip());
        assertNoOutput("o5");
        JobException none = assertThrows(JobException.class, () -> JobKey.read(null, null));
        assertTrue(none.getMessage().contains(JobKey.ENV));
    }

    @Test
    void existingOutputIsNeverOverwritten() throws Exception {
        Path out = Files.createDirectories(dir.resolve("o6"));
        Files.writeString(out.resolve("keep.txt"), "x");
        JobException e = run("device_id,timestamp,lat,lon\nA,2026-04-06 08:00:00,35.5,139.7\n", "mesh3", null, null, "o6");
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("x", Files.readString(out.resolve("keep.txt")));
    }
}
