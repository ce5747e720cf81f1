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
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.privacy.audit.AuditLog;
import jp.ebpm.analysis.store.Project;

/**
 * Issue 16: switching the privacy controls off outside the workbench (lower k, delete the suppression
 * memory, cut audit entries and reset the head) is detected and refused; an output whose audit entry cannot
 * be written is not left on disk.
 */
class PrivacyTamperCliTest {

    @TempDir
    Path dir;
    private Path proj;

    @BeforeEach
    void project() throws Exception {
        Passphrase.environment = name -> Passphrase.ENV.equals(name) ? "tamper test passphrase" : null;
        Path pings = dir.resolve("pings.csv");
        proj = dir.resolve("proj");
        assertEquals(0, CliTestSupport.run("sample", "pings", "--rows", "20000", "--seed", "7", "--out", pings.toString()).exitCode());
        assertEquals(0, CliTestSupport.run("location", "import", "--project", proj.toString(), "--file", pings.toString(),
                "--name", "pings", "--kind", "pings").exitCode());
    }

    /** Two guarded exports: two audit entries and a remembered suppression pattern. */
    private void twoExports() {
        for (String by : List.of("ward", "mesh4")) {
            CliTestSupport.Result a = aggregate(by, dir.resolve(by + ".csv"));
            assertEquals(0, a.exitCode(), a.err());
        }
        assertEquals(0, verify().exitCode(), verify().err());
    }

    @AfterEach
    void reset() {
        Passphrase.environment = System::getenv;
    }

    private CliTestSupport.Result aggregate(String by, Path out) {
        return CliTestSupport.run("location", "aggregate", "--project", proj.toString(), "--dataset", "pings", "--by", by,
                "--time", "hour", "--out", out.toString());
    }

    private CliTestSupport.Result verify() {
        return CliTestSupport.run("audit", "--project", proj.toString(), "--verify");
    }

    /** Changes the closed project with a plain DuckDB connection, as a user could outside the workbench. */
    private void outside(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + proj.resolve(Project.DB_FILE).toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private void assertRefused() {
        Path out = dir.resolve("after.csv");
        CliTestSupport.Result a = aggregate("ward", out);
        assertEquals(1, a.exitCode(), a.out() + a.err());
        assertTrue(a.err().contains("Refused: the privacy settings or the audit log"), a.err());
        assertFalse(Files.exists(out));
        CliTestSupport.Result v = verify();
        assertEquals(1, v.exitCode(), v.out());
        assertTrue(v.err().contains("does NOT verify"), v.err());
    }

    @Test
    void lowerKOutsideTheWorkbench() throws Exception {
        twoExports();
        // on main: the next export used k = 3
        outside("INSERT OR REPLACE INTO _wb_settings VALUES ('privacy.k', '3')");
        assertRefused();
    }

    @Test
    void deleteTheSuppressionMemory() throws Exception {
        twoExports();
        outside("DELETE FROM _wb_settings WHERE key LIKE 'privacy.suppressed.%'");
        assertRefused();
    }

    @Test
    void cutAuditEntriesAndResetTheHead() throws Exception {
        twoExports();
        Path log = proj.resolve(AuditLog.FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        assertEquals(2, lines.size());
        String firstHash = lines.get(0).replaceAll(".*\"hash\":\"([0-9a-f]{64})\".*", "$1");
        Files.write(log, lines.subList(0, 1), StandardCharsets.UTF_8);
        outside("UPDATE _wb_settings SET value = '1:" + firstHash + "' WHERE key = 'privacy.audit.head'");
        // on main `audit --verify` said OK here; now even without the passphrase the key file's record disagrees
        Passphrase.environment = name -> null;
        CliTestSupport.Result v = verify();
        assertEquals(1, v.exitCode(), v.out());
        assertTrue(v.err().contains("entries were removed at the end"), v.err());
        Passphrase.environment = name -> Passphrase.ENV.equals(name) ? "tamper test passphrase" : null;
        assertRefused();
    }

    @Test
    void anExportWhoseAuditEntryCannotBeWrittenLeavesNoFile() throws Exception {
        // the log cannot be created: it is a link into a folder that does not exist (nothing was exported yet,
        // so the missing log is consistent and private data unlocks)
        Path log = proj.resolve(AuditLog.FILE);
        Files.createDirectories(log.getParent());
        Files.createSymbolicLink(log, dir.resolve("no-such-folder").resolve("audit-log.jsonl"));
        Path csv = dir.resolve("unaudited.csv");
        CliTestSupport.Result a = aggregate("ward", csv);
        assertEquals(1, a.exitCode(), a.out() + a.err());
        assertTrue(a.err().contains("Cannot write the audit log"), a.err());
        assertFalse(Files.exists(csv), "on main the CSV stayed on disk without an audit entry");
        Path png = dir.resolve("unaudited.png");
        CliTestSupport.Result m = CliTestSupport.run("location", "map", "--project", proj.toString(), "--dataset", "pings",
                "--at", "8", "--out", png.toString());
        assertEquals(1, m.exitCode(), m.out() + m.err());
        assertFalse(Files.exists(png), "on main the PNG stayed on disk without an audit entry");
        try (Stream<Path> s = Files.list(proj.resolve(Project.SCRATCH_DIR))) {
            assertEquals(0, s.count(), "no scratch copy left behind");
        }
        // with a working log the same export lands, with its entry
        Files.delete(log);
        CliTestSupport.Result ok = aggregate("ward", csv);
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(Files.exists(csv));
        assertEquals(AuditLog.sha256(csv), new ObjectMapper().readTree(Files.readAllLines(log).get(0)).get("output_sha256").asText());
        assertEquals(0, verify().exitCode(), verify().err());
    }
}
