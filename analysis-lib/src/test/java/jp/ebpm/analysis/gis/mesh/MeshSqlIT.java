package jp.ebpm.analysis.gis.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.ebpm.analysis.store.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshSqlIT {

    @TempDir
    Path dir;

    @Test
    void sqlAndJavaAgreeOnRandomAndBoundaryPoints() throws Exception {
        Random rnd = new Random(4);
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            pts.add(new double[] {20 + rnd.nextDouble() * 26, 122 + rnd.nextDouble() * 32});
        }
        // Boundary points: corners of random 1/8 cells, written as decimals (e.g. 34.65, 133.9125).
        for (int i = 0; i < 5000; i++) {
            long lu = 19200 + rnd.nextInt(25000);
            long wu = 14080 + rnd.nextInt(20000);
            double lat = Double.parseDouble(new java.math.BigDecimal(lu).divide(new java.math.BigDecimal(960), 12, java.math.RoundingMode.HALF_EVEN).toPlainString());
            double lon = Double.parseDouble(new java.math.BigDecimal(wu + 64000).divide(new java.math.BigDecimal(640), 12, java.math.RoundingMode.HALF_EVEN).toPlainString());
            pts.add(new double[] {lat, lon});
        }
        pts.add(new double[] {34.65, 133.9125});
        pts.add(new double[] {35.7, 139.7125});
        try (Project p = Project.create(dir.resolve("p")); Connection c = p.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE pts(id INTEGER, lat DOUBLE, lon DOUBLE)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pts VALUES (?, ?, ?)")) {
                for (int i = 0; i < pts.size(); i++) {
                    ps.setInt(1, i);
                    ps.setDouble(2, pts.get(i)[0]);
                    ps.setDouble(3, pts.get(i)[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (MeshLevel level : MeshLevel.values()) {
                String sql = "SELECT id, " + MeshSql.encodeExpression("lat", "lon", level) + " FROM pts ORDER BY id";
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        double[] pt = pts.get(rs.getInt(1));
                        assertEquals(MeshCode.encode(pt[0], pt[1], level), rs.getLong(2),
                                level + " at " + pt[0] + "," + pt[1]);
                    }
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + MeshSql.encodeExpressionOf("CAST(NULL AS DOUBLE)", "139.0", MeshLevel.THIRD)
                         + ", " + MeshSql.encodeExpressionOf("35.0", "99.0", MeshLevel.THIRD))) {
                rs.next();
                assertNull(rs.getObject(1));
                assertNull(rs.getObject(2));
            }
        }
    }
}
