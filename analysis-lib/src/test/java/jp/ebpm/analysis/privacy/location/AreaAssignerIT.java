package jp.ebpm.analysis.privacy.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.RowAppender;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Area assignment of pings equals a brute-force test of every ward in key order (JTS SimplePointInAreaLocator, a
 * ping on a shared edge or vertex goes to the smallest key), on random pings over Kawasaki plus every ward vertex and
 * edge midpoint, and pings without coordinates.
 */
class AreaAssignerIT {

    @Test
    void everyPingGetsTheAreaOfTheBruteForceTest(@TempDir Path dir) throws SQLException {
        AreaLayer wards = AreaLayer.bundledWards();
        List<double[]> pts = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 50_000; i++) {
            pts.add(new double[] {139.44 + r.nextDouble() * 0.36, 35.46 + r.nextDouble() * 0.22});
        }
        for (AreaLayer.Area a : wards.areas()) {
            Coordinate[] cs = a.geometry().getCoordinates();
            for (int i = 0; i < cs.length; i++) {
                pts.add(new double[] {cs[i].x, cs[i].y});
                if (i + 1 < cs.length) {
                    pts.add(new double[] {(cs[i].x + cs[i + 1].x) / 2, (cs[i].y + cs[i + 1].y) / 2});
                }
            }
        }
        pts.add(new double[] {Double.NaN, Double.NaN});
        char[] pass = "test passphrase".toCharArray();
        Map<Long, String> expected = new HashMap<>();
        try (Project p = Project.create(dir.resolve("p")); UnlockedVault v = UnlockedVault.openOrCreate(p, pass)) {
            try (Connection c = v.memory().connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE staging (pid BIGINT, ts TIMESTAMP, lat DOUBLE, lon DOUBLE)");
                try (RowAppender app = RowAppender.open(c, "staging")) {
                    for (int i = 0; i < pts.size(); i++) {
                        double[] xy = pts.get(i);
                        long micros = 1_600_000_000_000_000L + i * 1_000_000L;
                        app.beginRow().append(7L).appendEpochMicros(micros);
                        if (Double.isNaN(xy[0])) {
                            app.appendNull().appendNull();
                        } else {
                            app.append(xy[1]).append(xy[0]);
                        }
                        app.endRow();
                        expected.put(micros, bruteForce(wards, xy));
                    }
                }
            }
            v.savePrivate("staging", new DatasetInfo("pings", DatasetKind.LOCATION, null, null, Instant.now(), 0, List.of(), null,
                    "", Sensitivity.PRIVATE, "test", Map.of("location_kind", "pings")), Cancellation.none());
            String table = AreaAssigner.assign(v, "pings", wards, Cancellation.none());
            assertEquals(table, AreaAssigner.assign(v, "pings", wards, Cancellation.none()), "cached per session");
            int n = 0;
            try (Connection c = v.memory().connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT epoch_us(ts), CAST(area AS VARCHAR) FROM " + table)) {
                while (rs.next()) {
                    assertEquals(expected.get(rs.getLong(1)), rs.getString(2), "ping " + rs.getLong(1));
                    n++;
                }
            }
            assertEquals(pts.size(), n);
            assertTrue(expected.values().stream().filter(java.util.Objects::isNull).count() > 1000, "pings outside Kawasaki exist");
        }
    }

    private static String bruteForce(AreaLayer layer, double[] xy) {
        if (Double.isNaN(xy[0])) {
            return null;
        }
        for (AreaLayer.Area a : layer.areas()) {
            if (SimplePointInAreaLocator.locate(new Coordinate(xy[0], xy[1]), a.geometry()) != Location.EXTERIOR) {
                return a.key();
            }
        }
        return null;
    }
}
