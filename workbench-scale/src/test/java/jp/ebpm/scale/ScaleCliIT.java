package jp.ebpm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.privacy.location.ScaleManifest;

/** The command line as a data holder runs it: aggregate with a key file, exit codes, one-line messages. */
class ScaleCliIT {

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        return ScaleMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aggregateByMeshAndDateWithAKeyFile() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // (generate is the same PingGenerator the equivalence test uses; here only its command line)
        assertEquals(2, run(out, err, "generate", "--out", dir.resolve("g").toString()));
        assertTrue(err.toString().contains("--rows"), err.toString());
        Path pings = dir.resolve("pings.csv");
        StringBuilder csv = new StringBuilder("device_id,timestamp,lat,lon\n");
        for (int i = 0; i < 7000; i++) {
            csv.append("D").append(i % 100).append(",2026-04-").append(String.format("%02d", 6 + i % 7)).append(" 0")
                    .append(i % 10).append(":15:00,").append(35.50 + (i % 13) * 0.01).append(',').append(139.60 + (i % 11) * 0.01)
                    .append('\n');
        }
        Files.writeString(pings, csv);
        Path key = dir.resolve("holder.key");
        Files.writeString(key, "0123456789abcdef0123456789abcdef0123456789abcdef\n");
        Path agg = dir.resolve("agg");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        int code = run(out, err, "aggregate", "--master", "local[2]", "--input", pings.toString(), "--by", "mesh3", "--time", "date",
                "--key-file", key.toString(), "--out", agg.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("wrote area_time: "), out.toString());
        assertTrue(out.toString().contains("executor CPU"), out.toString());
        ScaleManifest m = ScaleManifest.read(agg.resolve(ScaleManifest.FILE));
        assertEquals("mesh3", m.parameter("by"));
        assertEquals(7, m.tables().get(0).colKeys().size(), "7 dates");
        assertTrue(m.tables().get(0).rowKeys().stream().allMatch(k -> k.length() == 8), "3rd mesh codes have 8 digits");

        StringWriter e2 = new StringWriter();
        assertEquals(2, run(new StringWriter(), e2, "aggregate", "--input", pings.toString(), "--out", "x"));
        assertTrue(e2.toString().contains("Missing required options"), e2.toString());
        StringWriter e3 = new StringWriter();
        assertEquals(1, run(new StringWriter(), e3, "aggregate", "--input", pings.toString(), "--by", "mesh9", "--time", "hour",
                "--key-file", key.toString(), "--out", dir.resolve("y").toString()));
        assertTrue(e3.toString().startsWith("error: --by must be ward, small-area, area or mesh1"), e3.toString());
        assertTrue(!e3.toString().contains("\tat "), "no stack trace");
    }
}
