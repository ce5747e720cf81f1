package jp.ebpm.analysis.gis.mesh;

import jp.ebpm.analysis.store.Sql;

/**
 * Builds DuckDB SQL expressions that compute mesh codes with plain arithmetic, so a table of any size gets
 * a mesh column without leaving the database, e.g.
 * {@code CREATE TABLE t2 AS SELECT *, <expr> AS mesh_code FROM t}.
 *
 * <p>The expression uses exactly the formula of {@link MeshCode} ({@code floor(lat*960 + 1e-6)},
 * {@code floor(lon*640 + 1e-6) - 64000}, then integer division and remainder), on IEEE doubles like Java,
 * so SQL and Java give the same code for every input, including points on cell boundaries. The result
 * is a {@code BIGINT}, {@code NULL} where the latitude or longitude is {@code NULL} or outside the mesh range.
 *
 * <p>This is the one written-out form of the formula: the Spark job of {@code workbench-scale} builds its mesh
 * column from the same method with {@link Dialect#SPARK} (the dialects differ only in the integer division
 * operator), so desktop and cluster aggregates use one definition.
 *
 * @since 0.1
 */
public final class MeshSql {

    private MeshSql() {
    }

    /** The SQL dialects the expression is written for; they differ only in the integer division operator. */
    public enum Dialect {
        /** DuckDB: {@code a // b}. */
        DUCKDB("//"),
        /** Apache Spark SQL: {@code a div b}. */
        SPARK("div");

        private final String intDiv;

        Dialect(String intDiv) {
            this.intDiv = intDiv;
        }
    }

    /**
     * An expression computing the mesh code of two columns.
     *
     * @param latCol name of the latitude column (quoted here)
     * @param lonCol name of the longitude column (quoted here)
     * @param level  the level
     * @return a SQL expression of type BIGINT
     */
    public static String encodeExpression(String latCol, String lonCol, MeshLevel level) {
        return encodeExpressionOf("CAST(" + Sql.ident(latCol) + " AS DOUBLE)", "CAST(" + Sql.ident(lonCol) + " AS DOUBLE)", level);
    }

    /**
     * The same for arbitrary SQL expressions of latitude and longitude (already DOUBLE, used as given).
     */
    public static String encodeExpressionOf(String latExpr, String lonExpr, MeshLevel level) {
        return encodeExpressionOf(latExpr, lonExpr, level, Dialect.DUCKDB);
    }

    /**
     * The same in another SQL dialect (used by the Spark job).
     *
     * @param latExpr latitude expression of type DOUBLE
     * @param lonExpr longitude expression of type DOUBLE
     */
    public static String encodeExpressionOf(String latExpr, String lonExpr, MeshLevel level, Dialect dialect) {
        String div = dialect.intDiv;
        String lu = "CAST(floor((" + latExpr + ") * 960 + CAST(1e-6 AS DOUBLE)) AS BIGINT)";
        String wu = "(CAST(floor((" + lonExpr + ") * 640 + CAST(1e-6 AS DOUBLE)) AS BIGINT) - 64000)";
        int d = level.digits();
        // A flat sum of digit terms (each digit = (units // size) % base), which DuckDB evaluates about twice as fast as
        // nested remainders; for non-negative units (lu % 640) // 80 = (lu // 80) % 8 etc., so the result is the same.
        StringBuilder code = new StringBuilder();
        term(code, "(" + lu + " " + div + " 640)", d - 2);
        term(code, "(" + wu + " " + div + " 640)", d - 4);
        if (level != MeshLevel.FIRST) {
            term(code, "((" + lu + " " + div + " 80) % 8)", d - 5);
            term(code, "((" + wu + " " + div + " 80) % 8)", d - 6);
        }
        if (level == MeshLevel.FIVE_KM) {
            term(code, "(((" + lu + " " + div + " 40) % 2) * 2 + (" + wu + " " + div + " 40) % 2 + 1)", 0);
        } else if (level.number() >= 3) {
            term(code, "((" + lu + " " + div + " 8) % 10)", d - 7);
            term(code, "((" + wu + " " + div + " 8) % 10)", d - 8);
            if (level.number() >= 4) {
                term(code, "(((" + lu + " " + div + " 4) % 2) * 2 + (" + wu + " " + div + " 4) % 2 + 1)", d - 9);
            }
            if (level.number() >= 5) {
                term(code, "(((" + lu + " " + div + " 2) % 2) * 2 + (" + wu + " " + div + " 2) % 2 + 1)", d - 10);
            }
            if (level.number() >= 6) {
                term(code, "((" + lu + " % 2) * 2 + " + wu + " % 2 + 1)", d - 11);
            }
        }
        // floor(v) < 64000 ⇔ v < 64000, so the range test needs no integer conversion (same result as MeshCode.encode).
        return "(CASE WHEN (" + latExpr + ") >= 0 AND (" + lonExpr + ") >= 100 AND (" + latExpr + ") * 960 + CAST(1e-6 AS DOUBLE) < 64000"
                + " AND (" + lonExpr + ") * 640 + CAST(1e-6 AS DOUBLE) < 128000 THEN (" + code + ") END)";
    }

    private static void term(StringBuilder code, String digit, int power) {
        if (code.length() > 0) {
            code.append(" + ");
        }
        code.append(digit);
        if (power > 0) {
            code.append(" * ").append(java.math.BigInteger.TEN.pow(power));
        }
    }
}
