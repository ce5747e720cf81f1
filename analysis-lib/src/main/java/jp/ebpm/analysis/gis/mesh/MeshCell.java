package jp.ebpm.analysis.gis.mesh;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * One cell of the standard grid: its code, level and bounds in degrees. The bounds are computed as
 * integer units divided by 960 (latitude) or 640 (longitude), so they are the correctly rounded doubles of
 * the exact values. The cell contains its south and west edges, not its north and east edges.
 *
 * @param code     the code text
 * @param level    the level
 * @param latUnits south edge in 1/960&deg; units
 * @param lonUnits west edge in 1/640&deg; units east of 100&deg;
 * @since 0.1
 */
public record MeshCell(String code, MeshLevel level, long latUnits, long lonUnits) {

    /** Latitude of the south edge. */
    public double south() {
        return latUnits / (double) MeshLevel.LAT_UNITS_PER_DEGREE;
    }

    /** Latitude of the north edge. */
    public double north() {
        return (latUnits + level.latUnits()) / (double) MeshLevel.LAT_UNITS_PER_DEGREE;
    }

    /** Longitude of the west edge. */
    public double west() {
        return 100 + lonUnits / (double) MeshLevel.LON_UNITS_PER_DEGREE;
    }

    /** Longitude of the east edge. */
    public double east() {
        return 100 + (lonUnits + level.lonUnits()) / (double) MeshLevel.LON_UNITS_PER_DEGREE;
    }

    /** Latitude of the centre. */
    public double centerLat() {
        return (latUnits * 2 + level.latUnits()) / (2.0 * MeshLevel.LAT_UNITS_PER_DEGREE);
    }

    /** Longitude of the centre. */
    public double centerLon() {
        return 100 + (lonUnits * 2 + level.lonUnits()) / (2.0 * MeshLevel.LON_UNITS_PER_DEGREE);
    }

    /** The cell as a closed counter-clockwise polygon in lon/lat (x = longitude). */
    public Polygon toPolygon(GeometryFactory factory) {
        double s = south();
        double n = north();
        double w = west();
        double e = east();
        return factory.createPolygon(new Coordinate[] {
            new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)});
    }
}
