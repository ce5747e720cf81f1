package jp.ebpm.analysis.gis.overlay;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.ScratchDatabase;
import jp.ebpm.analysis.store.Sql;

/**
 * The points file of the overlay benchmark ({@code workbench bench overlay-data}): {@code id, lat, lon} in JGD2011
 * degrees with 6 decimals, uniform over the Kawasaki extent 139.44–139.80 E, 35.46–35.66 N, computed from a hash of the
 * row number so that the file is the same on every machine. Written by DuckDB.
 *
 * @since 0.1
 */
public final class OverlayBenchData {

    private OverlayBenchData() {
    }

    /** Writes {@code n} points to a CSV file with a header. */
    public static void writePoints(Path csv, long n) {
        try (Connection c = ScratchDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT i AS id, round(35.46 + (hash(i) % 1000000007) / 1000000007.0 * 0.20, 6) AS lat, "
                    + "round(139.44 + (hash(i + " + n + ") % 1000000007) / 1000000007.0 * 0.36, 6) AS lon "
                    + "FROM range(" + n + ") t(i) ORDER BY i) TO " + Sql.literal(csv.toAbsolutePath().toString())
                    + " (FORMAT csv, HEADER)");
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot write the benchmark points: " + e.getMessage(), e);
        }
    }
}
