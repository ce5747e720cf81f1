package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's first attack through the command line, as it was reported: all devices, residents and visitors per
 * ward and hour exported one after the other. Every command goes through the same linked check as the app, so
 * no small visitors cell may equal all devices minus residents in the files.
 */
class LocationLinkedCommandTest {

    @BeforeEach
    void env() {
        Passphrase.environment = name -> Passphrase.ENV.equals(name) ? "cli linked test passphrase" : null;
    }

    @AfterEach
    void reset() {
        Passphrase.environment = System::getenv;
    }

    private static Map<String, String[]> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Map<String, String[]> m = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            m.put(f[0] + "@" + f[1], f);
        }
        return m;
    }

    @Test
    void visitorsAreNotAllDevicesMinusResidentsInTheExportedFiles(@TempDir Path dir) throws IOException {
        Path pings = dir.resolve("pings.csv");
        Path proj = dir.resolve("proj");
        assertEquals(0, CliTestSupport.run("sample", "pings", "--rows", "30000", "--seed", "16", "--out", pings.toString()).exitCode());
        assertEquals(0, CliTestSupport.run("location", "import", "--project", proj.toString(), "--file", pings.toString(),
                "--name", "pings", "--kind", "pings").exitCode());
        Path all = dir.resolve("all.csv");
        Path res = dir.resolve("residents.csv");
        Path vis = dir.resolve("visitors.csv");
        CliTestSupport.Result a = CliTestSupport.run("location", "aggregate", "--project", proj.toString(), "--dataset", "pings",
                "--by", "ward", "--time", "hour", "--out", all.toString());
        assertEquals(0, a.exitCode(), a.err());
        CliTestSupport.Result r = CliTestSupport.run("location", "presence", "--project", proj.toString(), "--dataset", "pings",
                "--who", "residents", "--out", res.toString());
        assertEquals(0, r.exitCode(), r.err());
        CliTestSupport.Result v = CliTestSupport.run("location", "presence", "--project", proj.toString(), "--dataset", "pings",
                "--who", "visitors", "--out", vis.toString());
        assertEquals(0, v.exitCode(), v.err());
        Map<String, String[]> ma = read(all);
        Map<String, String[]> mr = read(res);
        Map<String, String[]> mv = read(vis);
        int suppressedVisitors = 0;
        for (Map.Entry<String, String[]> e : mv.entrySet()) {
            String[] fv = e.getValue();
            String[] fa = ma.get(e.getKey());
            String[] fr = mr.get(e.getKey());
            if (!"χ".equals(fv[3])) {
                continue;
            }
            suppressedVisitors++;
            if ("χ".equals(fa[3]) || "χ".equals(fr[3])) {
                continue;
            }
            // both published: their difference is the visitors count, which must then not be a small one
            long diff = Long.parseLong(fa[3]) - Long.parseLong(fr[3]);
            assertTrue(diff == 0 || diff >= 10, "visitors " + e.getKey() + " = " + fa[3] + " − " + fr[3] + " = " + diff);
        }
        assertTrue(suppressedVisitors > 0, "30,000 pings must leave small visitor cells");
        CliTestSupport.Result audit = CliTestSupport.run("audit", "--project", proj.toString(), "--verify");
        assertEquals(0, audit.exitCode(), audit.err());
    }
}
