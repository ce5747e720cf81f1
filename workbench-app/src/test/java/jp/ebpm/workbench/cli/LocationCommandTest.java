package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationCommandTest {

    private String passphrase = "cli test passphrase";

    @BeforeEach
    void env() {
        Passphrase.environment = name -> Passphrase.ENV.equals(name) ? passphrase : null;
    }

    @AfterEach
    void reset() {
        Passphrase.environment = System::getenv;
    }

    private static String p(Path x) {
        return x.toString();
    }

    @Test
    void importAggregateOdAndAudit(@TempDir Path dir) throws Exception {
        Path pings = dir.resolve("pings.csv");
        Path proj = dir.resolve("proj");
        CliTestSupport.Result gen = CliTestSupport.run("sample", "pings", "--rows", "20000", "--seed", "7", "--out", p(pings));
        assertEquals(0, gen.exitCode(), gen.err());
        CliTestSupport.Result imp = CliTestSupport.run("location", "import", "--project", p(proj), "--file", p(pings),
                "--name", "pings", "--kind", "pings");
        assertEquals(0, imp.exitCode(), imp.err());
        assertTrue(imp.out().contains("imported 20000 rows"), imp.out());

        Path agg = dir.resolve("ward-hour.csv");
        CliTestSupport.Result a = CliTestSupport.run("location", "aggregate", "--project", p(proj), "--dataset", "pings",
                "--by", "ward", "--time", "hour", "--out", p(agg));
        assertEquals(0, a.exitCode(), a.err());
        assertTrue(a.err().contains("bundled sample wards"), a.err());
        List<String> rows = Files.readAllLines(agg, StandardCharsets.UTF_8);
        assertEquals("area,time,pings,devices", rows.get(0));
        assertEquals(1 + 7 * 24, rows.size()); // header + 7 wards × 24 hours
        assertTrue(rows.get(1).startsWith("14131,0,"), rows.get(1));

        Path mesh = dir.resolve("mesh4-date.csv");
        CliTestSupport.Result m = CliTestSupport.run("location", "aggregate", "--project", p(proj), "--dataset", "pings",
                "--by", "mesh4", "--time", "date", "--k", "10", "--round", "5", "--out", p(mesh));
        assertEquals(0, m.exitCode(), m.err());
        List<String> meshRows = Files.readAllLines(mesh, StandardCharsets.UTF_8);
        assertTrue(meshRows.stream().anyMatch(r -> r.contains("χ")), "20,000 pings over ~290 devices in 500 m cells must suppress");
        for (String r : meshRows.subList(1, meshRows.size())) {
            String[] f = r.split(",");
            if (!"χ".equals(f[3])) {
                long devices = Long.parseLong(f[3]);
                assertEquals(0, devices % 5);
                assertTrue(devices == 0 || devices >= 10, r);
            }
        }

        Path od = dir.resolve("od.csv");
        CliTestSupport.Result o = CliTestSupport.run("location", "od", "--project", p(proj), "--dataset", "pings",
                "--by", "ward", "--k", "10", "--out", p(od));
        assertEquals(0, o.exitCode(), o.err());
        assertEquals("origin,destination,devices,trips", Files.readAllLines(od).get(0));

        CliTestSupport.Result xl = CliTestSupport.run("location", "aggregate", "--project", p(proj), "--dataset", "pings",
                "--by", "mesh3", "--time", "weekday", "--out", p(dir.resolve("t.xlsx")));
        assertEquals(0, xl.exitCode(), xl.err());

        CliTestSupport.Result v = CliTestSupport.run("audit", "--project", p(proj), "--verify");
        assertEquals(0, v.exitCode(), v.err());
        assertTrue(v.out().contains("4 entries") && v.out().contains("MACs verified"), v.out());
        CliTestSupport.Result list = CliTestSupport.run("audit", "--project", p(proj), "--export", p(dir.resolve("audit.jsonl")));
        assertEquals(0, list.exitCode());
        assertEquals(4, Files.readAllLines(dir.resolve("audit.jsonl")).size());

        // SQL console cannot read the private dataset
        CliTestSupport.Result sql = CliTestSupport.run("sql", "--project", p(proj), "--query", "SELECT * FROM pings");
        assertEquals(1, sql.exitCode());
        assertTrue(sql.err().contains("private"), sql.err());

        // tamper with the audit log: verification fails with exit code 1
        Path log = proj.resolve("audit/audit-log.jsonl");
        String text = Files.readString(log).replaceFirst("\"k\":10", "\"k\":30");
        Files.writeString(log, text);
        CliTestSupport.Result bad = CliTestSupport.run("audit", "--project", p(proj), "--verify");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("does NOT verify"), bad.err());
    }

    @Test
    void wrongOrMissingPassphraseAndBadOptions(@TempDir Path dir) throws Exception {
        Path pings = dir.resolve("pings.csv");
        Path proj = dir.resolve("proj");
        CliTestSupport.run("sample", "pings", "--rows", "500", "--seed", "3", "--out", p(pings));
        assertEquals(0, CliTestSupport.run("location", "import", "--project", p(proj), "--file", p(pings), "--name", "pings",
                "--kind", "pings").exitCode());
        passphrase = "the wrong passphrase";
        CliTestSupport.Result wrong = CliTestSupport.run("location", "aggregate", "--project", p(proj), "--dataset", "pings",
                "--by", "ward", "--time", "hour", "--out", p(dir.resolve("x.csv")));
        assertEquals(1, wrong.exitCode());
        assertTrue(wrong.err().contains("passphrase is wrong"), wrong.err());
        assertFalse(Files.exists(dir.resolve("x.csv")));
        passphrase = null;
        CliTestSupport.Result none = CliTestSupport.run("location", "aggregate", "--project", p(proj), "--dataset", "pings",
                "--by", "ward", "--time", "hour", "--out", p(dir.resolve("x.csv")));
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("WORKBENCH_PASSPHRASE"), none.err());
        passphrase = "cli test passphrase";
        assertEquals(2, CliTestSupport.run("location", "aggregate", "--project", p(proj), "--dataset", "pings",
                "--by", "ward", "--time", "hour", "--k", "2", "--out", p(dir.resolve("x.csv"))).exitCode());
        assertEquals(2, CliTestSupport.run("location", "aggregate", "--project", p(proj), "--dataset", "pings",
                "--by", "county", "--time", "hour", "--out", p(dir.resolve("x.csv"))).exitCode());
        assertEquals(2, CliTestSupport.run("location", "aggregate", "--project", p(proj), "--dataset", "pings",
                "--by", "ward", "--time", "hour", "--round", "3", "--out", p(dir.resolve("x.csv"))).exitCode());
        assertEquals(1, CliTestSupport.run("location", "aggregate", "--project", p(proj), "--dataset", "nope",
                "--by", "ward", "--time", "hour", "--out", p(dir.resolve("x.csv"))).exitCode());
        assertEquals(2, CliTestSupport.run("location", "import", "--project", p(proj), "--file", p(pings), "--name", "p2",
                "--kind", "pings", "--id-col", "no_such_column").exitCode());
    }

    @Test
    void meshPopulationSample(@TempDir Path dir) throws Exception {
        Path csv = Path.of("..", "sample-data", "location", "mesh-population-sample.csv");
        Path proj = dir.resolve("proj");
        CliTestSupport.Result imp = CliTestSupport.run("location", "import", "--project", p(proj), "--file", p(csv),
                "--name", "mp", "--kind", "mesh-population");
        assertEquals(0, imp.exitCode(), imp.err());
        assertTrue(imp.out().contains("imported 960 rows"), imp.out()); // 20 meshes × 2 dates × 24 hours
        CliTestSupport.Result a = CliTestSupport.run("location", "aggregate", "--project", p(proj), "--dataset", "mp",
                "--by", "mesh3", "--time", "hour", "--out", p(dir.resolve("mp.csv")));
        assertEquals(0, a.exitCode(), a.err());
        assertEquals("area,time,population", Files.readAllLines(dir.resolve("mp.csv")).get(0));
    }
}
