package jp.ebpm.analysis.gis.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class AreaWeightingTest {

    private static Geometry wkt(String s) throws Exception {
        return new WKTReader(new GeometryFactory()).read(s);
    }

    @Test
    void splitsValuesByAreaInThePlaneZone() throws Exception {
        // Plane zone IX (EPSG:6677) coordinates in metres. Source: two 100 m × 100 m cells with 100 and 60 people;
        // target A covers x 0..150, target B x 150..200.
        VectorData src = new VectorData(List.of("pop"), List.of(
                new GeoFeature(wkt("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"), Map.of("pop", 100L)),
                new GeoFeature(wkt("POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))"), Map.of("pop", 60L))), 6677, null, List.of());
        VectorData tgt = new VectorData(List.of("k"), List.of(
                new GeoFeature(wkt("POLYGON((0 0, 150 0, 150 100, 0 100, 0 0))"), Map.of("k", "A")),
                new GeoFeature(wkt("POLYGON((150 0, 200 0, 200 100, 150 100, 150 0))"), Map.of("k", "B"))), 6677, null, List.of());
        // Cover: x 0..50 (a buffer stand-in).
        Geometry cover = wkt("POLYGON((0 0, 50 0, 50 100, 0 100, 0 0))");
        AreaWeighting.Result r = AreaWeighting.apportion(src, List.of("pop"), KeyedPolygons.of(tgt, "k"), tgt, cover, 6677, false,
                ProgressListener.NONE, Cancellation.none());
        // Hand computation: A = 100 + 60 × 0.5 = 130, B = 30; covered A = 100 × 0.5 = 50; areas 15 000 and 5 000 m².
        assertEquals(130, r.totals()[0][0], 1e-9);
        assertEquals(30, r.totals()[1][0], 1e-9);
        assertEquals(50, r.covered()[0][0], 1e-9);
        assertEquals(0, r.covered()[1][0], 1e-9);
        assertEquals(15000, r.areas()[0], 1e-6);
        assertEquals(0, r.unassigned()[0], 1e-9);
    }

    @Test
    void withinTargetsKeepsValuesThatStraddleTheEdge() throws Exception {
        VectorData src = new VectorData(List.of("pop"), List.of(
                new GeoFeature(wkt("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"), Map.of("pop", 80L))), 6677, null, List.of());
        VectorData tgt = new VectorData(List.of("k"), List.of(
                new GeoFeature(wkt("POLYGON((0 0, 50 0, 50 100, 0 100, 0 0))"), Map.of("k", "A")),
                new GeoFeature(wkt("POLYGON((50 0, 75 0, 75 100, 50 100, 50 0))"), Map.of("k", "B"))), 6677, null, List.of());
        // Hand computation: 25 % of the cell lies outside the targets. Standard: A 40, B 20, unassigned 20;
        // within targets: A 80 × 50/75 = 53.33, B 26.67.
        AreaWeighting.Result std = AreaWeighting.apportion(src, List.of("pop"), KeyedPolygons.of(tgt, "k"), tgt, null, 6677, false,
                ProgressListener.NONE, Cancellation.none());
        assertEquals(40, std.totals()[0][0], 1e-9);
        assertEquals(20, std.unassigned()[0], 1e-9);
        AreaWeighting.Result within = AreaWeighting.apportion(src, List.of("pop"), KeyedPolygons.of(tgt, "k"), tgt, null, 6677, true,
                ProgressListener.NONE, Cancellation.none());
        assertEquals(80 * 50 / 75.0, within.totals()[0][0], 1e-9);
        assertEquals(80 * 25 / 75.0, within.totals()[1][0], 1e-9);
        assertEquals(0, within.unassigned()[0], 1e-9);
    }

    @Test
    void bufferOfAPointHasTheAreaOfACircle() {
        GeometryFactory f = new GeometryFactory();
        Geometry b = Buffers.buffer(List.of(f.createPoint(new org.locationtech.jts.geom.Coordinate(0, 0))), 500).get(0);
        // π·500² = 785 398.16 m²; 64-gon approximation is 0.16 % smaller (area ratio sin(2π/64)·64/(2π)).
        assertEquals(Math.PI * 500 * 500 * Math.sin(2 * Math.PI / 64) * 64 / (2 * Math.PI), b.getArea(), 1.0);
        Geometry u = Buffers.union(Buffers.buffer(List.of(f.createPoint(new org.locationtech.jts.geom.Coordinate(0, 0)),
                f.createPoint(new org.locationtech.jts.geom.Coordinate(0, 0))), 500));
        assertEquals(b.getArea(), u.getArea(), 1.0);
    }
}
