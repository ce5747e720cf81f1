package jp.ebpm.analysis.gis.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.gis.io.GeoJsonReader;
import jp.ebpm.analysis.io.ImportOptions;
import jp.ebpm.analysis.io.Importer;
import jp.ebpm.analysis.io.PointBatchReader;
import jp.ebpm.analysis.io.PointScan;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * The streaming overlay ({@link PointOverlay} over a {@link PointBatchReader}) gives exactly the results of the
 * in-memory path ({@link PointsInPolygons} on a {@link PointSet}), on 300,000 points that include every vertex and
 * every edge midpoint of the polygons (shared ward borders, a polygon with a hole, a polygon inside that hole that
 * overlaps nothing else, and a polygon overlapping a ward), points outside, and rows without usable coordinates.
 */
class PointOverlayEquivalenceIT {

    @TempDir
    static Path dir;

    static KeyedPolygons polygons;
    static final List<String> LAT = new ArrayList<>();
    static final List<String> LON = new ArrayList<>();
    static String[] ids;
    static double[] values;
    static double[] xs;
    static double[] ys;
    static Path utf8;
    static PointsInPolygons.Result old;

    @BeforeAll
    static void build() throws Exception {
        VectorData wards;
        try (InputStream in = PointOverlayEquivalenceIT.class.getResourceAsStream("kawasaki-wards-n03-2021-simplified.geojson")) {
            wards = GeoJsonReader.read(in, "wards.geojson", new GeometryFactory());
        }
        GeometryFactory f = new GeometryFactory();
        List<GeoFeature> feats = new ArrayList<>();
        for (GeoFeature w : wards.features()) {
            feats.add(new GeoFeature(w.geometry(), Map.of("key", w.get("N03_007"))));
        }
        // a square with a square hole (key 20000, after the wards), a square in the hole (10000, first) and a square
        // straddling the 中原区/高津区 area (5, before everything): points there go to the lowest key
        Geometry donut = f.createPolygon(f.createLinearRing(square(139.70, 35.60, 0.04)), new org.locationtech.jts.geom.LinearRing[] {
            f.createLinearRing(square(139.71, 35.61, 0.02))});
        feats.add(new GeoFeature(donut, Map.of("key", "20000")));
        feats.add(new GeoFeature(f.createPolygon(square(139.715, 35.615, 0.01)), Map.of("key", "10000")));
        feats.add(new GeoFeature(f.createPolygon(square(139.62, 35.56, 0.03)), Map.of("key", "5")));
        polygons = KeyedPolygons.of(new VectorData(List.of("key"), feats, Crs.JGD2011, null, List.of()), "key");

        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 280_000; i++) {
            add(round(139.44 + r.nextDouble() * 0.36), round(35.46 + r.nextDouble() * 0.22));
        }
        for (Geometry g : polygons.polygons()) {
            Coordinate[] cs = g.getCoordinates();
            for (int i = 0; i < cs.length; i++) {
                add(Double.toString(cs[i].x), Double.toString(cs[i].y));
                if (i + 1 < cs.length) {
                    add(Double.toString((cs[i].x + cs[i + 1].x) / 2), Double.toString((cs[i].y + cs[i + 1].y) / 2));
                }
            }
        }
        for (int i = 0; i < 300; i++) {
            add(i % 3 == 0 ? "" : "139.6", i % 3 == 1 ? "北緯" : "");
        }
        int n = LAT.size();
        xs = new double[n];
        ys = new double[n];
        ids = new String[n];
        values = new double[n];
        StringBuilder sb = new StringBuilder("id,lat,lon,value\n");
        for (int i = 0; i < n; i++) {
            xs[i] = parse(LON.get(i));
            ys[i] = parse(LAT.get(i));
            ids[i] = i % 11 == 0 ? "" : "d" + (i % 4999);
            values[i] = i % 13 == 0 ? Double.NaN : (i % 100) / 8.0;
            sb.append(ids[i]).append(',').append(LAT.get(i)).append(',').append(LON.get(i)).append(',')
                    .append(Double.isNaN(values[i]) ? "" : Double.toString(values[i])).append('\n');
        }
        utf8 = dir.resolve("points.csv");
        try (BufferedWriter w = Files.newBufferedWriter(utf8, StandardCharsets.UTF_8)) {
            w.write(sb.toString());
        }
        old = PointsInPolygons.count(polygons, new PointSet(xs, ys, ids, values, Crs.JGD2011), ProgressListener.NONE, Cancellation.none());
        assertTrue(old.unlocated() == 300 && old.outside() > 1000, "the data has unlocated and outside points");
    }

    private static Coordinate[] square(double x, double y, double side) {
        return new Coordinate[] {new Coordinate(x, y), new Coordinate(x + side, y), new Coordinate(x + side, y + side),
            new Coordinate(x, y + side), new Coordinate(x, y)};
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.6f", v);
    }

    private static void add(String lon, String lat) {
        LON.add(lon);
        LAT.add(lat);
    }

    private static double parse(String s) {
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static void assertSameCounts(PointOverlay.Result r) {
        assertEquals(old.rows().size(), r.rows().size());
        for (int i = 0; i < old.rows().size(); i++) {
            PointsInPolygons.Row a = old.rows().get(i);
            PointsInPolygons.Row b = r.rows().get(i);
            assertEquals(a.key(), b.key());
            assertEquals(a.count(), b.count(), a.key());
            assertEquals(a.distinctIds(), b.distinctIds(), a.key());
            assertEquals(a.valueCount(), b.valueCount(), a.key());
            assertEquals(a.sum(), b.sum(), 1e-9 * Math.abs(a.sum()), a.key());
        }
        assertEquals(old.unlocated(), r.scan().skipped());
        assertEquals(old.outside(), r.outside());
    }

    @Test
    void countFromFilesInEveryEncodingEqualsTheInMemoryPath() throws Exception {
        try (PointBatchReader p = PointBatchReader.open(utf8, null, null, null, ProgressListener.NONE, Cancellation.none())) {
            assertSameCounts(PointOverlay.count(p, polygons, "id", "value", ProgressListener.NONE, Cancellation.none()));
        }
        String text = Files.readString(utf8).replaceFirst("lat,lon", "緯度,経度");
        for (Charset cs : List.of(Charset.forName("windows-31j"), Charset.forName("EUC-JP"))) {
            Path f = dir.resolve("points-" + cs.name() + ".csv");
            Files.write(f, text.getBytes(cs));
            try (PointBatchReader p = PointBatchReader.open(f, null, null, null, ProgressListener.NONE, Cancellation.none())) {
                assertEquals(cs.name().equals("EUC-JP") ? "EUC-JP" : "CP932", p.encoding());
                assertSameCounts(PointOverlay.count(p, polygons, "id", "value", ProgressListener.NONE, Cancellation.none()));
            }
        }
    }

    @Test
    void joinToCsvGivesEveryPointTheSameKeyInFileOrder() throws Exception {
        Path out = dir.resolve("joined.csv");
        try (PointBatchReader p = PointBatchReader.open(utf8, null, null, null, ProgressListener.NONE, Cancellation.none())) {
            PointScan s = PointOverlay.joinToCsv(p, polygons, out, ProgressListener.NONE, Cancellation.none());
            assertEquals(old.outside(), s.unmatched());
        }
        List<String> lines = Files.readAllLines(out);
        assertEquals("id,lat,lon,value,key", lines.get(0));
        assertEquals(xs.length + 1, lines.size());
        for (int i = 0; i < xs.length; i++) {
            String line = lines.get(i + 1);
            String key = line.substring(line.lastIndexOf(',') + 1);
            int a = old.assignment()[i];
            assertEquals(a < 0 ? "" : old.rows().get(a).key(), key, "row " + (i + 1));
            assertTrue(line.startsWith(ids[i] + "," + LAT.get(i) + "," + LON.get(i) + ","), line);
        }
    }

    @Test
    void projectTablesGiveTheSameCountsAndJoin() {
        try (Project p = Project.create(dir.resolve("project"))) {
            Importer.importFile(p, utf8, ImportOptions.defaults().withName("pts").withColumnTypes(Map.of("lat", "VARCHAR")), ProgressListener.NONE, Cancellation.none());
            try (PointBatchReader r = PointBatchReader.open(p, "pts", null, null)) {
                assertSameCounts(PointOverlay.count(r, polygons, "id", "value", ProgressListener.NONE, Cancellation.none()));
            }
            long joined;
            try (PointBatchReader r = PointBatchReader.open(p, "pts", null, null)) {
                joined = PointOverlay.joinToTable(r, polygons, "pts_joined", c -> Catalog.countRows(c, "pts_joined"),
                        ProgressListener.NONE, Cancellation.none());
            }
            assertEquals(xs.length, joined);
            // the joined table has no catalog entry here, so it is read directly (user queries see only catalog datasets)
            try (java.sql.Connection c = p.connect(); java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM pts_joined WHERE key IS NULL")) {
                rs.next();
                assertEquals(old.outside() + old.unlocated(), rs.getLong(1));
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        }
    }
}
