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
 * @since 0.1
 */
public final class MeshSql {

    private MeshSql() {
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
        String lu = "CAST(floor((" + latExpr + ") * 960 + CAST(1e-6 AS DOUBLE)) AS BIGINT)";
        String wu = "(CAST(floor((" + lonExpr + ") * 640 + CAST(1e-6 AS DOUBLE)) AS BIGINT) - 64000)";
        StringBuilder code = new StringBuilder();
        code.append("((").append(lu).append(" // 640) * 100 + ").append(wu).append(" // 640)");
        String rl = "(" + lu + " % 640)";
        String rw = "(" + wu + " % 640)";
        if (level != MeshLevel.FIRST) {
            wrap(code, 100, "(" + rl + " // 80) * 10 + " + rw + " // 80");
        }
        if (level == MeshLevel.FIVE_KM) {
            wrap(code, 10, "((" + rl + " % 80) // 40) * 2 + (" + rw + " % 80) // 40 + 1");
        } else if (level.number() >= 3) {
            wrap(code, 100, "((" + rl + " % 80) // 8) * 10 + (" + rw + " % 80) // 8");
            if (level.number() >= 4) {
                wrap(code, 10, "((" + lu + " % 8) // 4) * 2 + (" + wu + " % 8) // 4 + 1");
            }
            if (level.number() >= 5) {
                wrap(code, 10, "((" + lu + " % 4) // 2) * 2 + (" + wu + " % 4) // 2 + 1");
            }
            if (level.number() >= 6) {
                wrap(code, 10, "(" + lu + " % 2) * 2 + " + wu + " % 2 + 1");
            }
        }
        // floor(v) < 64000 ⇔ v < 64000, so the range test needs no integer conversion (same result as MeshCode.encode).
        return "(CASE WHEN (" + latExpr + ") >= 0 AND (" + lonExpr + ") >= 100 AND (" + latExpr + ") * 960 + CAST(1e-6 AS DOUBLE) < 64000"
                + " AND (" + lonExpr + ") * 640 + CAST(1e-6 AS DOUBLE) < 128000 THEN " + code + " END)";
    }

    private static void wrap(StringBuilder code, int factor, String digits) {
        code.insert(0, "(").append(" * ").append(factor).append(" + ").append(digits).append(")");
    }
}
