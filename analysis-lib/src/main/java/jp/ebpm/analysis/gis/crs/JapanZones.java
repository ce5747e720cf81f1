package jp.ebpm.analysis.gis.crs;

import java.util.Map;

/**
 * The 19 zones of the Japan Plane Rectangular Coordinate System (平面直角座標系, MLIT notice 告示第九号,
 * 2002) and the choice of zone for data.
 *
 * <p>Automatic choice ({@link #chooseZone(double, double)}): the prefecture is taken as the one whose
 * prefectural office is nearest to the data's centroid, and the zone is the official zone of that prefecture;
 * Hokkaido, Tokyo's far islands, Kagoshima's southern islands and Okinawa are split by the longitude/latitude of the
 * centroid as in the notice's descriptions. This is an approximation near prefecture borders: pass a zone
 * explicitly to override.
 *
 * @since 0.1
 */
public final class JapanZones {

    /** Zone origins: latitude, longitude (degrees) for zones 1..19. */
    private static final double[][] ORIGINS = {
        {33, 129.5}, {33, 131}, {36, 132 + 10 / 60.0}, {33, 133.5}, {36, 134 + 20 / 60.0}, {36, 136},
        {36, 137 + 10 / 60.0}, {36, 138.5}, {36, 139 + 50 / 60.0}, {40, 140 + 50 / 60.0}, {44, 140.25},
        {44, 142.25}, {44, 144.25}, {26, 142}, {26, 127.5}, {26, 124}, {26, 131}, {20, 136}, {26, 154}};

    /** Prefecture code → (office latitude, office longitude, official main zone). */
    private static final double[][] PREFECTURES = {
        {43.06, 141.35, 12}, {40.82, 140.74, 10}, {39.70, 141.15, 10}, {38.27, 140.87, 10}, {39.72, 140.10, 10},
        {38.24, 140.36, 10}, {37.75, 140.47, 9}, {36.34, 140.45, 9}, {36.57, 139.88, 9}, {36.39, 139.06, 9},
        {35.86, 139.65, 9}, {35.61, 140.12, 9}, {35.69, 139.69, 9}, {35.45, 139.64, 9}, {37.90, 139.02, 8},
        {36.70, 137.21, 7}, {36.59, 136.63, 7}, {36.07, 136.22, 6}, {35.66, 138.57, 8}, {36.65, 138.18, 8},
        {35.39, 136.72, 7}, {34.98, 138.38, 8}, {35.18, 136.91, 7}, {34.73, 136.51, 6}, {35.00, 135.87, 6},
        {35.02, 135.76, 6}, {34.69, 135.52, 6}, {34.69, 135.18, 5}, {34.69, 135.83, 6}, {34.23, 135.17, 6},
        {35.50, 134.24, 5}, {35.47, 133.05, 3}, {34.66, 133.93, 5}, {34.40, 132.46, 3}, {34.19, 131.47, 3},
        {34.07, 134.56, 4}, {34.34, 134.04, 4}, {33.84, 132.77, 4}, {33.56, 133.53, 4}, {33.61, 130.42, 2},
        {33.25, 130.30, 2}, {32.74, 129.87, 1}, {32.79, 130.74, 2}, {33.24, 131.61, 2}, {31.91, 131.42, 2},
        {31.56, 130.56, 2}, {26.21, 127.68, 15}};

    private static final Map<Integer, String> ROMAN = Map.ofEntries(
            Map.entry(1, "I"), Map.entry(2, "II"), Map.entry(3, "III"), Map.entry(4, "IV"), Map.entry(5, "V"),
            Map.entry(6, "VI"), Map.entry(7, "VII"), Map.entry(8, "VIII"), Map.entry(9, "IX"), Map.entry(10, "X"),
            Map.entry(11, "XI"), Map.entry(12, "XII"), Map.entry(13, "XIII"), Map.entry(14, "XIV"), Map.entry(15, "XV"),
            Map.entry(16, "XVI"), Map.entry(17, "XVII"), Map.entry(18, "XVIII"), Map.entry(19, "XIX"));

    private JapanZones() {
    }

    /** EPSG code of zone 1..19 on JGD2011 (6669..6687). */
    public static int jgd2011(int zone) {
        checkZone(zone);
        return 6668 + zone;
    }

    /** EPSG code of zone 1..19 on JGD2000 (2443..2461). */
    public static int jgd2000(int zone) {
        checkZone(zone);
        return 2442 + zone;
    }

    /** The zone 1..19 of a plane-rectangular EPSG code, or 0 when the code is not one. */
    public static int zoneOf(int epsg) {
        if (epsg >= 6669 && epsg <= 6687) {
            return epsg - 6668;
        }
        if (epsg >= 2443 && epsg <= 2461) {
            return epsg - 2442;
        }
        return 0;
    }

    /** Roman numeral of a zone (IX for 9). */
    public static String roman(int zone) {
        checkZone(zone);
        return ROMAN.get(zone);
    }

    /** Parses a zone given as 1..19 or a Roman numeral. */
    public static int parseZone(String text) {
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        for (Map.Entry<Integer, String> e : ROMAN.entrySet()) {
            if (e.getValue().equals(t)) {
                return e.getKey();
            }
        }
        int z = Integer.parseInt(t);
        checkZone(z);
        return z;
    }

    /** Origin latitude and longitude of a zone. */
    public static double[] origin(int zone) {
        checkZone(zone);
        return ORIGINS[zone - 1].clone();
    }

    /** The official main zone of a prefecture (JIS code 1..47). */
    public static int zoneOfPrefecture(int prefectureCode) {
        if (prefectureCode < 1 || prefectureCode > 47) {
            throw new IllegalArgumentException("Prefecture codes are 1..47, not " + prefectureCode + ".");
        }
        return (int) PREFECTURES[prefectureCode - 1][2];
    }

    /**
     * The zone covering a point (see class comment).
     *
     * @param lat latitude of the data's centroid (degrees)
     * @param lon longitude of the data's centroid (degrees)
     * @return zone 1..19
     */
    public static int chooseZone(double lat, double lon) {
        if (lat < 28 && lon >= 140 && lon < 150) {
            return 14; // Ogasawara
        }
        if (lon >= 150) {
            return 19; // Minami-Torishima
        }
        if (lat < 22 && lon >= 134 && lon < 140) {
            return 18; // Okinotorishima
        }
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        double cos = Math.cos(Math.toRadians(lat));
        for (int i = 0; i < PREFECTURES.length; i++) {
            double dy = PREFECTURES[i][0] - lat;
            double dx = (PREFECTURES[i][1] - lon) * cos;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = i + 1;
            }
        }
        if (best == 1) {
            return lon < 141.2 ? 11 : lon >= 142.9 ? 13 : 12;
        }
        if (best == 47) {
            return lon < 125 ? 16 : lon >= 130 ? 17 : 15;
        }
        if (best == 46 && lat < 30) {
            return 1; // Kagoshima's southern islands
        }
        return zoneOfPrefecture(best);
    }

    private static void checkZone(int zone) {
        if (zone < 1 || zone > 19) {
            throw new IllegalArgumentException("Plane rectangular zones are 1..19, not " + zone + ".");
        }
    }
}
