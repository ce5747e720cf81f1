package jp.ebpm.analysis.privacy.location;

/**
 * JIS X 0410 standard mesh codes as plain DuckDB SQL arithmetic (integers only, so no floating
 * rounding inside a cell): 3rd mesh (基準地域メッシュ, 30″ × 45″, about 1 km) and 4th mesh
 * (2分の1地域メッシュ, 15″ × 22.5″, about 500 m). With a = ⌊lat·120⌋ and b = ⌊(lon−100)·80⌋:
 * code3 = (a div 80)·10⁶ + (b div 80)·10⁴ + ((a mod 80) div 10)·10³ + ((b mod 80) div 10)·10² + (a mod 10)·10 + b mod 10;
 * code4 = code3·10 + (⌊lat·240⌋ mod 2)·2 + (⌊(lon−100)·160⌋ mod 2) + 1.
 * A point on a cell's south or west edge belongs to that cell (floor). Valid for Japan (lon 100–180, lat ≥ 0).
 */
public final class MeshCodeSql {

    private MeshCodeSql() {
    }

    /** SQL expression (BIGINT) of the 3rd mesh code of two DOUBLE columns/expressions. */
    public static String level3Number(String lat, String lon) {
        String a = "CAST(floor((" + lat + ") * 120) AS BIGINT)";
        String b = "CAST(floor(((" + lon + ") - 100) * 80) AS BIGINT)";
        return "((" + a + " // 80) * 1000000 + (" + b + " // 80) * 10000 + ((" + a + " % 80) // 10) * 1000 + (("
                + b + " % 80) // 10) * 100 + (" + a + " % 10) * 10 + (" + b + " % 10))";
    }

    /** SQL expression (BIGINT) of the 4th (half) mesh code. */
    public static String level4Number(String lat, String lon) {
        return "(" + level3Number(lat, lon) + " * 10 + (CAST(floor((" + lat + ") * 240) AS BIGINT) % 2) * 2 + (CAST(floor((("
                + lon + ") - 100) * 160) AS BIGINT) % 2) + 1)";
    }

    /** SQL expression (VARCHAR) of the 3rd mesh code. */
    public static String level3(String lat, String lon) {
        return "CAST(" + level3Number(lat, lon) + " AS VARCHAR)";
    }

    /** SQL expression (VARCHAR) of the 4th (half) mesh code. */
    public static String level4(String lat, String lon) {
        return "CAST(" + level4Number(lat, lon) + " AS VARCHAR)";
    }
}
