package jp.ebpm.analysis.gis.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms coordinates and JTS geometries between two supported systems with proj4j. Geographic
 * coordinates are x = longitude, y = latitude; projected ones x = easting, y = northing (metres).
 * Not thread-safe (proj4j transforms keep state): use one instance per thread.
 *
 * @since 0.1
 */
public final class Reprojector {

    private final int source;
    private final int target;
    private final CoordinateTransform transform;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    /** A transform from one EPSG code to another. */
    public Reprojector(int source, int target) {
        this.source = source;
        this.target = target;
        this.transform = source == target ? null
                : new CoordinateTransformFactory().createTransform(Crs.get(source), Crs.get(target));
    }

    /** Source EPSG code. */
    public int source() {
        return source;
    }

    /** Target EPSG code. */
    public int target() {
        return target;
    }

    /** Transforms one point; returns {x, y}. */
    public double[] transform(double x, double y) {
        if (transform == null) {
            return new double[] {x, y};
        }
        in.x = x;
        in.y = y;
        transform.transform(in, out);
        return new double[] {out.x, out.y};
    }

    /** A transformed copy of a geometry (the input is not changed). */
    public Geometry transform(Geometry g) {
        if (transform == null || g == null) {
            return g;
        }
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                transform.transform(in, out);
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }
}
