package jp.ebpm.analysis.io;

import java.util.Locale;
import java.util.Set;

/**
 * SQL expressions that read numbers and coordinates from a column of any type, the same way for every source of
 * points (CSV text, Excel, Parquet, project tables).
 *
 * <p>Text is read as a number after full-width digits, sign, point and exponent letters (as typed with a Japanese
 * input method) are mapped to ASCII and surrounding white space is removed; anything DuckDB cannot cast to
 * {@code DOUBLE} is not a number. This matches what the earlier Java readers accepted ({@code Double.parseDouble}
 * after NFKC normalisation) for every plain decimal or scientific number.
 */
final class NumberSql {

    /** Status of a point: usable. */
    static final int VALID = 0;
    /** Status: a coordinate is empty or missing. */
    static final int MISSING = 1;
    /** Status: a coordinate is not a number. */
    static final int NOT_A_NUMBER = 2;
    /** Status: a coordinate is outside −180..180 (x) or −90..90 (y) degrees, or infinite. */
    static final int OUT_OF_RANGE = 3;
    /** Status: the point lies outside the area of use of its coordinate system. */
    static final int OUTSIDE_AREA = 4;

    private static final Set<String> NUMERIC = Set.of("DOUBLE", "FLOAT", "REAL", "BIGINT", "INTEGER", "SMALLINT",
            "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT", "UHUGEINT");
    private static final String WHITE = "' ' || chr(9) || chr(10) || chr(13) || chr(12288)";

    private NumberSql() {
    }

    /** Whether a DuckDB column type holds numbers. */
    static boolean isNumeric(String duckType) {
        String t = duckType.toUpperCase(Locale.ROOT);
        return NUMERIC.contains(t) || t.startsWith("DECIMAL");
    }

    /**
     * The column's value as a DOUBLE (NULL when empty or not a number). Text is first cast as it is (the common case, and
     * cheap); only text that does not cast is cleaned (full-width characters, blanks) and cast again.
     */
    static String number(String column, String duckType) {
        if (isNumeric(duckType)) {
            return "CAST(" + column + " AS DOUBLE)";
        }
        return "coalesce(TRY_CAST(" + text(column, duckType) + " AS DOUBLE), TRY_CAST(" + cleaned(column, duckType) + " AS DOUBLE))";
    }

    /**
     * Whether the column's value is missing (NULL, or blank text). Meant for rows whose {@link #number} is NULL (as in
     * {@link #status}), where cleaning the text costs nothing worth mentioning.
     */
    static String missing(String column, String duckType) {
        if (isNumeric(duckType)) {
            return column + " IS NULL";
        }
        return "(" + column + " IS NULL OR " + cleaned(column, duckType) + " = '')";
    }

    private static String text(String column, String duckType) {
        return duckType.equalsIgnoreCase("VARCHAR") ? column : "CAST(" + column + " AS VARCHAR)";
    }

    private static String cleaned(String column, String duckType) {
        return "trim(translate(" + text(column, duckType) + ", '０１２３４５６７８９．－＋ｅＥ', '0123456789.-+eE'), " + WHITE + ")";
    }

    /**
     * The status of a point ({@link #VALID} ... {@link #OUTSIDE_AREA}) from its parsed coordinates {@code x}, {@code y}
     * and the missing tests of the raw values.
     *
     * @param geographic whether x/y are longitude/latitude in degrees (range checks apply)
     * @param area       {minX, minY, maxX, maxY} of the coordinate system's area of use, or null
     */
    static String status(String x, String y, String xMissing, String yMissing, boolean geographic, double[] area) {
        String finite = "isfinite(" + x + ") AND isfinite(" + y + ")";
        String range = geographic ? " AND " + x + " BETWEEN -180 AND 180 AND " + y + " BETWEEN -90 AND 90" : "";
        String inArea = area == null ? "" : " AND " + x + " BETWEEN " + area[0] + " AND " + area[2] + " AND " + y + " BETWEEN "
                + area[1] + " AND " + area[3];
        // DuckDB evaluates each WHEN only for the rows that reach it: the usable points (nearly all) are decided first
        return "CASE WHEN " + finite + range + inArea + " THEN " + VALID
                + " WHEN " + xMissing + " OR " + yMissing + " THEN " + MISSING
                + " WHEN " + x + " IS NULL OR " + y + " IS NULL OR isnan(" + x + ") OR isnan(" + y + ") THEN " + NOT_A_NUMBER
                + " WHEN NOT (" + finite + range + ") THEN " + OUT_OF_RANGE
                + " ELSE " + OUTSIDE_AREA + " END";
    }
}
