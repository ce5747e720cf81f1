package jp.ebpm.analysis.gis.mesh;

import java.util.Locale;

/**
 * A level of the JIS X 0410 standard grid square system, with the cell size expressed in integer
 * <em>units</em> of the finest supported cell (the 1/8 mesh: 3.75&Prime; of latitude = 1/960&deg;, 5.625&Prime; of
 * longitude = 1/640&deg;).
 *
 * @since 0.1
 */
public enum MeshLevel {
    /** 第1次地域区画 (about 80 km): 40&prime; &times; 1&deg;, 4 digits. */
    FIRST(1, "1st_80km", 4, 640, 640),
    /** 第2次地域区画 (about 10 km): 5&prime; &times; 7.5&prime;, 6 digits. */
    SECOND(2, "2nd_10km", 6, 80, 80),
    /** 5 km mesh (2nd mesh split 2 &times; 2): 2.5&prime; &times; 3.75&prime;, 7 digits. Not one of the numbered levels 1..6. */
    FIVE_KM(0, "5km", 7, 40, 40),
    /** 基準地域メッシュ / 第3次地域区画 (about 1 km): 30&Prime; &times; 45&Prime;, 8 digits. */
    THIRD(3, "3rd_1km", 8, 8, 8),
    /** 2分の1地域メッシュ (about 500 m): 15&Prime; &times; 22.5&Prime;, 9 digits. */
    HALF(4, "half_500m", 9, 4, 4),
    /** 4分の1地域メッシュ (about 250 m): 7.5&Prime; &times; 11.25&Prime;, 10 digits. */
    QUARTER(5, "quarter_250m", 10, 2, 2),
    /** 8分の1地域メッシュ (about 125 m): 3.75&Prime; &times; 5.625&Prime;, 11 digits. */
    EIGHTH(6, "eighth_125m", 11, 1, 1);

    /** Units per degree of latitude (1/8 mesh cells per degree). */
    public static final int LAT_UNITS_PER_DEGREE = 960;
    /** Units per degree of longitude. */
    public static final int LON_UNITS_PER_DEGREE = 640;

    private final int number;
    private final String label;
    private final int digits;
    private final int latUnits;
    private final int lonUnits;

    MeshLevel(int number, String label, int digits, int latUnits, int lonUnits) {
        this.number = number;
        this.label = label;
        this.digits = digits;
        this.latUnits = latUnits;
        this.lonUnits = lonUnits;
    }

    /** The level number 1..6 (1st, 2nd, 3rd, 1/2, 1/4, 1/8), or 0 for the 5 km mesh. */
    public int number() {
        return number;
    }

    /** A stable label such as {@code half_500m}. */
    public String label() {
        return label;
    }

    /** Number of digits of a code at this level. */
    public int digits() {
        return digits;
    }

    /** Cell height in 1/960&deg; units. */
    public int latUnits() {
        return latUnits;
    }

    /** Cell width in 1/640&deg; units. */
    public int lonUnits() {
        return lonUnits;
    }

    /** Cell height in degrees. */
    public double heightDegrees() {
        return latUnits / (double) LAT_UNITS_PER_DEGREE;
    }

    /** Cell width in degrees. */
    public double widthDegrees() {
        return lonUnits / (double) LON_UNITS_PER_DEGREE;
    }

    /**
     * Parses a level given as a number 1..6 or a name: {@code 1st_80km}/{@code 80km}/{@code 1st},
     * {@code 2nd_10km}/{@code 10km}, {@code 5km}, {@code 3rd_1km}/{@code 1km}, {@code half_500m}/{@code 500m}/{@code 1/2},
     * {@code quarter_250m}/{@code 250m}/{@code 1/4}, {@code eighth_125m}/{@code 125m}/{@code 1/8}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static MeshLevel parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (MeshLevel l : values()) {
            if (l.label.equals(t) || (l.number > 0 && t.equals(Integer.toString(l.number)))) {
                return l;
            }
        }
        return switch (t) {
            case "1st", "80km", "primary", "first" -> FIRST;
            case "2nd", "10km", "secondary", "second" -> SECOND;
            case "5000m", "5km_mesh" -> FIVE_KM;
            case "3rd", "1km", "1000m", "third", "standard" -> THIRD;
            case "1/2", "500m", "half" -> HALF;
            case "1/4", "250m", "quarter" -> QUARTER;
            case "1/8", "125m", "eighth" -> EIGHTH;
            default -> throw new IllegalArgumentException("Unknown mesh level \"" + text
                    + "\": use 1..6 (1st 80 km, 2nd 10 km, 3rd 1 km, 1/2 500 m, 1/4 250 m, 1/8 125 m) or 5km.");
        };
    }

    /** The level of a code with this many digits. */
    public static MeshLevel ofDigits(int digits) {
        for (MeshLevel l : values()) {
            if (l.digits == digits) {
                return l;
            }
        }
        throw new IllegalArgumentException("A mesh code has 4, 6, 7, 8, 9, 10 or 11 digits, not " + digits + ".");
    }
}
