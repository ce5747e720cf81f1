package jp.ebpm.analysis.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.Cancellation;

/**
 * User SQL ({@link Project#openQuery}, used by the SQL console, {@code workbench sql} and report specs) can
 * neither write, nor read files, nor see internal tables or private data (issue 16, part 1). Every attack
 * of the issue is run against a real project file; afterwards the datasets, the catalog and the settings
 * are exactly as before and no file was written.
 */
class UserQueryIT {

    @TempDir
    Path dir;
    private Project project;
    private Path secret;

    @BeforeEach
    void create() throws Exception {
        project = Project.create(dir.resolve("p"));
        project.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE survey AS SELECT range AS id, (range % 7)::INT AS ward FROM range(1500)");
            }
            project.catalog().register(c, new DatasetInfo("survey", DatasetKind.SURVEY, "survey.csv", "00", Instant.now(),
                    1500, Catalog.describe(c, "survey"), "UTF-8", "", Sensitivity.INTERNAL, "", Map.of()));
            project.catalog().register(c, new DatasetInfo("pings", DatasetKind.TABLE, "pings.csv", "00", Instant.now(),
                    10, List.of(new ColumnInfo("pid", "BIGINT")), "UTF-8", "", Sensitivity.PRIVATE, "",
                    Map.of("encrypted_file", "pings.wbenc")));
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO _wb_settings VALUES ('privacy.k', '10')");
            }
            return null;
        });
        secret = dir.resolve("secret.csv");
        Files.writeString(secret, "user,password\nalice,hunter2\n", StandardCharsets.UTF_8);
    }

    @AfterEach
    void close() {
        project.close();
    }

    private long rows(String table) {
        try (java.sql.Connection c = project.connect(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM " + Sql.ident(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> tables() {
        try (java.sql.Connection c = project.connect(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables() ORDER BY 1")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private WorkbenchException refused(String sql) {
        List<String> before = tables();
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> project.query(sql, 100, Cancellation.none()), sql);
        assertEquals(1500, rows("survey"), sql);
        assertEquals(1500, project.catalog().get("survey").rowCount(), sql);
        assertEquals(2, project.catalog().list().size(), sql);
        assertEquals("10", project.catalog().setting("privacy.k").orElse(null), sql);
        assertEquals(before, tables(), sql);
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "EXPLAIN ANALYZE DELETE FROM survey",
        "EXPLAIN ANALYZE UPDATE _wb_catalog SET row_count = 0",
        "EXPLAIN ANALYZE CREATE TABLE outside AS SELECT 1 AS x",
        "EXPLAIN ANALYZE UPDATE _wb_settings SET value = '3' WHERE key = 'privacy.k'",
        "EXPLAIN DELETE FROM survey",
        "WITH x AS (SELECT 1) DELETE FROM survey",
        "WITH x AS (SELECT 1) INSERT INTO survey SELECT * FROM survey",
        "DELETE FROM survey",
        "  /* comment */ -- line\n DROP TABLE survey",
        "PRAGMA table_info('survey')",
        "SET VARIABLE x = 1",
        "CALL checkpoint()",
        "PIVOT survey ON ward USING count(*)",
    })
    void statementsThatWriteOrRunCommandsAreRefused(String sql) {
        WorkbenchException e = refused(sql);
        assertTrue(e.getMessage().startsWith("Refused: only queries that read data"), e.getMessage());
    }

    @Test
    void severalStatementsAreRefused() {
        // DuckDB's parser sees the DELETE, so the text is refused as a whole before anything runs
        assertTrue(refused("SELECT 1; DELETE FROM survey").getMessage().startsWith("Refused: only queries that read data"));
        assertTrue(refused("SELECT count(*) FROM survey; SELECT 2").getMessage().startsWith("Only one query"));
    }

    @Test
    void copyToAFileIsRefusedAndWritesNothing() {
        Path out = dir.resolve("stolen.csv");
        refused("EXPLAIN ANALYZE COPY survey TO '" + out.toAbsolutePath() + "'");
        refused("COPY (SELECT * FROM survey) TO '" + out.toAbsolutePath() + "'");
        assertFalse(Files.exists(out));
    }

    @Test
    void attachIsRefused() {
        refused("ATTACH '" + dir.resolve("other.duckdb").toAbsolutePath() + "' AS other");
        assertFalse(Files.exists(dir.resolve("other.duckdb")));
    }

    @Test
    void filesCannotBeRead() {
        String path = secret.toAbsolutePath().toString();
        for (String sql : List.of("SELECT * FROM read_csv('" + path + "')", "SELECT * FROM read_csv_auto('" + path + "')",
                "SELECT * FROM read_text('" + path + "')", "SELECT * FROM read_blob('" + path + "')",
                "SELECT * FROM glob('" + dir.toAbsolutePath() + "/*')", "SELECT * FROM sniff_csv('" + path + "')",
                "SELECT * FROM '" + path + "'", "FROM '" + path + "'", "SELECT * FROM \"" + path + "\"",
                "SELECT (SELECT max(password) FROM read_csv('" + path + "')) AS p FROM survey",
                "SELECT * FROM survey WHERE id IN (SELECT 1 FROM '" + path + "')",
                "WITH s AS (SELECT * FROM read_csv('" + path + "')) SELECT * FROM s")) {
            WorkbenchException e = refused(sql);
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        }
    }

    @Test
    void internalTablesAndSystemCatalogsAreRefused() {
        for (String sql : List.of("SELECT * FROM _wb_settings", "SELECT * FROM _WB_SETTINGS", "FROM _wb_catalog",
                "SELECT * FROM main._wb_codebooks", "SELECT * FROM p.main._wb_settings", "SELECT * FROM project.main.survey",
                "SELECT (SELECT value FROM _wb_settings LIMIT 1) FROM survey",
                "SELECT * FROM survey WHERE EXISTS (SELECT 1 FROM _wb_settings)",
                "DESCRIBE _wb_settings", "SUMMARIZE _wb_settings", "SHOW _wb_settings", "SHOW TABLES", "SHOW ALL TABLES",
                "SELECT * FROM information_schema.tables", "SELECT * FROM duckdb_tables()", "SELECT * FROM duckdb_settings()",
                "SELECT * FROM sqlite_master", "SELECT * FROM query_table('_wb_settings')",
                "SELECT * FROM query('SELECT * FROM _wb_settings')", "SELECT * FROM pragma_table_info('_wb_settings')",
                "SELECT * FROM temp.main.anything")) {
            refused(sql);
        }
    }

    @Test
    void withQueryNamesCannotSmuggleInternalTables() {
        // a WITH name that is also an internal table would make a reference outside the WITH's scope read the table
        refused("WITH a AS (SELECT * FROM _wb_settings), _wb_settings AS (SELECT 1) SELECT * FROM a");
        refused("SELECT * FROM (WITH _wb_settings AS (SELECT 1) SELECT * FROM _wb_settings), _wb_settings");
        refused("WITH sqlite_master AS (SELECT 1) SELECT * FROM sqlite_master");
        refused("WITH \"x.csv\" AS (SELECT 1) SELECT * FROM \"x.csv\"");
    }

    @Test
    void privateDataIsRefusedWithTheReason() {
        WorkbenchException e = refused("SELECT count(*) FROM pings");
        assertTrue(e.getMessage().contains("private data"), e.getMessage());
        refused("SELECT * FROM survey JOIN pings USING (id)");
    }

    @Test
    void sideEffectingFunctionsAreRefused() {
        refused("SELECT nextval('s')");
        refused("SELECT setseed(0.5)");
        refused("SELECT write_log('x')");
    }

    @Test
    void pureQueriesRunAndReportTheDatasetsTheyRead() {
        assertEquals(1500L, ((Number) project.query("SELECT count(*) FROM survey", 1, Cancellation.none()).get(0, 0)).longValue());
        assertEquals(1500L, ((Number) project.query("select count(*) from SURVEY;", 1, Cancellation.none()).get(0, 0)).longValue());
        assertEquals(7, project.query("WITH w AS (SELECT ward, count(*) AS n FROM survey GROUP BY ward) SELECT * FROM w ORDER BY ward",
                100, Cancellation.none()).rowCount());
        assertEquals(3, project.query("VALUES (1), (2), (3)", 10, Cancellation.none()).rowCount());
        assertEquals(5, project.query("SELECT * FROM range(5) t(i)", 10, Cancellation.none()).rowCount());
        assertEquals(2, project.query("SELECT unnest([1, 2])", 10, Cancellation.none()).rowCount());
        assertEquals(2, project.query("DESCRIBE survey", 10, Cancellation.none()).rowCount());
        assertEquals(2, project.query("SUMMARIZE survey", 10, Cancellation.none()).rowCount());
        assertEquals(1, project.query("SELECT * FROM (SELECT ward FROM survey) PIVOT (count(*) FOR ward IN (0, 1))", 10,
                Cancellation.none()).rowCount());
        assertEquals(3, project.query("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
                10, Cancellation.none()).rowCount());
        assertEquals(1, project.query("SELECT random() < 2 AS ok, row_number() OVER () FROM main.survey LIMIT 1", 10,
                Cancellation.none()).rowCount());
        assertEquals(7, project.query("SELECT ward FROM survey GROUP BY ward UNION SELECT ward FROM survey", 10,
                Cancellation.none()).rowCount());
        try (QueryCursor c = project.openQuery("SELECT a.id FROM survey a JOIN survey b USING (id) WHERE a.id < 3 ORDER BY 1",
                Cancellation.none())) {
            assertEquals(List.of("survey"), c.datasets().stream().map(DatasetInfo::name).toList());
            assertEquals(0L, ((Number) c.next()[0]).longValue());
            assertEquals(1L, ((Number) c.next()[0]).longValue());
            assertEquals(2L, ((Number) c.next()[0]).longValue());
            assertNull(c.next());
        }
    }

    @Test
    void anUnknownTableIsNamed() {
        WorkbenchException e = refused("SELECT * FROM no_such_table");
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
    }

    @Test
    void aTableOutsideTheCatalogIsRefused() {
        // e.g. left behind by an earlier attack ("EXPLAIN ANALYZE CREATE TABLE ..." on an older version)
        project.execute("CREATE TABLE leftover AS SELECT 42 AS x");
        assertTrue(refused("SELECT * FROM leftover").getMessage().contains("not a dataset"));
    }

    @Test
    void aSyntaxErrorIsReportedAsSuch() {
        assertTrue(refused("SELEC 1").getMessage().startsWith("The query is not valid SQL"));
    }

    @Test
    void aLongResultIsStreamedAndCanBeCancelled() {
        Cancellation cancel = Cancellation.none();
        try (QueryCursor c = project.openQuery("SELECT * FROM range(100000000000)", cancel)) {
            for (int i = 0; i < 5000; i++) {
                c.next();
            }
            cancel.cancel();
            assertThrows(jp.ebpm.analysis.task.CancelledException.class, () -> {
                for (int i = 0; i < 5000; i++) {
                    c.next();
                }
            });
        }
        assertEquals(1500, rows("survey"));
    }
}
