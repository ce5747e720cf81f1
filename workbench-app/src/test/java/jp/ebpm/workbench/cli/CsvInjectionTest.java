package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CSV output the issue lists (issue 16 part 3) neutralises formula-like text the way the .xlsx writer
 * does: a leading {@code = + - @}, tab or CR gets a {@code '} prefix; numbers stay numbers. On main these
 * outputs wrote, e.g., {@code =cmd|' /C calc'!A0} raw.
 */
class CsvInjectionTest {

    /** Formula-like texts as a spreadsheet attack would use them. */
    static final List<String> ATTACKS = List.of("=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "=HYPERLINK(\"http://x\")");

    @TempDir
    Path dir;

    @BeforeEach
    void env() {
        Passphrase.environment = name -> Passphrase.ENV.equals(name) ? "csv injection test passphrase" : null;
    }

    @AfterEach
    void reset() {
        Passphrase.environment = System::getenv;
    }

    private static final java.util.regex.Pattern CELL = java.util.regex.Pattern.compile("\"((?:[^\"]|\"\")*)\"|([^,]*)");

    /** Splits CSV text without line breaks inside cells (true of these outputs) into rows of cells. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            List<String> row = new ArrayList<>();
            java.util.regex.Matcher m = CELL.matcher(line);
            int at = 0;
            while (at <= line.length() && m.find(at)) {
                row.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
                at = m.end() + 1; // skip the comma
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Checks that no cell would run as a formula, and returns how many cells were neutralised. A cell starting
     * with + or - is allowed when it is a number or the lone "none" mark.
     */
    static int assertNoFormula(String csv, String what) {
        int guarded = 0;
        for (List<String> row : parse(csv)) {
            for (String cell : row) {
                if (cell.isEmpty()) {
                    continue;
                }
                char c = cell.charAt(0);
                boolean number = cell.matches("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?") || cell.equals("-") || cell.equals("+");
                assertFalse(c == '=' || c == '@' || c == '\t' || c == '\r' || ((c == '+' || c == '-') && !number),
                        what + ": formula-like cell written raw: " + cell);
                if (c == '\'' && cell.length() > 1 && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
                    guarded++;
                }
            }
        }
        return guarded;
    }

    @Test
    void sqlCsv() {
        String p = dir.resolve("p").toString();
        jp.ebpm.analysis.store.Project.create(dir.resolve("p")).close();
        StringBuilder q = new StringBuilder("SELECT -5 AS n, 2.5 AS x");
        for (int i = 0; i < ATTACKS.size(); i++) {
            q.append(", ").append("'").append(ATTACKS.get(i).replace("'", "''")).append("' AS a").append(i);
        }
        CliTestSupport.Result r = CliTestSupport.run("sql", "--project", p, "--query", q.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(ATTACKS.size(), assertNoFormula(r.out(), "sql"));
        List<String> row = parse(r.out()).get(1);
        assertEquals("-5", row.get(0));
        assertEquals("2.5", row.get(1));
        assertEquals("'=cmd|' /C calc'!A0", row.get(2));
    }

    @Test
    void codebookOut() throws Exception {
        Path data = dir.resolve("s.csv");
        Files.writeString(data, "id,ward\n1,1\n2,2\n3,3\n", StandardCharsets.UTF_8);
        String p = dir.resolve("p").toString();
        assertEquals(0, CliTestSupport.run("import", "--project", p, "--file", data.toString(), "--name", "s").exitCode());
        StringBuilder cb = new StringBuilder("variable,question,question_en,type,code,label_ja,label_en,missing,members\n");
        cb.append("ward,\"").append(ATTACKS.get(0).replace("\"", "\"\"")).append("\",,single,1,\"")
                .append(ATTACKS.get(1)).append("\",\"").append(ATTACKS.get(3)).append("\",,\n");
        cb.append("ward,,,,2,\"").append(ATTACKS.get(5).replace("\"", "\"\"")).append("\",-,,\n");
        cb.append("ward,,,,3,\"").append(ATTACKS.get(4)).append("\",@x,,\n");
        Path cbFile = dir.resolve("codebook.csv");
        Files.writeString(cbFile, cb, StandardCharsets.UTF_8);
        CliTestSupport.Result set = CliTestSupport.run("codebook", "--project", p, "--dataset", "s", "--set", cbFile.toString());
        assertEquals(0, set.exitCode(), set.err());
        Path out = dir.resolve("out.csv");
        CliTestSupport.Result r = CliTestSupport.run("codebook", "--project", p, "--dataset", "s", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(6, assertNoFormula(text, "codebook --out")); // the lone "-" label stays as it is
        // the written codebook reads back unchanged (the reader drops the quote again)
        CliTestSupport.Result again = CliTestSupport.run("codebook", "--project", p, "--dataset", "s", "--set", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        CliTestSupport.Result shown = CliTestSupport.run("codebook", "--project", p, "--dataset", "s");
        assertEquals(text, shown.out());
    }

    @Test
    void kpiEvaluateCsv() throws Exception {
        Path sample = Path.of(System.getProperty("workbench.sampleData", "../sample-data"), "kpi", "kpi-register-sample.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(sample, StandardCharsets.UTF_8));
        // K01: measure, name and unit replaced by formula-like text
        String k01 = lines.get(1).replace("施策1 オープンデータの推進", q(ATTACKS.get(0)))
                .replace("オープンデータのデータセット数", q(ATTACKS.get(5))).replace(",セット,", "," + q(ATTACKS.get(3)) + ",");
        lines.set(1, k01);
        Path reg = dir.resolve("reg.csv");
        Files.write(reg, lines, StandardCharsets.UTF_8);
        CliTestSupport.Result r = CliTestSupport.run("kpi", "evaluate", "--kpis", reg.toString(), "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, assertNoFormula(r.out(), "kpi evaluate"));
    }

    private static String q(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Test
    void locationAggregateDwellAndOdWithFormulaNamedAreas() throws Exception {
        Path pings = dir.resolve("pings.csv");
        Path proj = dir.resolve("proj");
        assertEquals(0, CliTestSupport.run("sample", "pings", "--rows", "20000", "--seed", "7", "--out", pings.toString()).exitCode());
        assertEquals(0, CliTestSupport.run("location", "import", "--project", proj.toString(), "--file", pings.toString(),
                "--name", "pings", "--kind", "pings").exitCode());
        // six strips over Kawasaki, named by formula-like text (the 6 areas × 24 hours = 144 cells)
        StringBuilder gj = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        double west = 139.55;
        double step = (139.80 - 139.55) / 6;
        for (int i = 0; i < 6; i++) {
            double a = west + i * step;
            double b = a + step;
            gj.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"code\":")
                    .append(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(ATTACKS.get(i)))
                    .append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[").append(a).append(",35.50],[")
                    .append(b).append(",35.50],[").append(b).append(",35.65],[").append(a).append(",35.65],[").append(a)
                    .append(",35.50]]]}}");
        }
        gj.append("]}");
        Path areas = dir.resolve("areas.geojson");
        Files.writeString(areas, gj, StandardCharsets.UTF_8);
        CliTestSupport.Result li = CliTestSupport.run("layer", "import", "--project", proj.toString(), "--file", areas.toString(),
                "--name", "strips", "--kind", "boundary");
        assertEquals(0, li.exitCode(), li.err());

        Path agg = dir.resolve("agg.csv");
        CliTestSupport.Result a = CliTestSupport.run("location", "aggregate", "--project", proj.toString(), "--dataset", "pings",
                "--by", "small-area", "--areas", "strips", "--area-key", "code", "--time", "hour", "--out", agg.toString());
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(144, assertNoFormula(Files.readString(agg, StandardCharsets.UTF_8), "location aggregate"));

        Path dwell = dir.resolve("dwell.csv");
        CliTestSupport.Result d = CliTestSupport.run("location", "dwell", "--project", proj.toString(), "--dataset", "pings",
                "--by", "small-area", "--areas", "strips", "--area-key", "code", "--out", dwell.toString());
        assertEquals(0, d.exitCode(), d.err());
        assertTrue(assertNoFormula(Files.readString(dwell, StandardCharsets.UTF_8), "location dwell") > 0);

        Path od = dir.resolve("od.csv");
        CliTestSupport.Result o = CliTestSupport.run("location", "od", "--project", proj.toString(), "--dataset", "pings",
                "--by", "small-area", "--areas", "strips", "--area-key", "code", "--out", od.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(assertNoFormula(Files.readString(od, StandardCharsets.UTF_8), "location od") > 0);
    }

    @Test
    void overlayJoinAndMeshEncodeWrittenByDuckDb() throws Exception {
        Path wards = dir.resolve("wards.geojson");
        try (java.io.InputStream in = getClass().getResourceAsStream("/jp/ebpm/workbench/gis/kawasaki-wards-n03-2021-simplified.geojson")) {
            Files.copy(in, wards);
        }
        StringBuilder pts = new StringBuilder("name,lat,lon\n");
        for (String a : ATTACKS) {
            pts.append(q(a)).append(",35.5760,139.6590\n");
        }
        pts.append("-,-35.5,139.6\n"); // a lone "-" and a negative number stay as they are (the point is skipped)
        Path in = dir.resolve("pts.csv");
        Files.writeString(in, pts, StandardCharsets.UTF_8);
        CliTestSupport.Result j = CliTestSupport.run("overlay", "join", "--points", in.toString(), "--lat-col", "lat", "--lon-col", "lon",
                "--polygons", wards.toString(), "--key", "N03_004", "--out", "-");
        assertEquals(0, j.exitCode(), j.err());
        assertEquals(ATTACKS.size(), assertNoFormula(j.out(), "overlay join"));
        List<List<String>> rows = parse(j.out());
        assertEquals(List.of("'" + ATTACKS.get(0), "35.5760", "139.6590", "中原区"), rows.get(1));
        assertEquals(List.of("-", "-35.5", "139.6", ""), rows.get(rows.size() - 1));
        Path out = dir.resolve("mesh.csv");
        CliTestSupport.Result m = CliTestSupport.run("mesh", "encode", "--csv", in.toString(), "--lat-col", "lat", "--lon-col", "lon",
                "--level", "3", "--out", out.toString());
        assertEquals(0, m.exitCode(), m.err());
        assertEquals(ATTACKS.size(), assertNoFormula(Files.readString(out, StandardCharsets.UTF_8), "mesh encode"));
    }
}
