package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.privacy.audit.AuditLog;
import jp.ebpm.analysis.privacy.location.AreaLayer;

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
            String[] f = fields(r);
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

    // ---- residents/visitors, dwell and maps, checked against an independent computation in plain Java ----

    private record Ping(String id, LocalDateTime ts, String ward) {
    }

    private static final List<String> WARDS = List.of("14131", "14132", "14133", "14134");

    /**
     * 50 devices over two dates in four wards: devices 0–39 have a night ping at home (ward d mod 3, some with
     * a second night ping elsewhere), 40–49 are never seen at night; every device is in ward 14131 or 14132 at
     * 8 h; the other day pings are random. Minutes are distinct per device and date.
     */
    private static List<Ping> syntheticPings() {
        Random rnd = new Random(42);
        List<Ping> out = new ArrayList<>();
        for (int d = 0; d < 50; d++) {
            String id = String.format("dev-%03d", d);
            for (LocalDate date : List.of(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 7))) {
                TreeMap<Integer, String> day = new TreeMap<>();
                if (d < 40) {
                    day.put(60 + rnd.nextInt(240), WARDS.get(d % 3));
                    if (rnd.nextInt(10) < 3) {
                        day.putIfAbsent(60 + rnd.nextInt(240), WARDS.get(rnd.nextInt(4)));
                    }
                }
                day.put(480 + rnd.nextInt(60), d % 2 == 0 ? "14131" : "14132");
                int n = 3 + rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    day.putIfAbsent(360 + rnd.nextInt(1020), WARDS.get(rnd.nextInt(4)));
                }
                day.forEach((m, w) -> out.add(new Ping(id, date.atStartOfDay().plusMinutes(m), w)));
            }
        }
        return out;
    }

    private static Path writePings(Path file, List<Ping> pings) throws Exception {
        Map<String, Coordinate> at = new HashMap<>();
        for (AreaLayer.Area a : AreaLayer.bundledWards().areas()) {
            at.put(a.key(), a.geometry().getInteriorPoint().getCoordinate());
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        List<String> lines = new ArrayList<>(List.of("device_id,timestamp,lat,lon"));
        for (Ping p : pings) {
            Coordinate c = at.get(p.ward());
            lines.add(p.id() + "," + f.format(p.ts()) + "," + c.y + "," + c.x);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** Expected cell: pings (or dwell minutes) and the set of devices, keyed "area,hour". */
    private record Expected(Map<String, long[]> counts, Map<String, Set<String>> devices) {
        Expected() {
            this(new HashMap<>(), new HashMap<>());
        }

        void add(String key, String id, long count) {
            counts.computeIfAbsent(key, x -> new long[1])[0] += count;
            devices.computeIfAbsent(key, x -> new HashSet<>()).add(id);
        }

        long count(String key) {
            return counts.containsKey(key) ? counts.get(key)[0] : 0;
        }

        int persons(String key) {
            return devices.containsKey(key) ? devices.get(key).size() : 0;
        }
    }

    /** Home area: most pings at 00:00–04:59 over all dates, ties to the smallest key; none if never seen at night. */
    private static Map<String, String> homes(List<Ping> pings) {
        Map<String, Map<String, Integer>> night = new HashMap<>();
        for (Ping p : pings) {
            if (p.ts().getHour() < 5) {
                night.computeIfAbsent(p.id(), x -> new TreeMap<>()).merge(p.ward(), 1, Integer::sum);
            }
        }
        Map<String, String> home = new HashMap<>();
        night.forEach((id, m) -> home.put(id, m.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElseThrow().getKey()));
        return home;
    }

    private static Expected presence(List<Ping> pings, boolean residents) {
        Map<String, String> home = homes(pings);
        Expected e = new Expected();
        for (Ping p : pings) {
            if (p.ward().equals(home.get(p.id())) == residents) {
                e.add(p.ward() + "," + p.ts().getHour(), p.id(), 1);
            }
        }
        return e;
    }

    /** Stays per device and date; a stay lasts until the next stay's first ping (last stay: its own last ping). */
    private static Expected dwell(List<Ping> pings) {
        Map<String, List<Ping>> byDay = new TreeMap<>();
        for (Ping p : pings) {
            byDay.computeIfAbsent(p.id() + "|" + p.ts().toLocalDate(), x -> new ArrayList<>()).add(p);
        }
        Map<String, long[]> seconds = new HashMap<>();
        Expected e = new Expected();
        for (List<Ping> day : byDay.values()) {
            day.sort(Comparator.comparing(Ping::ts).thenComparing(Ping::ward));
            List<Ping[]> stays = new ArrayList<>(); // first, last ping of each stay
            for (Ping p : day) {
                if (stays.isEmpty() || !stays.get(stays.size() - 1)[0].ward().equals(p.ward())) {
                    stays.add(new Ping[] {p, p});
                } else {
                    stays.get(stays.size() - 1)[1] = p;
                }
            }
            for (int i = 0; i < stays.size(); i++) {
                Ping first = stays.get(i)[0];
                LocalDateTime end = i + 1 < stays.size() ? stays.get(i + 1)[0].ts() : stays.get(i)[1].ts();
                String key = first.ward() + "," + first.ts().getHour();
                seconds.computeIfAbsent(key, x -> new long[1])[0] += java.time.Duration.between(first.ts(), end).getSeconds();
                e.devices().computeIfAbsent(key, x -> new HashSet<>()).add(first.id());
            }
        }
        seconds.forEach((key, s) -> e.counts().put(key, new long[] {Math.round(s[0] / 60.0)}));
        return e;
    }

    /** Compares a guarded area × hour CSV with the expected cells: equal where published, χ where 1..k−1 devices. */
    private static int checkAgainst(List<String> rows, Expected e, int k) {
        int suppressed = 0;
        int nonZero = 0;
        for (String r : rows.subList(1, rows.size())) {
            String[] f = fields(r);
            String key = f[0] + "," + f[1];
            int persons = e.persons(key);
            if ("χ".equals(f[3])) {
                assertEquals("χ", f[2], r);
                suppressed++;
                continue;
            }
            assertTrue(persons == 0 || persons >= k, "a cell with " + persons + " devices must be suppressed: " + r);
            assertEquals(persons, Long.parseLong(f[3]), r);
            assertEquals(e.count(key), Long.parseLong(f[2]), r);
            if (persons > 0) {
                nonZero++;
            }
        }
        assertTrue(suppressed > 0 && nonZero > 0, "the data must give both suppressed and published cells");
        return suppressed;
    }

    private static JsonNode lastAudit(Path proj) throws Exception {
        List<String> lines = Files.readAllLines(proj.resolve(AuditLog.FILE), StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    @Test
    void residentsVisitorsDwellAndMapsMatchAnIndependentComputation(@TempDir Path dir) throws Exception {
        List<Ping> pings = syntheticPings();
        Path proj = dir.resolve("proj");
        CliTestSupport.Result imp = CliTestSupport.run("location", "import", "--project", p(proj), "--file",
                p(writePings(dir.resolve("pings.csv"), pings)), "--name", "pings", "--kind", "pings");
        assertEquals(0, imp.exitCode(), imp.err());

        for (String who : List.of("residents", "visitors")) {
            Path out = dir.resolve(who + ".csv");
            CliTestSupport.Result r = CliTestSupport.run("location", "presence", "--project", p(proj), "--dataset", "pings",
                    "--who", who, "--k", "3", "--out", p(out));
            assertEquals(0, r.exitCode(), r.err());
            List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertEquals("area,time,pings," + who, rows.get(0));
            assertEquals(1 + 7 * 24, rows.size());
            checkAgainst(rows, presence(pings, who.equals("residents")), 3);
            JsonNode a = lastAudit(proj);
            assertEquals(who + ".export", a.get("operation").asText());
            assertEquals(AuditLog.sha256(out), a.get("output_sha256").asText());
        }
        // by construction: every device is at 14131 or 14132 at 8 h, and half of the devices 0–39 live in 14131
        Expected res = presence(pings, true);
        assertTrue(res.persons("14131,8") >= 3, "a published residents cell at 8 h");

        Path dw = dir.resolve("dwell.csv");
        CliTestSupport.Result d = CliTestSupport.run("location", "dwell", "--project", p(proj), "--dataset", "pings",
                "--k", "3", "--out", p(dw));
        assertEquals(0, d.exitCode(), d.err());
        List<String> dwRows = Files.readAllLines(dw, StandardCharsets.UTF_8);
        assertEquals("area,time,dwell_minutes,devices", dwRows.get(0));
        checkAgainst(dwRows, dwell(pings), 3);
        assertEquals("dwell.export", lastAudit(proj).get("operation").asText());

        // map of the residents at 8 h: PNG written, audited with its SHA-256, as many χ areas as the table has
        Path png = dir.resolve("maps/residents-8.png");
        CliTestSupport.Result m = CliTestSupport.run("location", "map", "--project", p(proj), "--dataset", "pings",
                "--table", "residents", "--at", "8", "--k", "3", "--out", p(png));
        assertEquals(0, m.exitCode(), m.err());
        var img = ImageIO.read(png.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(900, img.getHeight());
        JsonNode a = lastAudit(proj);
        assertEquals("residents.map.export", a.get("operation").asText());
        assertEquals(png.toAbsolutePath().toString(), a.get("output").asText());
        assertEquals(AuditLog.sha256(png), a.get("output_sha256").asText());
        assertEquals("8", a.get("parameters").get("at").asText());
        assertEquals("residents", a.get("parameters").get("measure").asText());
        long chiAt8 = Files.readAllLines(dir.resolve("residents.csv"), StandardCharsets.UTF_8).stream()
                .filter(r -> fields(r)[1].equals("8") && r.endsWith(",χ")).count();
        assertTrue(m.out().contains("7 areas, " + chiAt8 + " suppressed"), m.out() + " (χ at 8 h in the table: " + chiAt8 + ")");

        // SVG of the visitors' pings; the legend names the suppressed entry
        Path svg = dir.resolve("visitors.svg");
        CliTestSupport.Result ms = CliTestSupport.run("location", "map", "--project", p(proj), "--dataset", "pings",
                "--table", "visitors", "--at", "14", "--measure", "pings", "--k", "3", "--out", p(svg));
        assertEquals(0, ms.exitCode(), ms.err());
        String svgText = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(svgText.contains("pings (time 14)"), "legend title");
        assertEquals("visitors.map.export", lastAudit(proj).get("operation").asText());

        // a mesh map of the area × hour table
        Path mesh = dir.resolve("mesh.png");
        CliTestSupport.Result mm = CliTestSupport.run("location", "map", "--project", p(proj), "--dataset", "pings",
                "--by", "mesh4", "--at", "8", "--measure", "pings", "--k", "3", "--out", p(mesh));
        assertEquals(0, mm.exitCode(), mm.err());
        assertTrue(Files.size(mesh) > 1000);

        // refused: no file, no audit entry
        int entries = Files.readAllLines(proj.resolve(AuditLog.FILE)).size();
        Path bad = dir.resolve("bad.png");
        assertEquals(2, CliTestSupport.run("location", "map", "--project", p(proj), "--dataset", "pings", "--table", "od",
                "--at", "8", "--out", p(bad)).exitCode());
        assertEquals(2, CliTestSupport.run("location", "map", "--project", p(proj), "--dataset", "pings", "--table", "dwell",
                "--by", "mesh3", "--at", "8", "--out", p(bad)).exitCode());
        assertEquals(2, CliTestSupport.run("location", "map", "--project", p(proj), "--dataset", "pings",
                "--at", "8", "--out", p(dir.resolve("bad.jpg"))).exitCode());
        CliTestSupport.Result noHour = CliTestSupport.run("location", "map", "--project", p(proj), "--dataset", "pings",
                "--at", "25", "--out", p(bad));
        assertEquals(2, noHour.exitCode());
        assertTrue(noHour.err().contains("no time \"25\""), noHour.err());
        assertEquals(2, CliTestSupport.run("location", "presence", "--project", p(proj), "--dataset", "pings",
                "--who", "tourists", "--out", p(dir.resolve("x.csv"))).exitCode());
        assertFalse(Files.exists(bad));
        assertEquals(entries, Files.readAllLines(proj.resolve(AuditLog.FILE)).size());
        CliTestSupport.Result v = CliTestSupport.run("audit", "--project", p(proj), "--verify");
        assertEquals(0, v.exitCode(), v.err());
        assertTrue(v.out().contains((entries) + " entries"), v.out());
    }

    /** The fields of one line of a CSV output, split by the input layer's reader. */
    private static String[] fields(String line) {
        return jp.ebpm.analysis.io.DelimitedText.parse(line, ',', "output.csv").get(0).fields().toArray(new String[0]);
    }
}
