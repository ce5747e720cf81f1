package jp.ebpm.analysis.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.Cancellation;

/** Integration test of the project store on a real DuckDB file. */
class ProjectIT {

    @TempDir
    Path dir;

    @Test
    void createRegisterCloseReopenAndQueryByJapaneseName() {
        Path projectDir = dir.resolve("p");
        try (Project p = Project.create(projectDir)) {
            p.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE \"市民アンケート2018\" AS SELECT range AS id, '川崎区' AS 区 FROM range(5)");
                }
                p.catalog().register(c, new DatasetInfo("市民アンケート2018", DatasetKind.SURVEY, "a.csv", "00",
                        Instant.now(), 5, Catalog.describe(c, "市民アンケート2018"), "UTF-8", "CC BY 4.0",
                        Sensitivity.INTERNAL, "test", Map.of("k", "v")));
                return null;
            });
        }
        try (Project p = Project.open(projectDir)) {
            DatasetInfo d = p.catalog().get("市民アンケート2018");
            assertEquals(5, d.rowCount());
            assertEquals(List.of("id", "区"), d.columnNames());
            assertEquals("v", d.property("k"));
            QueryResult r = p.query("select count(*) AS n, min(区) FROM \"市民アンケート2018\"", 10, Cancellation.none());
            assertEquals(5L, ((Number) r.get(0, 0)).longValue());
            assertEquals("川崎区", r.get(0, 1));
            assertEquals(3, p.catalog().page("市民アンケート2018", 2, 10).rowCount());
            assertEquals(2, p.catalog().summarize("市民アンケート2018").size());
        }
    }

    @Test
    void failedTransactionLeavesProjectUnchanged() {
        try (Project p = Project.create(dir.resolve("q"))) {
            assertThrows(RuntimeException.class, () -> p.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE t AS SELECT 1 AS x");
                }
                throw new WorkbenchException("boom");
            }));
            assertFalse(p.catalog().exists("t"));
            assertTrue(p.catalog().list().isEmpty());
        }
    }

    @Test
    void refusesSecondCreateAndMissingProject() {
        Project.create(dir.resolve("r")).close();
        assertThrows(WorkbenchException.class, () -> Project.create(dir.resolve("r")));
        assertThrows(WorkbenchException.class, () -> Project.open(dir.resolve("nothing")));
    }

    @Test
    void scratchFilesLeftByAKilledProcessAreDeletedWhenTheProjectOpens() throws Exception {
        // issue 16: kill -9 during a CP932 import left the transcoded copy in <project>/.tmp for ever
        Path projectDir = dir.resolve("s");
        Project.create(projectDir).close();
        Path scratch = projectDir.resolve(Project.SCRATCH_DIR);
        java.nio.file.Files.createDirectories(scratch.resolve("sub"));
        java.nio.file.Files.writeString(scratch.resolve("import-1234.csv"), "a,b\n1,2\n");
        java.nio.file.Files.writeString(scratch.resolve("sub").resolve("x.tmp"), "x");
        java.nio.file.Files.createDirectories(projectDir.resolve("private"));
        java.nio.file.Files.writeString(projectDir.resolve("private").resolve("pings-1.wbenc.part"), "partial");
        java.nio.file.Files.writeString(projectDir.resolve("private").resolve("keep.wbenc"), "kept");
        try (Project p = Project.open(projectDir)) {
            try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(scratch)) {
                assertEquals(0, s.count());
            }
            assertFalse(java.nio.file.Files.exists(projectDir.resolve("private").resolve("pings-1.wbenc.part")));
            assertTrue(java.nio.file.Files.exists(projectDir.resolve("private").resolve("keep.wbenc")));
            // a second open in the same process shares the database and must not touch files in use
            java.nio.file.Files.writeString(p.scratchDirectory().resolve("in-use.csv"), "x");
            Project.open(projectDir).close();
            assertTrue(java.nio.file.Files.exists(scratch.resolve("in-use.csv")));
        }
    }
}
