package jp.ebpm.analysis.gis.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.gis.io.GeoJsonReader;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;

class PointsInPolygonsTest {

    static VectorData wards;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = PointsInPolygonsTest.class.getResourceAsStream("kawasaki-wards-n03-2021-simplified.geojson")) {
            wards = GeoJsonReader.read(in, "wards.geojson", new GeometryFactory());
        }
    }

    private static Geometry ward(String code) {
        return wards.features().stream().filter(f -> code.equals(f.get("N03_007"))).findFirst().orElseThrow().geometry();
    }

    /** A vertex that two wards share: the first vertex of {@code a} that is also a vertex of {@code b}. */
    private static Coordinate sharedVertex(String a, String b) {
        List<Coordinate> cb = List.of(ward(b).getCoordinates());
        for (Coordinate c : ward(a).getCoordinates()) {
            if (cb.stream().anyMatch(c::equals2D)) {
                return c;
            }
        }
        throw new AssertionError("no shared vertex");
    }

    @Test
    void handCheckableCasesOnTheRealWardBoundaries() {
        KeyedPolygons kp = KeyedPolygons.of(wards, "N03_007");
        Coordinate v = sharedVertex("14133", "14134"); // a vertex on the 中原区/高津区 border
        List<double[]> pts = new ArrayList<>();
        for (String code : List.of("14131", "14132", "14133", "14134", "14135", "14136", "14137")) {
            Coordinate c = ward(code).getInteriorPoint().getCoordinate();
            pts.add(new double[] {c.x, c.y}); // one point strictly inside each ward
        }
        pts.add(new double[] {139.767125, 35.681236}); // Tokyo Station: outside Kawasaki
        pts.add(new double[] {v.x, v.y}); // on the shared vertex → lowest key 14133 (中原区)
        pts.add(new double[] {139.60, 35.60}); // 宮前区 interior? checked against the exact locator below
        pts.add(new double[] {Double.NaN, 35.6}); // no coordinates
        double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = pts.stream().mapToDouble(p -> p[1]).toArray();
        String[] ids = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"};
        PointsInPolygons.Result r = PointsInPolygons.count(kp, new PointSet(xs, ys, ids, null, Crs.JGD2011),
                ProgressListener.NONE, Cancellation.none());
        // Hand check: every ward gets its interior point; 14133 also gets the shared vertex; the 10th point counts once.
        long[] expected = {1, 1, 2, 1, 1, 1, 1};
        int tenth = -1;
        for (int i = 0; i < kp.polygons().size(); i++) {
            if (SimplePointInAreaLocator.locate(new Coordinate(139.60, 35.60), kp.polygons().get(i)) != Location.EXTERIOR) {
                tenth = kp.keyIndex()[i];
                break;
            }
        }
        if (tenth >= 0) {
            expected[tenth]++;
        }
        for (int i = 0; i < 7; i++) {
            assertEquals(expected[i], r.rows().get(i).count(), r.rows().get(i).key());
            assertEquals(expected[i], r.rows().get(i).distinctIds(), r.rows().get(i).key());
        }
        assertEquals(1, r.unlocated());
        assertEquals(tenth >= 0 ? 1 : 2, r.outside());
        assertEquals("14133", r.rows().get(r.assignment()[8]).key());
        assertEquals(-1, r.assignment()[7]);
    }

    @Test
    void pointsOnSharedEdgesCountExactlyOnceForTheLowestKey() {
        KeyedPolygons kp = KeyedPolygons.of(wards, "N03_007");
        // Midpoints of every segment of 幸区 (14132): segments shared with a neighbour belong to both wards.
        Geometry kou = ward("14132");
        Coordinate[] cs = kou.getCoordinates();
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i + 1 < cs.length; i++) {
            pts.add(new double[] {(cs[i].x + cs[i + 1].x) / 2, (cs[i].y + cs[i + 1].y) / 2});
            pts.add(new double[] {cs[i].x, cs[i].y});
        }
        double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = pts.stream().mapToDouble(p -> p[1]).toArray();
        PointsInPolygons.Result r = PointsInPolygons.count(kp, new PointSet(xs, ys, null, null, Crs.JGD2011),
                ProgressListener.NONE, Cancellation.none());
        long total = r.rows().stream().mapToLong(PointsInPolygons.Row::count).sum();
        for (int i = 0; i < xs.length; i++) {
            // Brute force: the lowest key whose polygon covers the point (keys sort as 14131 < ... < 14137).
            int expected = -1;
            for (int p = 0; p < kp.polygons().size(); p++) {
                if (SimplePointInAreaLocator.locate(new Coordinate(xs[i], ys[i]), kp.polygons().get(p)) != Location.EXTERIOR) {
                    expected = kp.keyIndex()[p];
                    break;
                }
            }
            assertEquals(expected, r.assignment()[i], "point " + i);
        }
        assertEquals(xs.length - r.outside(), total);
        // Points on the 川崎区 (14131) / 幸区 border go to 14131, so 幸区 gets fewer than all its boundary points.
        assertEquals(true, r.rows().get(0).count() > 0);
    }

    @Test
    void fastLocatorAgreesWithBruteForceOnRandomPointsAndVertices() {
        List<Geometry> polys = new ArrayList<>();
        for (GeoFeature f : wards.features()) {
            polys.add(f.geometry());
        }
        PointLocator loc = new PointLocator(polys);
        Random rnd = new Random(7);
        List<Coordinate> probes = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            probes.add(new Coordinate(139.44 + rnd.nextDouble() * 0.36, 35.46 + rnd.nextDouble() * 0.20));
        }
        for (Geometry g : polys) {
            probes.addAll(List.of(g.getCoordinates()));
        }
        for (Coordinate c : probes) {
            int expected = -1;
            for (int p = 0; p < polys.size(); p++) {
                if (SimplePointInAreaLocator.locate(c, polys.get(p)) != Location.EXTERIOR) {
                    expected = p;
                    break;
                }
            }
            assertEquals(expected, loc.locate(c.x, c.y), c.toString());
        }
    }
}
