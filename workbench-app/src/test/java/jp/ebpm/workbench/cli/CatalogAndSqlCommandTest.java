package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.store.Project;

class CatalogAndSqlCommandTest {

    @TempDir
    Path dir;

    @Test
    void versionAndHelp() {
        CliTestSupport.Result r = CliTestSupport.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("EBPM Workbench"));
        assertEquals(0, CliTestSupport.run("sql", "--help").exitCode());
        assertEquals(0, CliTestSupport.run("catalog", "--help").exitCode());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, CliTestSupport.run("sql").exitCode());
        assertEquals(2, CliTestSupport.run("no-such-command").exitCode());
    }

    @Test
    void missingProjectIsDataError() {
        CliTestSupport.Result r = CliTestSupport.run("catalog", "--project", dir.resolve("none").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("No workbench project"), r.err());
    }

    @Test
    void sqlPrintsCsvAndJsonAndRefusesWrites() {
        Project.create(dir.resolve("p")).close();
        String p = dir.resolve("p").toString();
        CliTestSupport.Result csv = CliTestSupport.run("sql", "--project", p, "--query", "select 1 as a, '川崎区' as 区");
        assertEquals(0, csv.exitCode(), csv.err());
        assertEquals("a,区\n1,川崎区\n", csv.out());
        CliTestSupport.Result json = CliTestSupport.run("sql", "--project", p, "--query", "select 2 as b", "--format", "json");
        assertTrue(json.out().contains("\"b\" : 2"), json.out());
        assertEquals(1, CliTestSupport.run("sql", "--project", p, "--query", "drop table _wb_catalog").exitCode());
        CliTestSupport.Result cat = CliTestSupport.run("catalog", "--project", p, "--json");
        assertEquals(0, cat.exitCode());
        assertEquals("[ ]", cat.out().strip());
    }
}
