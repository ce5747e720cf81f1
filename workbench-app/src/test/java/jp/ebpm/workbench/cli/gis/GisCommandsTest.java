package jp.ebpm.workbench.cli.gis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.ebpm.workbench.cli.CliTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GisCommandsTest {

    @TempDir
    Path dir;
    Path wards;

    @BeforeEach
    void copyWards() throws Exception {
        wards = dir.resolve("wards.geojson");
        try (InputStream in = getClass().getResourceAsStream("/jp/ebpm/workbench/gis/kawasaki-wards-n03-2021-simplified.geojson")) {
            Files.copy(in, wards);
        }
    }

    @Test
    void meshEncodeAddsTheCodeColumnAndDecodePrintsBounds() throws Exception {
        Path in = dir.resolve("p.csv");
        // Tokyo Tower (jismesh test suite): 1/2 mesh 533935992; an empty row keeps an empty code.
        Files.writeString(in, "name,緯度,経度\n東京タワー,35.658581,139.745433\nnone,,\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("o.csv");
        var r = CliTestSupport.run("mesh", "encode", "--csv", in.toString(), "--lat-col", "緯度", "--lon-col", "経度", "--level", "4",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("name,緯度,経度,mesh_code", "東京タワー,35.658581,139.745433,533935992", "none,,,"),
                Files.readAllLines(out));
        var d = CliTestSupport.run("mesh", "decode", "--code", "53394547");
        JsonNode j = new ObjectMapper().readTree(d.out());
        // japanmesh test suite: 53394547 spans 35.7–35.70833 N, 139.7125–139.725 E.
        assertEquals(35.7, j.get("south").asDouble(), 1e-12);
        assertEquals(139.725, j.get("east").asDouble(), 1e-12);
        assertEquals(3, j.get("level").asInt());
        assertEquals(2, CliTestSupport.run("mesh", "decode", "--code", "12").exitCode());
        Path grid = dir.resolve("g.geojson");
        // Hand computation: 3rd-mesh columns floor(lon×80) 11176..11177 (2) × rows floor(lat×120) 4260..4262 (3) = 6 cells.
        var g = CliTestSupport.run("mesh", "grid", "--extent", "139.7,35.5,139.72,35.52", "--level", "3", "--out", grid.toString());
        assertEquals("wrote 6 cells", g.out().strip());
        assertEquals(2, CliTestSupport.run("mesh", "encode", "--csv", in.toString(), "--lat-col", "lat", "--lon-col", "経度",
                "--level", "4", "--out", out.toString()).exitCode());
    }

    @Test
    void overlayCountListsEveryWardAndJoinAddsTheKey() throws Exception {
        Path pts = dir.resolve("pts.csv");
        // Two points inside 中原区 (14133), one in 川崎区 (14131) (interior points checked in PointsInPolygonsTest), one outside.
        Files.writeString(pts, "id,lat,lon\na,35.5760,139.6590\na,35.5761,139.6591\nb,35.5200,139.7300\nc,35.6812,139.7671\n",
                StandardCharsets.UTF_8);
        var r = CliTestSupport.run("overlay", "count", "--points", pts.toString(), "--lat-col", "lat", "--lon-col", "lon",
                "--id-col", "id", "--polygons", wards.toString(), "--key", "N03_007", "--out", "-");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("N03_007,count,distinct_ids", lines.get(0));
        assertEquals(8, lines.size());
        assertTrue(lines.contains("14133,2,1"), r.out());
        assertTrue(lines.contains("14131,1,1"), r.out());
        assertTrue(lines.contains("14137,0,0"), r.out());
        assertTrue(r.err().contains("1 points lie outside"));
        var j = CliTestSupport.run("overlay", "join", "--points", pts.toString(), "--lat-col", "lat", "--lon-col", "lon",
                "--polygons", wards.toString(), "--key", "N03_004", "--out", "-");
        assertEquals(List.of("id,lat,lon,N03_004", "a,35.5760,139.6590,中原区", "a,35.5761,139.6591,中原区",
                "b,35.5200,139.7300,川崎区", "c,35.6812,139.7671,"), j.out().lines().toList());
    }

    @Test
    void overlayCountSkipsAndCountsBadPointsInACp932File() throws Exception {
        Path pts = dir.resolve("pts.csv");
        // Same points as above with Japanese column names, in CP932, plus an empty row, a text coordinate, a latitude out
        // of range and a point outside Japan (the area of use of JGD2011): four points are skipped, by reason, on stderr.
        Files.write(pts, ("番号,緯度,経度\na,35.5760,139.6590\na,３５.５７６１,139.6591\nb,35.5200,139.7300\nc,35.6812,139.7671\n"
                + "d,,\ne,北緯35度,139.6\nf,95,139.6\ng,0,0\n").getBytes(java.nio.charset.Charset.forName("windows-31j")));
        Path out = dir.resolve("counts.csv");
        var r = CliTestSupport.run("overlay", "count", "--points", pts.toString(), "--id-col", "番号", "--polygons", wards.toString(),
                "--key", "N03_007", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.contains("14133,2,1"), lines.toString());
        assertTrue(lines.contains("14131,1,1"), lines.toString());
        assertTrue(r.err().contains("note: 4 points have unusable coordinates (1 empty, 1 not numbers, 1 out of range "
                + "(longitude −180..180, latitude −90..90), 1 outside the area of use of EPSG:6668); they were skipped."), r.err());
        assertTrue(r.err().contains("note: 1 points lie outside every polygon."), r.err());
        var j = CliTestSupport.run("overlay", "join", "--points", pts.toString(), "--polygons", wards.toString(), "--key", "N03_004",
                "--out", out.toString());
        assertEquals(0, j.exitCode(), j.err());
        List<String> joined = Files.readAllLines(out);
        assertEquals("番号,緯度,経度,N03_004", joined.get(0));
        assertEquals("a,３５.５７６１,139.6591,中原区", joined.get(2));
        assertEquals("d,,,", joined.get(5));
        assertEquals(9, joined.size());
        assertTrue(Files.notExists(dir.resolve("counts.csv.part")));
        var bad = CliTestSupport.run("overlay", "count", "--points", pts.toString(), "--lat-col", "lat", "--polygons", wards.toString(),
                "--key", "N03_007", "--out", "-");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("columns: 番号, 緯度, 経度"), bad.err());
        assertTrue(!bad.err().contains("Exception"), bad.err());
    }

    @Test
    void meshEncodeStreamsATsvAndNotesRowsWithoutCode() throws Exception {
        Path in = dir.resolve("p.tsv");
        Files.writeString(in, "name\tlat\tlon\tmesh_code\n東京タワー\t35.658581\t139.745433\told\n赤道\t0.5\t0.5\told\n", StandardCharsets.UTF_8);
        var r = CliTestSupport.run("mesh", "encode", "--csv", in.toString(), "--lat-col", "lat", "--lon-col", "lon", "--level", "3",
                "--out", "-");
        assertEquals(0, r.exitCode(), r.err());
        // Tokyo Tower's 3rd mesh is 53393599 (its 1/2 mesh 533935992 above); the mesh_code column is replaced in place
        assertEquals(List.of("name,lat,lon,mesh_code", "東京タワー,35.658581,139.745433,53393599", "赤道,0.5,0.5,"), r.out().lines().toList());
        assertTrue(r.err().contains("1 points have unusable coordinates (1 outside the area of use of EPSG:6668)"), r.err());
    }

    @Test
    void importLayerAndRenderPngAndSvg() throws Exception {
        Path p = dir.resolve("proj");
        var imp = CliTestSupport.run("layer", "import", "--project", p.toString(), "--file", wards.toString(), "--name", "wards");
        assertEquals(0, imp.exitCode(), imp.err());
        Path png = dir.resolve("m.png");
        var r = CliTestSupport.run("map", "render", "--project", p.toString(), "--layer", "wards", "--value", "fid", "--classes", "3",
                "--method", "quantile", "--out", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        // R: quantile(1:7, c(0, 1/3, 2/3, 1), type = 7) = 1, 3, 5, 7.
        assertEquals("[1.0,3.0,5.0,7.0]", j.get("breaks").toString());
        assertTrue(Files.size(png) > 1000);
        Path svg = dir.resolve("m.svg");
        assertEquals(0, CliTestSupport.run("map", "render", "--project", p.toString(), "--layer", "wards", "--value", "fid",
                "--out", svg.toString()).exitCode());
        assertTrue(Files.readString(svg).startsWith("<svg") || Files.readString(svg).contains("<svg"));
    }

    @Test
    void classifyMatchesClassInt() throws Exception {
        Path csv = dir.resolve("v.csv");
        Files.writeString(csv, "value\n1\n1\n2\n2\n2\n3\n5\n8\n13\n21\n34\n55\n89\n", StandardCharsets.UTF_8);
        var r = CliTestSupport.run("map", "classify", "--csv", csv.toString(), "--column", "value", "--classes", "3", "--method", "jenks");
        JsonNode j = new ObjectMapper().readTree(r.out());
        // R classInt 0.4.9 classIntervals(x, 3, "jenks"): 1 21 55 89, counts 10 2 1 (vectors/classification).
        assertEquals("[1.0,21.0,55.0,89.0]", j.get("breaks").toString());
        assertEquals("[10,2,1]", j.get("counts").toString());
    }
}
