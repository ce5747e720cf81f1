package jp.ebpm.analysis.gis.mesh;

/**
 * Encodes latitude/longitude into JIS X 0410 standard grid square codes (地域メッシュコード) and decodes
 * codes into cells.
 *
 * <p><b>Arithmetic.</b> A coordinate is first turned into integer units of the finest cell (1/8 mesh):
 * {@code latUnits = floor(lat * 960 + 1e-6)}, {@code lonUnits = floor(lon * 640 + 1e-6) - 64000}. Every
 * digit of every level is then taken from these integers with integer division and remainder, so there
 * is no accumulated floating-point error across levels (unlike {@code lat * 1.5} followed by repeated
 * subtraction). The tiny {@code 1e-6} unit (about 0.1 mm) absorbs the representation error of decimal
 * input such as {@code 34.65} (stored as 34.649999999999998…), so a coordinate written exactly on a
 * cell boundary is treated as on it. {@link MeshSql} uses the same formula, so Java and DuckDB agree bit for
 * bit.
 *
 * <p><b>Boundary rule (JIS convention).</b> A cell contains its south and west edges and not its north
 * and east edges: a point exactly on a boundary belongs to the cell north and/or east of it, i.e. the
 * cell whose lower-left (south-west) corner or edge it lies on.
 *
 * <p><b>Range.</b> Codes exist for 0&deg; &le; lat &lt; 66.66&deg; and 100&deg; &le; lon &lt; 200&deg; (two-digit
 * first-mesh parts); outside that (or NaN) {@link #encode} returns {@link #NONE}.
 *
 * @since 0.1
 */
public final class MeshCode {

    /** Returned by {@link #encode} for coordinates without a mesh code. */
    public static final long NONE = -1L;

    /** Added to {@code lat*960} and {@code lon*640} before flooring (see class comment). */
    public static final double EPSILON_UNITS = 1e-6;

    private MeshCode() {
    }

    /** Latitude in 1/960&deg; units, floored with the boundary tolerance. */
    public static long latUnits(double lat) {
        return (long) Math.floor(lat * MeshLevel.LAT_UNITS_PER_DEGREE + EPSILON_UNITS);
    }

    /** Longitude east of 100&deg; in 1/640&deg; units, floored with the boundary tolerance. */
    public static long lonUnits(double lon) {
        return (long) Math.floor(lon * MeshLevel.LON_UNITS_PER_DEGREE + EPSILON_UNITS) - 100L * MeshLevel.LON_UNITS_PER_DEGREE;
    }

    /**
     * The mesh code of the cell containing a point.
     *
     * @param lat   latitude in degrees (JGD2011/WGS84)
     * @param lon   longitude in degrees
     * @param level the level
     * @return the code as a number (e.g. {@code 533935992}), or {@link #NONE} outside the mesh range
     */
    public static long encode(double lat, double lon, MeshLevel level) {
        if (!(lat >= 0 && lat < 200 && lon >= 100 && lon < 200)) {
            return NONE;
        }
        long lu = latUnits(lat);
        long wu = lonUnits(lon);
        if (lu < 0 || wu < 0 || lu >= 100L * 640 || wu >= 100L * 640) {
            return NONE;
        }
        return fromUnits(lu, wu, level);
    }

    /** The code of the cell containing the unit cell (lu, wu) (both non-negative and below 64000). */
    static long fromUnits(long lu, long wu, MeshLevel level) {
        long code = (lu / 640) * 100 + wu / 640;
        if (level == MeshLevel.FIRST) {
            return code;
        }
        long rl = lu % 640;
        long rw = wu % 640;
        code = code * 100 + (rl / 80) * 10 + rw / 80;
        if (level == MeshLevel.SECOND) {
            return code;
        }
        if (level == MeshLevel.FIVE_KM) {
            return code * 10 + ((rl % 80) / 40) * 2 + (rw % 80) / 40 + 1;
        }
        code = code * 100 + ((rl % 80) / 8) * 10 + (rw % 80) / 8;
        if (level == MeshLevel.THIRD) {
            return code;
        }
        code = code * 10 + ((lu % 8) / 4) * 2 + (wu % 8) / 4 + 1;
        if (level == MeshLevel.HALF) {
            return code;
        }
        code = code * 10 + ((lu % 4) / 2) * 2 + (wu % 4) / 2 + 1;
        if (level == MeshLevel.QUARTER) {
            return code;
        }
        return code * 10 + (lu % 2) * 2 + (wu % 2) + 1;
    }

    /** The code as text with its leading digits (codes never start with 0 in Japan, but this keeps width). */
    public static String format(long code, MeshLevel level) {
        String s = Long.toString(code);
        return s.length() >= level.digits() ? s : "0".repeat(level.digits() - s.length()) + s;
    }

    /**
     * Decodes a code into its cell.
     *
     * @param code 4, 6, 7 (5 km), 8, 9, 10 or 11 digits
     * @throws IllegalArgumentException when the text is not a valid mesh code (wrong length, a 2nd-mesh digit
     *                                  above 7, a subdivision digit outside 1..4)
     */
    public static MeshCell decode(String code) {
        String c = code == null ? "" : code.strip();
        if (!c.matches("\\d+")) {
            throw new IllegalArgumentException("A mesh code is made of digits only, not \"" + code + "\".");
        }
        MeshLevel level = MeshLevel.ofDigits(c.length());
        long lu = digit(c, 0) * 10L + digit(c, 1);
        long wu = digit(c, 2) * 10L + digit(c, 3);
        lu *= 640;
        wu *= 640;
        if (c.length() >= 6) {
            int a = digit(c, 4);
            int b = digit(c, 5);
            if (a > 7 || b > 7) {
                throw new IllegalArgumentException("Digits 5 and 6 of a mesh code are 0..7: \"" + c + "\".");
            }
            lu += a * 80L;
            wu += b * 80L;
        }
        if (level == MeshLevel.FIVE_KM) {
            int q = sub(c, 6);
            lu += ((q - 1) / 2) * 40L;
            wu += ((q - 1) % 2) * 40L;
        } else if (c.length() >= 8) {
            lu += digit(c, 6) * 8L;
            wu += digit(c, 7) * 8L;
            int size = 4;
            for (int i = 8; i < c.length(); i++) {
                int q = sub(c, i);
                lu += ((q - 1) / 2) * (long) size;
                wu += ((q - 1) % 2) * (long) size;
                size /= 2;
            }
        }
        return new MeshCell(c, level, lu, wu);
    }

    private static int digit(String c, int i) {
        return c.charAt(i) - '0';
    }

    private static int sub(String c, int i) {
        int q = digit(c, i);
        if (q < 1 || q > 4) {
            throw new IllegalArgumentException("Subdivision digits of a mesh code are 1..4: \"" + c + "\".");
        }
        return q;
    }
}
