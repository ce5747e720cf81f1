package jp.ebpm.analysis.privacy.location;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.crypto.Pseudonymizer;
import jp.ebpm.analysis.store.RowAppender;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Loads synthetic pings straight into an unlocked vault's in-memory database, pseudonymised exactly as an
 * import would, without writing any file: used by benchmarks of the aggregation path at 10,000,000+ rows.
 *
 * @since 0.1
 */
public final class SyntheticPingLoader {

    private SyntheticPingLoader() {
    }

    /**
     * Creates {@code table} in the vault's memory store with the ping columns of an import
     * ({@code pid, ts, lat, lon, accuracy, age_band, sex}) and fills it with {@code rows} synthetic pings.
     */
    public static void load(UnlockedVault vault, String table, long rows, long seed, Cancellation cancel) {
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + jp.ebpm.analysis.store.Sql.ident(table) + " (pid BIGINT, ts TIMESTAMP, lat DOUBLE,"
                    + " lon DOUBLE, accuracy DOUBLE, age_band VARCHAR, sex VARCHAR)");
            Pseudonymizer pz = vault.pseudonymizer();
            Map<String, Long> memo = new HashMap<>();
            try (RowAppender app = RowAppender.open(c, table)) {
                new SyntheticPings().generate(rows, seed, cancel, (id, micros, lat, lon, acc, age, sex) -> {
                    try {
                        long pid = memo.computeIfAbsent(id, pz::pseudonym);
                        app.beginRow().append(pid).appendEpochMicros(micros).append(lat).append(lon)
                                .append((double) acc).append(age).append(sex).endRow();
                    } catch (SQLException e) {
                        throw new IOException(e);
                    }
                });
            }
        } catch (SQLException | IOException e) {
            throw new WorkbenchException("Cannot generate synthetic pings: " + e.getMessage(), e);
        }
    }
}
