package jp.ebpm.analysis.gis.crs;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;

/**
 * The coordinate reference systems the workbench supports, by EPSG code, created with proj4j 1.4.1 from
 * its bundled EPSG parameter file:
 * <ul>
 *   <li>4326 WGS 84, 6668 JGD2011, 4612 JGD2000 (geographic, x = longitude, y = latitude in degrees);</li>
 *   <li>4301 Tokyo (old Japanese datum). <b>Accuracy caveat:</b> proj4j converts Tokyo to JGD/WGS84 with the
 *       3-parameter shift {@code towgs84=-146.414,507.337,680.507}; this is a single nationwide average and
 *       is off by about 1 m to several metres depending on the region (the official grid-based TKY2JGD
 *       correction is not available offline). Do not use it for surveying-grade work;</li>
 *   <li>Japan Plane Rectangular CS zones I–XIX on JGD2011 (EPSG 6669–6687) and on JGD2000 (2443–2461), in metres.
 *       proj4j returns x = easting, y = northing (the Japanese survey convention names them Y and X).</li>
 * </ul>
 *
 * @since 0.1
 */
public final class Crs {

    /** WGS 84 geographic. */
    public static final int WGS84 = 4326;
    /** JGD2011 geographic. */
    public static final int JGD2011 = 6668;
    /** JGD2000 geographic. */
    public static final int JGD2000 = 4612;
    /** Tokyo datum geographic. */
    public static final int TOKYO = 4301;

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final Map<Integer, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();

    private Crs() {
    }

    /**
     * Parses {@code EPSG:6677}, {@code epsg:6677}, {@code 6677} or {@code urn:ogc:def:crs:EPSG::6677}
     * ({@code CRS84} / {@code OGC:CRS84} mean 4326).
     *
     * @throws IllegalArgumentException when the text names no supported EPSG code
     */
    public static int parseCode(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (t.endsWith("CRS84")) {
            return WGS84;
        }
        int i = Math.max(t.lastIndexOf(':'), -1);
        String digits = t.substring(i + 1);
        try {
            int code = Integer.parseInt(digits);
            check(code);
            return code;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a coordinate system code: \"" + text + "\" (use e.g. EPSG:6668).");
        }
    }

    /** The label {@code EPSG:n}. */
    public static String label(int code) {
        return "EPSG:" + code;
    }

    /** Whether the code is a supported geographic (degree) system. */
    public static boolean isGeographic(int code) {
        return code == WGS84 || code == JGD2011 || code == JGD2000 || code == TOKYO;
    }

    /** Whether the code is supported. */
    public static boolean isSupported(int code) {
        return isGeographic(code) || JapanZones.zoneOf(code) > 0;
    }

    private static void check(int code) {
        if (!isSupported(code)) {
            throw new IllegalArgumentException("EPSG:" + code + " is not supported. Supported: 4326, 6668, 4612, 4301, "
                    + "6669–6687 and 2443–2461 (Japan Plane Rectangular CS).");
        }
    }

    /**
     * The proj4j system for a supported EPSG code.
     *
     * @throws IllegalArgumentException for unsupported codes
     */
    public static CoordinateReferenceSystem get(int code) {
        check(code);
        return CACHE.computeIfAbsent(code, c -> {
            try {
                return FACTORY.createFromName("EPSG:" + c);
            } catch (Proj4jException e) {
                throw new IllegalArgumentException("proj4j cannot create EPSG:" + c + ": " + e.getMessage(), e);
            }
        });
    }
}
