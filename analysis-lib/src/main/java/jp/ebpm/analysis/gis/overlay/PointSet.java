package jp.ebpm.analysis.gis.overlay;

/**
 * Points as parallel arrays. Coordinates are x = longitude / easting, y = latitude / northing in {@code epsg}.
 * A NaN coordinate marks a point without a location (never counted).
 *
 * @param x      x per point
 * @param y      y per point
 * @param ids    id per point for distinct counts, or null
 * @param values numeric value per point for sums and means (NaN = missing), or null
 * @param epsg   coordinate system
 * @since 0.1
 */
public record PointSet(double[] x, double[] y, String[] ids, double[] values, int epsg) {

    /** Number of points. */
    public int size() {
        return x.length;
    }
}
