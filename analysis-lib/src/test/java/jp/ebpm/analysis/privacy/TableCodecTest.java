package jp.ebpm.analysis.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.crypto.DataKey;
import jp.ebpm.analysis.privacy.crypto.EncryptedFiles;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.MemoryStore;
import jp.ebpm.analysis.task.Cancellation;

/** Round trips of private tables through the table format and the encrypted file format. */
class TableCodecTest {

    private MemoryStore memory;
    private Connection c;

    @BeforeEach
    void open() {
        memory = MemoryStore.open(null);
        c = memory.connect();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        memory.close();
    }

    private void sql(String s) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(s);
        }
    }

    private List<List<String>> rows(String query) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private long count(String query) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Writes {@code from} encrypted into memory and reads it back as {@code to}; returns the rows read. */
    private long roundTrip(String from, String to, DataKey key) throws SQLException, IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        long written;
        try (DataOutputStream out = new DataOutputStream(EncryptedFiles.encrypt(file, key, "test " + from))) {
            written = TableCodec.write(c, from, out, Cancellation.none());
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                EncryptedFiles.decrypt(new ByteArrayInputStream(file.toByteArray()), key, "test " + from)))) {
            long read = TableCodec.read(in, c, to, Cancellation.none());
            assertEquals(written, read);
            assertEquals(-1, in.read(), "nothing after the end of the table");
            return read;
        }
    }

    @Test
    void everyColumnTypeAndNullsRoundTrip() throws Exception {
        sql("CREATE TABLE t (k INTEGER, b BIGINT, i INTEGER, s SMALLINT, ti TINYINT, d DOUBLE, f FLOAT, "
                + "ts TIMESTAMP, dt DATE, bo BOOLEAN, v VARCHAR, dec DECIMAL(10,2), tm TIME)");
        sql("INSERT INTO t VALUES "
                + "(1, 9223372036854775807, 2147483647, 32767, 127, 3.141592653589793, 1.5, "
                + "TIMESTAMP '2026-11-27 05:07:08.123456', DATE '2026-11-27', true, '川崎区 幸区', 12345678.90, TIME '23:59:59'),"
                + "(2, -9223372036854775808, -2147483648, -32768, -128, CAST('-0.0' AS DOUBLE), -2.25, "
                + "TIMESTAMP '1969-12-31 23:59:59.999999', DATE '1900-01-01', false, '', -0.01, TIME '00:00:00'),"
                + "(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                + "(4, 0, 0, 0, 0, 1e308, 0, TIMESTAMP '2000-02-29 12:00:00', DATE '2000-02-29', NULL, '髙～①😀', NULL, NULL)");
        assertEquals(4, roundTrip("t", "back", DataKey.random()));

        List<ColumnInfo> types = Catalog.describe(c, "back");
        assertEquals(List.of("BIGINT", "BIGINT", "BIGINT", "BIGINT", "BIGINT", "DOUBLE", "DOUBLE", "TIMESTAMP", "DATE",
                "BOOLEAN", "VARCHAR", "VARCHAR", "VARCHAR"), types.stream().map(ColumnInfo::type).toList());
        String stored = "CAST(k AS BIGINT), CAST(b AS BIGINT), CAST(i AS BIGINT), CAST(s AS BIGINT), CAST(ti AS BIGINT), "
                + "CAST(d AS DOUBLE), CAST(f AS DOUBLE), ts, dt, bo, v, CAST(dec AS VARCHAR), CAST(tm AS VARCHAR)";
        assertEquals(rows("SELECT " + stored + " FROM t ORDER BY k"), rows("SELECT * FROM back ORDER BY k"));
        // spot checks of the values themselves (not only "same as before")
        assertEquals(List.of("2", "-9223372036854775808", "1969-12-31 23:59:59.999999", "", "-0.01"),
                rows("SELECT k, b, ts, v, dec FROM back WHERE k = 2").get(0));
        assertEquals(1, count("SELECT count(*) FROM back WHERE k = 3 AND b IS NULL AND d IS NULL AND ts IS NULL "
                + "AND dt IS NULL AND bo IS NULL AND v IS NULL AND dec IS NULL AND tm IS NULL"));
        assertEquals(1, count("SELECT count(*) FROM back WHERE v = '' AND k = 2"), "empty string is not NULL");
        assertEquals(1, count("SELECT count(*) FROM back WHERE d = 0 AND signbit(d) AND k = 2"), "-0.0 kept");
    }

    @Test
    void anEmptyTableKeepsItsColumns() throws Exception {
        sql("CREATE TABLE empty (id BIGINT, name VARCHAR, seen_at TIMESTAMP)");
        assertEquals(0, roundTrip("empty", "back", DataKey.random()));
        assertEquals(List.of(new ColumnInfo("id", "BIGINT"), new ColumnInfo("name", "VARCHAR"),
                new ColumnInfo("seen_at", "TIMESTAMP")), Catalog.describe(c, "back"));
        assertEquals(0, count("SELECT count(*) FROM back"));
    }

    @Test
    void manyBlocksAndChunksWithDictionaryAndPlainStrings() throws Exception {
        long n = 3L * TableCodec.BLOCK + 123;
        // sex: 3 values (dictionary); id: unique per row (a block starts as a dictionary and falls back to
        // plain); ward: NULL every 7th row; flag, day and time of every type; NULLs in every column
        sql("CREATE TABLE big AS SELECT range AS n, "
                + "CASE WHEN range % 11 = 0 THEN NULL ELSE ['F', 'M', 'X'][range % 3 + 1] END AS sex, "
                + "'device-' || (range * 7919) AS id, "
                + "CASE WHEN range % 7 = 0 THEN NULL ELSE '区' || (range % 300) END AS ward, "
                + "CASE WHEN range % 13 = 0 THEN NULL ELSE range * 0.25 END AS x, "
                + "CASE WHEN range % 17 = 0 THEN NULL ELSE range % 2 = 0 END AS flag, "
                + "CASE WHEN range % 19 = 0 THEN NULL ELSE DATE '2026-01-01' + CAST(range % 400 AS INTEGER) END AS day, "
                + "CASE WHEN range % 23 = 0 THEN NULL ELSE TIMESTAMP '2026-11-01' + to_microseconds(range * 1000003) END AS at "
                + "FROM range(" + n + ")");
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(plain)) {
            TableCodec.write(c, "big", out, Cancellation.none());
        }
        assertTrue(plain.size() > 20 * (1 << 14), "the table spans many encrypted chunks: " + plain.size());
        // ward (300 values over ~42,000 rows) is stored once in the column's dictionary, id (unique) once per row
        String text = new String(plain.toByteArray(), StandardCharsets.ISO_8859_1);
        assertEquals(1, occurrences(text, new String("区299".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)));
        assertEquals(n, occurrences(text, "device-"));
        assertEquals(0, count("SELECT count(*) FROM duckdb_types() WHERE type_name LIKE 'wb_dictionary%'"),
                "the ENUM types made for the dictionaries are dropped");

        assertEquals(n, roundTrip("big", "back", DataKey.random()));
        assertEquals(0, count("SELECT count(*) FROM (SELECT * FROM big EXCEPT ALL SELECT * FROM back)"));
        assertEquals(0, count("SELECT count(*) FROM (SELECT * FROM back EXCEPT ALL SELECT * FROM big)"));
        assertEquals(n, count("SELECT count(*) FROM back"));
        // NULL counts by hand: multiples of 11 / 7 in [0, n)
        assertEquals((n + 10) / 11, count("SELECT count(*) FROM back WHERE sex IS NULL"));
        assertEquals((n + 6) / 7, count("SELECT count(*) FROM back WHERE ward IS NULL"));
        assertEquals(n, count("SELECT count(DISTINCT id) FROM back"));
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void version1FilesAreStillRead() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeUTF("WBTAB1");
            out.writeShort(3);
            out.writeUTF("id");
            out.writeUTF("BIGINT");
            out.writeUTF("name");
            out.writeUTF("VARCHAR");
            out.writeUTF("at");
            out.writeUTF("TIMESTAMP");
            out.writeInt(2);
            // row 1: 7, '川崎', 1970-01-01 00:00:01
            out.writeByte(0);
            out.writeLong(7);
            byte[] name = "川崎".getBytes(StandardCharsets.UTF_8);
            out.writeByte(0);
            out.writeInt(name.length);
            out.write(name);
            out.writeByte(0);
            out.writeLong(1_000_000);
            // row 2: NULL, NULL, NULL
            out.writeByte(1);
            out.writeLong(0);
            out.writeByte(1);
            out.writeByte(1);
            out.writeLong(0);
            out.writeInt(0);
        }
        long read = TableCodec.read(new DataInputStream(new ByteArrayInputStream(b.toByteArray())), c, "old",
                Cancellation.none());
        assertEquals(2, read);
        assertEquals(List.of(List.of("7", "川崎", "1970-01-01 00:00:01.0"), java.util.Arrays.asList(null, null, null)),
                rows("SELECT * FROM old ORDER BY id NULLS LAST"));
    }

    @Test
    void anUnknownVersionIsRejectedWithItsNumber() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeUTF("WBTAB9");
            out.writeShort(0);
        }
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> TableCodec.read(
                new DataInputStream(new ByteArrayInputStream(b.toByteArray())), c, "future", Cancellation.none()));
        assertTrue(e.getMessage().contains("future") && e.getMessage().contains("version 9"), e.getMessage());
    }
}
