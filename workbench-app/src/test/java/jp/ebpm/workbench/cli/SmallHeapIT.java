package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Issue 16 part 4, in a separate JVM with a small heap: {@code sql} streams its output and stops on SIGTERM;
 * {@code rake} works on the raking cells DuckDB aggregates, never on the rows. The heap is far too small to
 * hold the rows as Java objects, so these runs prove the set-based paths (no timing is measured). The
 * liveness waits are generous because the build machine may be busy.
 */
class SmallHeapIT {

    @TempDir
    Path dir;

    private static String errorOf(Path err) throws Exception {
        return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
    }

    /** Waits for a child to end; one that does not end in 10 minutes (e.g. thrashing near a full heap) is killed. */
    private static void finish(Process p, String what) throws InterruptedException {
        try {
            assertTrue(p.waitFor(10, TimeUnit.MINUTES), what + " did not finish");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void sqlStreamsThreeMillionRowsThroughA48MegabyteHeap() throws Exception {
        // 3,000,000 rows × 2 columns held as Object[] rows need ~300 MB: on main the child was still collecting
        // garbage after 4 minutes and never wrote a row
        Project.create(dir.resolve("p")).close();
        Path out = dir.resolve("out.csv");
        Path err = dir.resolve("err.txt");
        Process p = ChildCli.builder(List.of("-Xmx48m"), "sql", "--project", dir.resolve("p").toString(), "--query",
                        "SELECT range AS i, 'row ' || range AS s FROM range(3000000)", "--max-rows", "3000000")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        finish(p, "sql");
        assertEquals(0, p.exitValue(), errorOf(err));
        long lines;
        String last = null;
        try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            lines = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines++;
                last = line;
            }
        }
        assertEquals(3_000_001, lines);
        assertEquals("2999999,row 2999999", last);
        assertFalse(errorOf(err).contains("OutOfMemoryError"));
    }

    @Test
    void sigtermStopsARunningQueryAndLeavesTheProjectUsable() throws Exception {
        Path project = dir.resolve("p");
        Project.create(project).close();
        Path out = dir.resolve("out.csv");
        Path err = dir.resolve("err.txt");
        Process p = ChildCli.builder(List.of("-Xmx64m"), "sql", "--project", project.toString(), "--query",
                        "SELECT range AS i, md5(range::VARCHAR) AS h FROM range(10000000000)", "--max-rows", "2000000000")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            // streaming: rows arrive while the query runs (main materialised all rows first and ran out of heap)
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (p.isAlive() && Files.size(out) < 1_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(p.isAlive(), "the query ended early: " + errorOf(err));
            assertTrue(Files.size(out) >= 1_000_000, "no streamed output");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "SIGTERM was ignored");
        } finally {
            p.destroyForcibly();
        }
        assertFalse(errorOf(err).contains("OutOfMemoryError"), errorOf(err));
        try (Project reopened = Project.open(project)) {
            assertEquals(1L, ((Number) reopened.query("SELECT 1", 1, Cancellation.none()).get(0, 0)).longValue());
        }
    }

    @Test
    void rakeTwoMillionRowsInA40MegabyteHeap() throws Exception {
        Path project = dir.resolve("p");
        try (Project p = Project.create(project)) {
            p.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE big AS SELECT range AS id, (range % 7)::INT AS ward, (range % 2)::INT AS sex,"
                            + " 1.0 + (range % 3) AS w FROM range(2000000)");
                }
                p.catalog().register(c, new DatasetInfo("big", DatasetKind.SURVEY, null, null, Instant.now(), 2_000_000,
                        Catalog.describe(c, "big"), null, "", Sensitivity.INTERNAL, "", Map.of()));
                return null;
            });
        }
        Path ward = dir.resolve("ward.csv");
        Files.writeString(ward, "ward,population\n0,100\n1,200\n2,300\n3,400\n4,500\n5,600\n6,700\n");
        Path sex = dir.resolve("sex.csv");
        Files.writeString(sex, "sex,population\n0,1400\n1,1400\n");
        Path err = dir.resolve("err.txt");
        Process p = ChildCli.builder(List.of("-Xmx40m"), "rake", "--project", project.toString(), "--dataset", "big",
                        "--margins", "ward=" + ward, "--margins", "sex=" + sex, "--base-weight", "w", "--out-weight", "rw")
                .redirectOutput(dir.resolve("out.json").toFile()).redirectError(err.toFile()).start();
        finish(p, "rake");
        assertEquals(0, p.exitValue(), errorOf(err));
        try (Project reopened = Project.open(project)) {
            // the raked weights meet the margins: Σ rw = 2,800 in total and 100 for ward 0
            var r = reopened.query("SELECT sum(rw), sum(rw) FILTER (WHERE ward = 0) FROM big", 1, Cancellation.none());
            assertEquals(2800.0, ((Number) r.get(0, 0)).doubleValue(), 1e-6);
            assertEquals(100.0, ((Number) r.get(0, 1)).doubleValue(), 1e-6);
        }
    }
}
