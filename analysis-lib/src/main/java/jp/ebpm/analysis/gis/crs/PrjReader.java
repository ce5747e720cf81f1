package jp.ebpm.analysis.gis.crs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the coordinate system of a shapefile's {@code .prj} (ESRI or OGC WKT 1, or WKT 2) and maps it to a
 * supported EPSG code: first by an {@code AUTHORITY["EPSG", n]} / {@code ID["EPSG", n]} of the outermost system,
 * then by name (e.g. {@code JGD_2011_Japan_Zone_9}, {@code JGD2011 / Japan Plane Rectangular CS IX},
 * {@code GCS_JGD_2011}, {@code GCS_WGS_1984}, {@code GCS_Tokyo}), then by parameters (a Transverse Mercator whose
 * latitude of origin and central meridian match a plane-rectangular zone, on the datum named in the WKT).
 *
 * @since 0.1
 */
public final class PrjReader {

    private static final Pattern AUTH = Pattern.compile("(?:AUTHORITY|ID)\\[\"EPSG\",\\s*\"?(\\d+)\"?\\]\\s*\\]\\s*$");
    private static final Pattern ZONE = Pattern.compile("(?:ZONE_|CS_|CS )([0-9]{1,2}|[IVX]+)\\b");

    private PrjReader() {
    }

    /**
     * The EPSG code of a WKT text.
     *
     * @throws IllegalArgumentException when the system is not recognised
     */
    public static int epsgOf(String wkt) {
        String w = wkt.strip();
        Matcher a = AUTH.matcher(w);
        if (a.find()) {
            int code = Integer.parseInt(a.group(1));
            if (Crs.isSupported(code)) {
                return code;
            }
        }
        String u = w.toUpperCase(Locale.ROOT).replace(' ', '_');
        boolean projected = u.startsWith("PROJCS") || u.startsWith("PROJCRS");
        boolean jgd2011 = u.contains("JGD_2011") || u.contains("JGD2011");
        boolean jgd2000 = !jgd2011 && (u.contains("JGD_2000") || u.contains("JGD2000"));
        boolean tokyo = !jgd2011 && !jgd2000 && u.contains("TOKYO");
        if (!projected) {
            if (jgd2011) {
                return Crs.JGD2011;
            }
            if (jgd2000) {
                return Crs.JGD2000;
            }
            if (tokyo) {
                return Crs.TOKYO;
            }
            if (u.contains("WGS_1984") || u.contains("WGS_84") || u.contains("WGS84")) {
                return Crs.WGS84;
            }
            throw new IllegalArgumentException("Unrecognised geographic coordinate system in the .prj file.");
        }
        if (!jgd2011 && !jgd2000) {
            throw new IllegalArgumentException("Only JGD2011/JGD2000 plane rectangular systems are supported in .prj files.");
        }
        int zone = zoneByName(w);
        if (zone == 0) {
            zone = zoneByParameters(u);
        }
        if (zone == 0) {
            throw new IllegalArgumentException("The .prj names a projected system that is not a Japan Plane Rectangular zone.");
        }
        return jgd2011 ? JapanZones.jgd2011(zone) : JapanZones.jgd2000(zone);
    }

    private static int zoneByName(String w) {
        int q1 = w.indexOf('"');
        int q2 = q1 < 0 ? -1 : w.indexOf('"', q1 + 1);
        if (q2 < 0) {
            return 0;
        }
        String name = w.substring(q1 + 1, q2).toUpperCase(Locale.ROOT).replace(' ', '_');
        Matcher m = ZONE.matcher(name.replace('_', ' ').replace("ZONE ", "ZONE_").replace("CS ", "CS_"));
        if (m.find()) {
            try {
                return JapanZones.parseZone(m.group(1));
            } catch (IllegalArgumentException e) {
                return 0;
            }
        }
        return 0;
    }

    private static int zoneByParameters(String u) {
        double lat = param(u, "LATITUDE_OF_ORIGIN");
        double lon = param(u, "CENTRAL_MERIDIAN");
        if (Double.isNaN(lat)) {
            lat = param(u, "LATITUDE_OF_NATURAL_ORIGIN");
        }
        if (Double.isNaN(lon)) {
            lon = param(u, "LONGITUDE_OF_NATURAL_ORIGIN");
        }
        for (int z = 1; z <= 19; z++) {
            double[] o = JapanZones.origin(z);
            if (Math.abs(o[0] - lat) < 1e-6 && Math.abs(o[1] - lon) < 1e-6) {
                return z;
            }
        }
        return 0;
    }

    private static double param(String u, String name) {
        Matcher m = Pattern.compile("\"" + name + "\",\\s*([-0-9.Ee+]+)").matcher(u);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
