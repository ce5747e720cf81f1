package jp.ebpm.analysis.gis.crs;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Checks that a layer's coordinates fit the coordinate system it was read in, so that a file in metres read as
 * longitude/latitude (or a swapped or broken coordinate) is refused or warned about instead of giving silent
 * wrong answers.
 *
 * <ul>
 *   <li>Geographic systems (EPSG:4326, 6668, 4612, 4301): a coordinate outside longitude −180..180 or latitude
 *       −90..90 is refused, naming the feature. When such values are large (beyond ±1,000) they are metres of a
 *       projected system, and the message names the plane rectangular systems to pass.</li>
 *   <li>Every system: features whose extent, read as longitude/latitude, lies outside Japan
 *       ({@value #WEST}–{@value #EAST} E, {@value #SOUTH}–{@value #NORTH} N) are counted in a warning.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class CrsRange {

    /** Japan's extent used by the check, degrees. */
    public static final double WEST = 120;
    /** Eastern bound. */
    public static final double EAST = 155;
    /** Southern bound. */
    public static final double SOUTH = 20;
    /** Northern bound. */
    public static final double NORTH = 46;

    private CrsRange() {
    }

    /**
     * Checks geometries (in source order, {@code null} allowed) against {@code epsg}.
     *
     * @param crsFromFile whether the file itself named the system (else it was assumed or given by the user)
     * @return warnings in plain words (empty when all is well)
     * @throws WorkbenchException when a coordinate cannot be in that system
     */
    public static List<String> check(List<Geometry> geometries, int epsg, boolean crsFromFile, String fileName) {
        List<String> warnings = new ArrayList<>();
        boolean geographic = Crs.isGeographic(epsg);
        Reprojector toLonLat = geographic ? null : new Reprojector(epsg, Crs.WGS84);
        int outside = 0;
        int firstOutside = 0;
        for (int i = 0; i < geometries.size(); i++) {
            Geometry g = geometries.get(i);
            if (g == null || g.isEmpty()) {
                continue;
            }
            if (geographic) {
                for (Coordinate c : g.getCoordinates()) {
                    if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
                        throw outOfRange(i + 1, c, epsg, crsFromFile, fileName);
                    }
                }
            }
            Envelope e = g.getEnvelopeInternal();
            double[] lo;
            double[] hi;
            try {
                lo = geographic ? new double[] {e.getMinX(), e.getMinY()} : toLonLat.transform(e.getMinX(), e.getMinY());
                hi = geographic ? new double[] {e.getMaxX(), e.getMaxY()} : toLonLat.transform(e.getMaxX(), e.getMaxY());
            } catch (RuntimeException ex) {
                // proj4j gives up on coordinates far outside the zone: they are outside Japan too
                lo = new double[] {Double.NaN, Double.NaN};
                hi = lo;
            }
            if (!(lo[0] >= WEST && hi[0] <= EAST && lo[1] >= SOUTH && hi[1] <= NORTH)) {
                if (outside++ == 0) {
                    firstOutside = i + 1;
                }
            }
        }
        if (outside > 0) {
            warnings.add(outside + " feature(s) (the first is feature " + firstOutside + ") lie outside Japan ("
                    + (int) WEST + "–" + (int) EAST + " E, " + (int) SOUTH + "–" + (int) NORTH + " N) when read as "
                    + Crs.label(epsg) + ". Check that the coordinate system is right and that longitude and latitude are"
                    + " not swapped.");
        }
        return warnings;
    }

    private static WorkbenchException outOfRange(int feature, Coordinate c, int epsg, boolean crsFromFile, String fileName) {
        String where = "Feature " + feature + " has the coordinate (" + fmt(c.x) + ", " + fmt(c.y) + "), which is not a"
                + " longitude (−180..180) and latitude (−90..90)";
        if (Math.abs(c.x) > 1000 || Math.abs(c.y) > 1000) {
            return new WorkbenchException(where + ": the coordinates look like metres of a projected system, but "
                    + (crsFromFile ? "the file says " + Crs.label(epsg) : "the file names no coordinate system, so "
                    + Crs.label(epsg) + " was assumed") + ". Import it again with the right one, e.g. --crs EPSG:6677 for"
                    + " the plane rectangular zone IX (EPSG:6669–6687 are zones I–XIX).", fileName, null, null, null);
        }
        return new WorkbenchException(where + " in " + Crs.label(epsg) + ". Correct the coordinate in the file.",
                fileName, null, null, null);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
