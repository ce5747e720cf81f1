package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.export.xlsx.XlsxGrid;
import jp.ebpm.analysis.io.TextEncoding;

/**
 * Issue 12, hostile files: every file below is generated here (nothing large is committed) and given to the
 * commands a user would give it to. Each must end with exit code 1, one line on stderr that names the file and
 * says what is wrong in plain words (no Java class names), and leave the project exactly as it was (the catalog
 * is compared before and after).
 */
class HostileFilesCliTest {

    @TempDir
    Path dir;
    private Path project;
    private String catalogBefore;

    @BeforeEach
    void project() throws IOException {
        project = dir.resolve("project");
        Path ok = Files.writeString(dir.resolve("ok.csv"), "区,人口\n川崎区,1\n", StandardCharsets.UTF_8);
        assertEquals(0, CliTestSupport.run("import", "--project", project.toString(), "--file", ok.toString()).exitCode());
        catalogBefore = catalog();
    }

    private String catalog() {
        return CliTestSupport.run("catalog", "--project", project.toString(), "--json").out();
    }

    /** Runs a command that must refuse the file, and checks the one-line message and the unchanged project. */
    private String refused(String fileName, String... args) {
        CliTestSupport.Result r = CliTestSupport.run(args);
        String what = String.join(" ", args) + "\n" + r.err();
        assertEquals(1, r.exitCode(), what);
        assertEquals(1, r.err().strip().lines().count(), "one line: " + what);
        assertTrue(r.err().startsWith("error: " + fileName), what);
        assertFalse(r.err().contains("Exception"), what);
        assertFalse(r.err().matches("(?s).*\\b(java|org)\\.[a-z]+\\..*"), what);
        assertEquals(catalogBefore, catalog(), "the project must be unchanged");
        return r.err();
    }

    private String layerImport(Path f) {
        return refused(f.getFileName().toString(), "layer", "import", "--project", project.toString(), "--file", f.toString());
    }

    @Test
    void zipBombGivenToLayerImportIsRefusedWithoutInflatingIt() throws IOException {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("wards.shp"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) { // 1 GiB of zeros: about 1 MB compressed
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertTrue(Files.size(bomb) < 8 << 20);
        String err = layerImport(bomb);
        assertTrue(err.contains("zip bomb"), err);
    }

    @Test
    void zipBombAndCorruptWorkbooksGiveOneLineEverywhere() throws IOException {
        Path good = dir.resolve("good.xlsx");
        XlsxGrid.write(good, "KPI登録簿", List.of(List.of("緯度", "経度", "名前"), List.of(35.5, 139.7, "川崎")), null);
        Path bomb = rewrite(good, dir.resolve("bomb.xlsx"), "xl/worksheets/sheet1.xml", xml -> {
            int at = xml.indexOf("?>") + 2;
            return xml.substring(0, at) + "<!--" + "a".repeat(60 << 20) + "-->" + xml.substring(at);
        });
        Path corrupt = rewrite(good, dir.resolve("corrupt.xlsx"), "xl/worksheets/sheet1.xml", xml -> xml.substring(0, xml.length() / 2));
        for (Path f : List.of(bomb, corrupt)) {
            String n = f.getFileName().toString();
            String e1 = layerImport(f);
            String e2 = refused(n, "kpi", "store", "--project", project.toString(), "--kpis", f.toString());
            String e3 = refused(n, "kpi", "evaluate", "--kpis", f.toString(), "--fiscal-year", "2024");
            String e4 = refused(n, "import", "--project", project.toString(), "--file", f.toString());
            for (String e : List.of(e1, e2, e3, e4)) {
                assertTrue(e.contains(f == bomb ? "zip bomb" : "cannot be read"), e);
            }
        }
    }

    @Test
    void geoJsonHostileNamesAndCoordinates() throws IOException {
        // names with quotes and SQL are kept as they are (quoted by one function), and the import works
        Path sql = geojson("sql.geojson", "{\"x\\\"; drop table _wb_catalog; --\": 1, \"名前\": \"a\"}", "[139.7, 35.5]", "Point");
        CliTestSupport.Result ok = CliTestSupport.run("layer", "import", "--project", project.toString(), "--file", sql.toString());
        assertEquals(0, ok.exitCode(), ok.err());
        CliTestSupport.Result q = CliTestSupport.run("sql", "--project", project.toString(), "--query",
                "select * from sql", "--format", "csv");
        assertEquals(0, q.exitCode(), q.err());
        assertTrue(q.out().contains("x\"\"; drop table _wb_catalog; --"), q.out());
        catalogBefore = catalog();

        assertTrue(layerImport(geojson("empty.geojson", "{\"\": 1}", "[139.7, 35.5]", "Point")).contains("empty name"));
        assertTrue(layerImport(geojson("dup.geojson", "{\"a\": 1, \"a\": 2}", "[139.7, 35.5]", "Point")).contains("twice"));
        assertTrue(layerImport(geojson("case.geojson", "{\"Name\": 1, \"name\": 2}", "[139.7, 35.5]", "Point")).contains("twice"));
        // metres of EPSG:6677 without a crs member: refused, naming the CRS option to pass
        String metres = layerImport(geojson("metres.geojson", "{}", "[[[-5992.9, -35363.2], [-4000, -35363.2], [-4000, -33000],"
                + " [-5992.9, -35363.2]]]", "Polygon"));
        assertTrue(metres.contains("--crs EPSG:6677"), metres);
        assertTrue(layerImport(geojson("lat200.geojson", "{}", "[139.7, 200]", "Point")).contains("(139.7, 200)"));
        Path none = Files.writeString(dir.resolve("none.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        assertTrue(layerImport(none).contains("holds no features"));
    }

    @Test
    void geoJsonUnclosedRingIsRepairedWithAWarningAndUtf16IsDecoded() throws IOException {
        Path ring = geojson("ring.geojson", "{\"名前\": \"環\"}", "[[[139.70, 35.50], [139.71, 35.50], [139.71, 35.51],"
                + " [139.70, 35.51]]]", "Polygon");
        CliTestSupport.Result r = CliTestSupport.run("layer", "import", "--project", project.toString(), "--file", ring.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("not closed"), r.err());

        String text = Files.readString(ring).replace("環", "十六");
        Path utf16 = dir.resolve("utf16.geojson");
        Files.write(utf16, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
        CliTestSupport.Result u = CliTestSupport.run("layer", "import", "--project", project.toString(), "--file", utf16.toString());
        assertEquals(0, u.exitCode(), u.err());
        CliTestSupport.Result q = CliTestSupport.run("sql", "--project", project.toString(), "--query",
                "select \"名前\" from utf16", "--format", "csv");
        assertTrue(q.out().contains("十六"), q.out());
    }

    @Test
    void mixedEncodingsAndAHundredThousandFieldsAreRefused() throws IOException {
        Path mixed = dir.resolve("mixed.csv");
        Files.write(mixed, concat("区,人口\n川崎区,1\n".getBytes(StandardCharsets.UTF_8),
                "幸区,2\n".getBytes(TextEncoding.CP932.charset())));
        String e = refused("mixed.csv", "import", "--project", project.toString(), "--file", mixed.toString());
        assertTrue(e.startsWith("error: mixed.csv, line 3: The file mixes text encodings"), e);

        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            wide.append(i == 0 ? "" : ",").append("c").append(i);
        }
        Path w = Files.writeString(dir.resolve("wide.csv"), wide + "\n" + wide.toString().replace('c', '1') + "\n");
        String e2 = refused("wide.csv", "import", "--project", project.toString(), "--file", w.toString());
        assertTrue(e2.contains("100000 fields"), e2);
    }

    @Test
    void gradingSettingRefusesAFileThatIsNotAGradingTable() throws IOException {
        Path csv = Files.writeString(dir.resolve("g.json"), "区,人口\n川崎区,1\n");
        assertTrue(refused("g.json", "kpi", "settings", "--project", project.toString(), "--grading", csv.toString())
                .contains("not a grading table"));
        Path other = Files.writeString(dir.resolve("layer.json"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        assertTrue(refused("layer.json", "kpi", "settings", "--project", project.toString(), "--grading", other.toString())
                .contains("not a grading table"));
    }

    @Test
    void verboseAddsTheTechnicalDetail() throws IOException {
        Path corrupt = Files.write(dir.resolve("x.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0});
        CliTestSupport.Result r = CliTestSupport.run("import", "--verbose", "--project", project.toString(), "--file", corrupt.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("error: x.xlsx"), r.err());
        assertTrue(r.err().contains("details (--verbose)"), r.err());
        assertTrue(r.err().contains("at org.apache.poi") || r.err().contains("at java."), r.err());
    }

    private Path geojson(String name, String props, String coords, String type) throws IOException {
        return Files.writeString(dir.resolve(name), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":" + props + ",\"geometry\":{\"type\":\"" + type + "\",\"coordinates\":" + coords + "}}]}");
    }

    private static Path rewrite(Path src, Path dst, String member, java.util.function.UnaryOperator<String> change) throws IOException {
        List<Object[]> entries = new ArrayList<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(src.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    entries.add(new Object[] {e.getName(), in.readAllBytes()});
                }
            }
        }
        try (OutputStream os = Files.newOutputStream(dst); ZipOutputStream z = new ZipOutputStream(os)) {
            z.setLevel(9);
            for (Object[] e : entries) {
                z.putNextEntry(new ZipEntry((String) e[0]));
                byte[] b = (byte[]) e[1];
                z.write(e[0].equals(member) ? change.apply(new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8) : b);
                z.closeEntry();
            }
        }
        return dst;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
