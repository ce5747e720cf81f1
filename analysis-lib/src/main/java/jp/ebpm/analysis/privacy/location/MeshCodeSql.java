package jp.ebpm.analysis.privacy.location;

import jp.ebpm.analysis.gis.mesh.MeshLevel;
import jp.ebpm.analysis.gis.mesh.MeshSql;

/**
 * JIS X 0410 mesh codes of ping coordinates as plain DuckDB SQL, for the location aggregates: the 3rd mesh
 * (基準地域メッシュ, about 1 km) and the 4th (2分の1地域メッシュ, about 500 m). Both delegate to the GIS
 * implementation {@link MeshSql}, so location tables and map layers use one definition (a point on a cell's
 * south or west edge belongs to that cell).
 */
public final class MeshCodeSql {

    private MeshCodeSql() {
    }

    /** SQL expression (BIGINT) of the 3rd mesh code of two DOUBLE columns/expressions. */
    public static String level3Number(String lat, String lon) {
        return MeshSql.encodeExpressionOf("CAST(" + lat + " AS DOUBLE)", "CAST(" + lon + " AS DOUBLE)", MeshLevel.THIRD);
    }

    /** SQL expression (BIGINT) of the 4th (half) mesh code. */
    public static String level4Number(String lat, String lon) {
        return MeshSql.encodeExpressionOf("CAST(" + lat + " AS DOUBLE)", "CAST(" + lon + " AS DOUBLE)", MeshLevel.HALF);
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
