package jp.ebpm.analysis.gis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.VectorData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class ShapefileReaderTest {

    static final Charset CP932 = jp.ebpm.analysis.io.TextEncoding.CP932.charset();
    static final String PRJ = "PROJCS[\"JGD_2011_Japan_Zone_9\",GEOGCS[\"GCS_JGD_2011\",DATUM[\"D_JGD_2011\",SPHEROID[\"GRS_1980\","
            + "6378137.0,298.257222101]]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"Central_Meridian\",139.8333333333333],"
            + "PARAMETER[\"Latitude_Of_Origin\",36.0],UNIT[\"Meter\",1.0]]";

    @TempDir
    Path dir;

    /** Outer ring clockwise (spec: outer rings are clockwise), hole counter-clockwise; a second polygon; a Null shape. */
    private static TestShapefile wards(int type) {
        double[] outer = {0, 0, 0, 100, 100, 100, 100, 0, 0, 0};
        double[] hole = {20, 20, 40, 20, 40, 40, 20, 40, 20, 20};
        double[] island = {200, 0, 200, 50, 250, 50, 250, 0, 200, 0};
        return new TestShapefile(type, new String[] {"区名", "N_CODE"}, new int[] {20, 6})
                .add(new String[] {"川崎区", "14131"}, outer, hole)
                .add(new String[] {"髙津区①", "14134"}, outer, island)
                .add(new String[] {"", ""});
    }

    private Path writeSet(String base, TestShapefile s, Charset cs, int ldid, String cpg, boolean prj) throws Exception {
        Files.write(dir.resolve(base + ".shp"), s.shp());
        Files.write(dir.resolve(base + ".dbf"), s.dbf(cs, ldid));
        if (cpg != null) {
            Files.writeString(dir.resolve(base + ".cpg"), cpg);
        }
        if (prj) {
            Files.writeString(dir.resolve(base + ".prj"), PRJ);
        }
        return dir.resolve(base + ".shp");
    }

    @Test
    void readsCp932AttributesWithHolesAndNullShapes() throws Exception {
        Path shp = writeSet("w", wards(5), CP932, 0, "CP932", true);
        VectorData v = ShapefileReader.read(shp, 0, new GeometryFactory());
        assertEquals(6677, v.epsg());
        assertEquals(java.util.List.of("区名", "N_CODE"), v.fields());
        assertEquals("川崎区", v.features().get(0).get("区名"));
        assertEquals("髙津区①", v.features().get(1).get("区名")); // NEC/IBM extension characters exist only in CP932
        assertEquals(14131L, v.features().get(0).get("N_CODE"));
        Polygon p = (Polygon) v.features().get(0).geometry();
        assertEquals(1, p.getNumInteriorRing());
        assertEquals(100 * 100 - 20 * 20, p.getArea(), 1e-9); // hand computation
        assertTrue(v.features().get(1).geometry() instanceof MultiPolygon);
        assertNull(v.features().get(2).geometry());
        assertNull(v.features().get(2).get("区名"));
    }

    @Test
    void detectsCp932WithoutCpgAndReadsZShapesAs2d() throws Exception {
        Path shp = writeSet("z", wards(15), CP932, 0, null, false);
        // no .prj: the coordinates are metres, so the plane rectangular system is given (degrees would be refused)
        VectorData v = ShapefileReader.read(shp, 6677, new GeometryFactory());
        assertEquals("川崎区", v.features().get(0).get("区名"));
        assertEquals("CP932", v.encoding());
        assertTrue(v.warnings().stream().anyMatch(w -> w.contains("detected")));
        assertTrue(v.warnings().stream().anyMatch(w -> w.contains(".prj")));
        assertEquals(9600, v.features().get(0).geometry().getArea(), 1e-9);
    }

    @Test
    void languageDriverByteAndUtf8AndZip() throws Exception {
        Path ldid = writeSet("l", wards(5), CP932, 0x13, null, true);
        assertEquals("川崎区", ShapefileReader.read(ldid, 0, new GeometryFactory()).features().get(0).get("区名"));
        TestShapefile s = wards(5);
        Path zip = dir.resolve("u.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("data/u.shp"));
            z.write(s.shp());
            z.putNextEntry(new ZipEntry("data/u.dbf"));
            z.write(s.dbf(StandardCharsets.UTF_8, 0));
            z.putNextEntry(new ZipEntry("data/u.cpg"));
            z.write("UTF-8".getBytes(StandardCharsets.US_ASCII));
            z.putNextEntry(new ZipEntry("data/u.prj"));
            z.write(PRJ.getBytes(StandardCharsets.US_ASCII));
        }
        VectorData v = ShapefileReader.read(zip, 0, new GeometryFactory());
        assertEquals("川崎区", v.features().get(0).get("区名"));
        assertEquals(3, v.features().size());
    }

    @Test
    void brokenFilesGiveMessagesNamingTheFile() throws Exception {
        Files.write(dir.resolve("bad.shp"), new byte[120]);
        WorkbenchException e = assertThrows(WorkbenchException.class,
                () -> ShapefileReader.read(dir.resolve("bad.shp"), 0, new GeometryFactory()));
        assertTrue(e.getMessage().startsWith("bad.shp"));
    }

    @Test
    void geoJsonReadsAllTypesAndNullGeometries() throws Exception {
        String json = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::6668\"}},"
                + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"n\":1,\"s\":\"あ\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[139.7,35.5]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"n\":2.5},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}},"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"n\":null},\"geometry\":null}]}";
        VectorData v = GeoJsonReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.geojson", new GeometryFactory());
        assertEquals(6668, v.epsg());
        assertEquals(4, v.features().size());
        assertEquals(1L, v.features().get(0).get("n"));
        assertEquals(2.5, v.features().get(1).get("n"));
        assertEquals(0.5, v.features().get(2).geometry().getArea(), 1e-12);
        assertNull(v.features().get(3).geometry());
        assertThrows(WorkbenchException.class, () -> GeoJsonReader.read(
                new ByteArrayInputStream("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Blob\"}}".getBytes(StandardCharsets.UTF_8)),
                "x.geojson", new GeometryFactory()));
    }
}
