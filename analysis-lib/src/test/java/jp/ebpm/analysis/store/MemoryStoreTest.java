package jp.ebpm.analysis.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class MemoryStoreTest {

    @Test
    void spillingIsDisabled() {
        try (MemoryStore m = MemoryStore.open("64MB")) {
            assertEquals("", m.setting("temp_directory"));
        }
    }

    @Test
    void aQueryBeyondTheMemoryLimitFailsInsteadOfSpilling() throws SQLException {
        try (MemoryStore m = MemoryStore.open("32MB"); Connection c = m.connect(); Statement st = c.createStatement()) {
            // 3 M rows × ~100-byte strings ≈ 300 MB, ten times the limit: without a temp directory DuckDB must refuse
            assertThrows(SQLException.class, () -> st.execute(
                    "CREATE TABLE big AS SELECT range AS i, repeat('x', 100) || range AS s FROM range(3000000) ORDER BY s DESC"));
        }
    }

    @Test
    void appenderWritesRows() throws SQLException {
        try (MemoryStore m = MemoryStore.open(null); Connection c = m.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (a BIGINT, ts TIMESTAMP, s VARCHAR)");
            try (RowAppender app = m.appender(c, "t")) {
                app.beginRow().append(7L).appendEpochMicros(86_400_000_000L).append("x").endRow();
                app.beginRow().append(8L).appendEpochMicros(0L).append((String) null).endRow();
            }
            try (var rs = st.executeQuery("SELECT sum(a), max(CAST(ts AS VARCHAR)), count(s) FROM t")) {
                rs.next();
                assertEquals(15, rs.getLong(1)); // 7 + 8
                assertEquals("1970-01-02 00:00:00", rs.getString(2)); // 86,400 s after the epoch
                assertEquals(1, rs.getLong(3));
            }
        }
    }
}
