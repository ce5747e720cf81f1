package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 16 part 1, through the real command line: {@code workbench sql} and report specs
 * can neither change the project, nor read files, nor see internal tables. After each attempt the dataset
 * still has its 1,500 rows, the catalog is unchanged, and nothing was written.
 */
class UserSqlLockdownTest {

    @TempDir
    Path dir;
    private String project;
    private Path secret;

    @BeforeEach
    void importSurvey() throws Exception {
        StringBuilder csv = new StringBuilder("id,ward,q1\n");
        for (int i = 0; i < 1500; i++) {
            csv.append(i).append(',').append(14131 + i % 7).append(',').append(1 + i % 5).append('\n');
        }
        Path file = dir.resolve("survey.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        project = dir.resolve("p").toString();
        CliTestSupport.Result r = CliTestSupport.run("import", "--project", project, "--file", file.toString(), "--name", "survey",
                "--kind", "survey");
        assertEquals(0, r.exitCode(), r.err());
        secret = dir.resolve("passwd");
        Files.writeString(secret, "root:x:0:0:root:/root:/bin/bash\n", StandardCharsets.UTF_8);
    }

    private String count() {
        CliTestSupport.Result r = CliTestSupport.run("sql", "--project", project, "--query", "SELECT count(*) AS n FROM survey");
        assertEquals(0, r.exitCode(), r.err());
        return r.out();
    }

    private String catalog() {
        CliTestSupport.Result r = CliTestSupport.run("catalog", "--project", project, "--json");
        assertEquals(0, r.exitCode(), r.err());
        return r.out();
    }

    private CliTestSupport.Result refused(String query) {
        String before = catalog();
        CliTestSupport.Result r = CliTestSupport.run("sql", "--project", project, "--query", query);
        assertEquals(1, r.exitCode(), query + " → " + r.out() + r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("at java."), r.err());
        assertEquals("n\n1500\n", count(), query);
        assertEquals(before, catalog(), query);
        return r;
    }

    @Test
    void explainAnalyzeCannotDeleteUpdateCreateOrCopy() {
        // on main: exit 0 and 0 of 1,500 rows left; the catalog corrupted; a table outside the catalog; a file written
        refused("EXPLAIN ANALYZE DELETE FROM survey");
        refused("EXPLAIN ANALYZE UPDATE _wb_catalog SET row_count = 0");
        refused("EXPLAIN ANALYZE CREATE TABLE outside AS SELECT 1 AS x");
        Path out = dir.resolve("copied.csv");
        refused("EXPLAIN ANALYZE COPY survey TO '" + out.toAbsolutePath() + "'");
        assertFalse(Files.exists(out));
        assertTrue(refused("SELECT * FROM outside").err().contains("outside"));
    }

    @Test
    void withDeleteAndWithInsertChangeNothing() {
        // on main these reported an error but their changes were saved
        refused("WITH x AS (SELECT 1) DELETE FROM survey");
        refused("WITH x AS (SELECT 1) INSERT INTO survey SELECT * FROM survey");
    }

    @Test
    void severalStatementsAreRefusedAsAWhole() {
        refused("SELECT 1; DELETE FROM survey");
        refused("SELECT count(*) FROM survey; SELECT 2");
    }

    @Test
    void filesCannotBeRead() {
        String path = secret.toAbsolutePath().toString();
        for (String q : List.of("SELECT * FROM read_csv('" + path + "')", "SELECT * FROM '" + path + "'",
                "SELECT * FROM read_text('" + path + "')", "FROM '" + dir.resolve("survey.csv").toAbsolutePath() + "'")) {
            CliTestSupport.Result r = refused(q);
            assertFalse(r.out().contains("root:x"), r.out());
        }
    }

    @Test
    void attachAndInternalTablesAreRefused() {
        refused("ATTACH '" + dir.resolve("x.duckdb").toAbsolutePath() + "' AS x");
        assertFalse(Files.exists(dir.resolve("x.duckdb")));
        refused("SELECT * FROM _wb_settings");
        refused("SELECT * FROM _wb_catalog");
        refused("SELECT * FROM information_schema.tables");
        refused("EXPLAIN ANALYZE UPDATE _wb_settings SET value = '3' WHERE key = 'privacy.k'");
        refused("EXPLAIN ANALYZE DELETE FROM _wb_settings WHERE key LIKE 'privacy.suppressed.%'");
    }

    @Test
    void queriesStillWork() {
        CliTestSupport.Result r = CliTestSupport.run("sql", "--project", project, "--query",
                "WITH w AS (SELECT ward, count(*) AS n FROM survey GROUP BY ward) SELECT * FROM w ORDER BY ward LIMIT 2");
        assertEquals(0, r.exitCode(), r.err());
        // 1,500 rows over 7 wards in turn: ward 14131 gets rows 0, 7, ..., 1498 = 215
        assertEquals("ward,n\n14131,215\n14132,215\n", r.out());
    }

    @Test
    void aReportSpecWithWritingSqlIsRefusedAndWritesNoReport() throws Exception {
        // on main: the report was written and the dataset emptied
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"title\": \"t\", \"items\": [{\"type\": \"table\", \"title\": \"attack\","
                + " \"sql\": \"EXPLAIN ANALYZE DELETE FROM survey\"}]}", StandardCharsets.UTF_8);
        Path out = dir.resolve("report.xlsx");
        CliTestSupport.Result r = CliTestSupport.run("report", "build", "--project", project, "--spec", spec.toString(),
                "--out", out.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("attack"), r.err());
        assertFalse(Files.exists(out));
        assertEquals("n\n1500\n", count());
    }

    @Test
    void aReportSpecCannotReadFiles() throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"title\": \"t\", \"items\": [{\"type\": \"table\", \"title\": \"passwd\", \"sql\": "
                + "\"SELECT * FROM read_csv('" + secret.toAbsolutePath().toString().replace("\\", "\\\\") + "')\"}]}",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("report.xlsx");
        CliTestSupport.Result r = CliTestSupport.run("report", "build", "--project", project, "--spec", spec.toString(),
                "--out", out.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aReportSpecWithAPureQueryListsTheDatasetItReads() throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"title\": \"t\", \"items\": [{\"type\": \"table\", \"title\": \"wards\","
                + " \"sql\": \"SELECT ward, count(*) AS n FROM survey GROUP BY ward ORDER BY ward\"}]}", StandardCharsets.UTF_8);
        Path out = dir.resolve("report.xlsx");
        CliTestSupport.Result r = CliTestSupport.run("report", "build", "--project", project, "--spec", spec.toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.size(out) > 0);
    }
}
