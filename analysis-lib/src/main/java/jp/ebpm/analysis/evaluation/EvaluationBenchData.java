package jp.ebpm.analysis.evaluation;

import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.store.Sql;

/**
 * Deterministic benchmark datasets that R can rebuild exactly (integer arithmetic below 2^53, so both sides get the
 * same doubles; {@code scripts/bench/evaluation_r_peer.R}):
 *
 * <ul>
 *   <li>regression: for i = 1 … n, x<sub>j</sub> = ((i·P<sub>j</sub>) mod M<sub>j</sub>) / M<sub>j</sub> (j = 1 … 10),
 *       e = ((i·48271) mod 65537)/65537 − 0.5, y = 1 + Σ 0.5·j·x<sub>j</sub> + e;</li>
 *   <li>panel: areas a = 1 … A, periods t = 1 … T; every third area treated from period 8 + (a mod 5);
 *       y = ((a·7919) mod 1009)/100 + 0.2·t + 1.5·d + ((a·T + t)·48271 mod 65537)/65537 − 0.5.</li>
 * </ul>
 *
 * @since 0.2
 */
public final class EvaluationBenchData {

    static final long[] P = {7919, 104729, 1299709, 15485863, 179424673, 7927, 104723, 1299689, 15485857, 179424691};
    static final long[] M = {10007, 10009, 10037, 10039, 10061, 10067, 10069, 10079, 10091, 10093};

    private EvaluationBenchData() {
    }

    /** The regression dataset (columns y, x1 … x10). */
    public static void regression(Project project, String name, long rows) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(Sql.ident(name)).append(" AS SELECT ");
        StringBuilder y = new StringBuilder("1.0");
        for (int j = 0; j < P.length; j++) {
            String x = "(((i * " + P[j] + ") % " + M[j] + ") / " + M[j] + ".0)";
            sql.append(x).append(" AS x").append(j + 1).append(", ");
            y.append(" + ").append(0.5 * (j + 1)).append(" * ").append(x);
        }
        y.append(" + (((i * 48271) % 65537) / 65537.0 - 0.5)");
        sql.append(y).append(" AS y FROM range(1, ").append(rows + 1).append(") t(i)");
        create(project, name, sql.toString());
    }

    /** The panel dataset (columns area, period, d, y). */
    public static void panel(Project project, String name, int areas, int periods) {
        String sql = "CREATE TABLE " + Sql.ident(name) + " AS SELECT 'A' || lpad(a::VARCHAR, 5, '0') AS area, t AS period,"
                + " CASE WHEN a % 3 = 0 AND t >= 8 + (a % 5) THEN 1 ELSE 0 END AS d,"
                + " ((a * 7919) % 1009) / 100.0 + 0.2 * t + 1.5 * (CASE WHEN a % 3 = 0 AND t >= 8 + (a % 5) THEN 1 ELSE 0 END)"
                + " + ((((a * " + periods + " + t) * 48271) % 65537) / 65537.0 - 0.5) AS y"
                + " FROM range(1, " + (areas + 1) + ") r(a), range(1, " + (periods + 1) + ") s(t)";
        create(project, name, sql);
    }

    private static void create(Project project, String name, String sql) {
        project.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
            project.catalog().register(c, new DatasetInfo(name, DatasetKind.TABLE, null, null, Instant.now(),
                    Catalog.countRows(c, name), Catalog.describe(c, name), null, "", Sensitivity.INTERNAL,
                    "synthetic benchmark data", Map.of("synthetic", "true")));
            return null;
        });
    }
}
