package jp.ebpm.analysis.gis.overlay;

import java.util.ArrayList;
import java.util.List;
import jp.ebpm.analysis.gis.crs.Reprojector;
import jp.ebpm.analysis.io.PointBatchReader;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Buffers at a distance in metres, computed in a plane-rectangular zone (the geometries must already be in metres),
 * with round caps and joins approximated by 16 segments per quarter circle (area error of a circle below 0.2 %),
 * and union/dissolve of the result with JTS {@link UnaryUnionOp}.
 *
 * @since 0.1
 */
public final class Buffers {

    /** Segments per quarter circle. */
    public static final int QUADRANT_SEGMENTS = 16;

    private Buffers() {
    }

    /** Each geometry buffered by {@code metres} (null and empty geometries give empty polygons). */
    public static List<Geometry> buffer(List<Geometry> planeGeometries, double metres) {
        if (!(metres >= 0) || Double.isInfinite(metres)) {
            throw new IllegalArgumentException("The buffer distance must be a non-negative number of metres.");
        }
        GeometryFactory f = new GeometryFactory();
        BufferParameters p = new BufferParameters(QUADRANT_SEGMENTS);
        List<Geometry> out = new ArrayList<>(planeGeometries.size());
        for (Geometry g : planeGeometries) {
            out.add(g == null || g.isEmpty() ? f.createPolygon() : BufferOp.bufferOp(g, metres, p));
        }
        return out;
    }

    /**
     * The usable points of a reader as point geometries in a plane zone (for buffering; such point sets, e.g. shelters,
     * are small). Skipped points are left out.
     */
    public static List<Geometry> planePoints(PointBatchReader points, int planeEpsg, Cancellation cancel) {
        Reprojector r = new Reprojector(points.epsg(), planeEpsg);
        GeometryFactory f = new GeometryFactory();
        List<Geometry> out = new ArrayList<>();
        points.forEachBatch((x, y, n) -> {
            for (int i = 0; i < n; i++) {
                double[] xy = r.transform(x[i], y[i]);
                out.add(f.createPoint(new Coordinate(xy[0], xy[1])));
            }
        }, ProgressListener.NONE, cancel);
        return out;
    }

    /** The union of geometries (empty polygon when there are none). */
    public static Geometry union(List<Geometry> geometries) {
        List<Geometry> nonEmpty = geometries.stream().filter(g -> g != null && !g.isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return new GeometryFactory().createPolygon();
        }
        return UnaryUnionOp.union(nonEmpty);
    }
}
