package jp.ebpm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.io.VectorReader;
import jp.ebpm.analysis.gis.overlay.KeyedPolygons;
import jp.ebpm.analysis.gis.overlay.PointSet;
import jp.ebpm.analysis.gis.overlay.PointsInPolygons;
import jp.ebpm.analysis.privacy.location.ScaleManifest;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Points in polygons on Spark equal the desktop overlay's counts on the same files, including points exactly on
 * shared edges and vertices (the 500 m mesh cells of the sample data share all their edges).
 */
class CountPointsIT {

    @TempDir
    Path dir;

    @Test
    void countsEqualTheDesktopOverlay() throws Exception {
        Path polys = Path.of(System.getProperty("workbench.sampleData"), "gis", "kawasaki-mesh500-population-synthetic.geojson");
        VectorData v = VectorReader.read(polys, 0, null, null, new GeometryFactory());
        KeyedPolygons kp = KeyedPolygons.of(v, "mesh_code");
        Envelope env = new Envelope();
        for (GeoFeature f : v.features()) {
            env.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        int n = 60_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        SplittableRandom rnd = new SplittableRandom(7);
        Path csv = dir.resolve("points.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("id,lat,lon\n");
            for (int i = 0; i < n; i++) {
                if (i % 3 == 0) {
                    // a vertex of a polygon: on the edges of up to four cells
                    Coordinate[] cs = v.features().get(rnd.nextInt(v.features().size())).geometry().getCoordinates();
                    Coordinate c = cs[rnd.nextInt(cs.length)];
                    xs[i] = c.x;
                    ys[i] = c.y;
                } else {
                    xs[i] = env.getMinX() - 0.01 + rnd.nextDouble() * (env.getWidth() + 0.02);
                    ys[i] = env.getMinY() - 0.01 + rnd.nextDouble() * (env.getHeight() + 0.02);
                }
                // Java's shortest round-trip text, so both sides read the same doubles
                w.write(i + "," + ys[i] + "," + xs[i] + "\n");
            }
            w.write(n + ",,\n");
        }
        PointsInPolygons.Result desktop = PointsInPolygons.count(kp, new PointSet(xs, ys, null, null, 4326),
                (m, d, t) -> { }, Cancellation.none());

        Path out = dir.resolve("out");
        ScaleManifest m = new CountPointsJob(TestSpark.session(), new CountPointsJob.Options(csv.toString(), "auto", null,
                "lat", "lon", null, polys, "mesh_code", null, out.toString())).run();
        Map<String, Long> job = new LinkedHashMap<>();
        for (Row r : TestSpark.session().read().parquet(out.resolve("points_in_polygons").toString()).collectAsList()) {
            job.put(r.getString(0), r.getLong(1));
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        for (PointsInPolygons.Row r : desktop.rows()) {
            expected.put(r.key(), r.count());
        }
        assertEquals(expected, job);
        assertEquals(kp.keys(), m.tables().get(0).rowKeys());
        assertEquals(Long.toString(desktop.outside()), m.parameter("outside"));
        assertEquals("1", m.parameter("unlocated"));
        long inside = expected.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(desktop.outside() > 1000 && inside > n / 3, "outside " + desktop.outside() + ", inside " + inside);
    }
}
