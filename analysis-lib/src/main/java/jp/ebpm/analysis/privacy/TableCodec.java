package jp.ebpm.analysis.privacy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.RowAppender;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The row format inside an encrypted table file (plaintext only ever exists in memory):
 *
 * <pre>
 * "WBTAB1" | column count (u16) | per column: name (UTF) type (UTF)
 * block*: row count (i32, 0 ends the table) | per row, per column: null flag (byte) | value
 * values: BIGINT/INTEGER/TIMESTAMP (µs since 1970, local time)/DATE (days) as i64,
 *         DOUBLE as IEEE-754 f64, BOOLEAN as a byte, VARCHAR as length (i32) + UTF-8 bytes
 * </pre>
 * Other DuckDB types are stored as VARCHAR.
 */
final class TableCodec {

    private static final String MAGIC = "WBTAB1";
    private static final int BLOCK = 4096;

    private TableCodec() {
    }

    static String storedType(String duckType) {
        String t = duckType.toUpperCase(java.util.Locale.ROOT);
        return switch (t) {
            case "BIGINT", "INTEGER", "SMALLINT", "TINYINT" -> "BIGINT";
            case "DOUBLE", "FLOAT", "REAL" -> "DOUBLE";
            case "TIMESTAMP", "DATE", "BOOLEAN", "VARCHAR" -> t;
            default -> "VARCHAR";
        };
    }

    /** Writes a table of the connection's database; returns the row count. */
    static long write(Connection c, String table, DataOutputStream out, Cancellation cancel) throws SQLException, IOException {
        List<ColumnInfo> cols = Catalog.describe(c, table);
        out.writeUTF(MAGIC);
        out.writeShort(cols.size());
        StringJoiner select = new StringJoiner(", ");
        String[] types = new String[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            ColumnInfo ci = cols.get(i);
            types[i] = storedType(ci.type());
            out.writeUTF(ci.name());
            out.writeUTF(types[i]);
            String id = Sql.ident(ci.name());
            select.add(switch (types[i]) {
                case "TIMESTAMP" -> "epoch_us(" + id + ")";
                case "DATE" -> "CAST(" + id + " - DATE '1970-01-01' AS BIGINT)";
                case "VARCHAR" -> "CAST(" + id + " AS VARCHAR)";
                default -> id;
            });
        }
        long rows = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + select + " FROM " + Sql.ident(table))) {
            int inBlock = 0;
            java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream(1 << 16);
            DataOutputStream b = new DataOutputStream(block);
            while (rs.next()) {
                for (int i = 0; i < types.length; i++) {
                    writeValue(rs, i + 1, types[i], b);
                }
                inBlock++;
                rows++;
                if (inBlock == BLOCK) {
                    flushBlock(out, block, inBlock);
                    inBlock = 0;
                    cancel.check();
                }
            }
            if (inBlock > 0) {
                flushBlock(out, block, inBlock);
            }
        }
        out.writeInt(0);
        return rows;
    }

    private static void flushBlock(DataOutputStream out, java.io.ByteArrayOutputStream block, int rows) throws IOException {
        out.writeInt(rows);
        block.writeTo(out);
        block.reset();
    }

    private static void writeValue(ResultSet rs, int i, String type, DataOutputStream b) throws SQLException, IOException {
        switch (type) {
            case "BIGINT", "TIMESTAMP", "DATE" -> {
                long v = rs.getLong(i);
                writeFlag(rs, b);
                b.writeLong(v);
            }
            case "DOUBLE" -> {
                double v = rs.getDouble(i);
                writeFlag(rs, b);
                b.writeDouble(v);
            }
            case "BOOLEAN" -> {
                boolean v = rs.getBoolean(i);
                writeFlag(rs, b);
                b.writeByte(v ? 1 : 0);
            }
            default -> {
                String s = rs.getString(i);
                if (s == null) {
                    b.writeByte(1);
                } else {
                    b.writeByte(0);
                    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                    b.writeInt(bytes.length);
                    b.write(bytes);
                }
            }
        }
    }

    private static void writeFlag(ResultSet rs, DataOutputStream b) throws SQLException, IOException {
        b.writeByte(rs.wasNull() ? 1 : 0);
    }

    /** Reads a table into a new table of the connection's database; returns the row count. */
    static long read(DataInputStream in, Connection c, String table, Cancellation cancel) throws SQLException, IOException {
        if (!MAGIC.equals(in.readUTF())) {
            throw new WorkbenchException("The private data file of " + table + " has an unknown format.");
        }
        int n = in.readUnsignedShort();
        List<ColumnInfo> cols = new ArrayList<>(n);
        StringJoiner ddl = new StringJoiner(", ");
        for (int i = 0; i < n; i++) {
            ColumnInfo ci = new ColumnInfo(in.readUTF(), in.readUTF());
            cols.add(ci);
            ddl.add(Sql.ident(ci.name()) + " " + ci.type());
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + Sql.ident(table) + " (" + ddl + ")");
        }
        long rows = 0;
        try (RowAppender app = RowAppender.open(c, table)) {
            int block;
            while ((block = in.readInt()) > 0) {
                for (int r = 0; r < block; r++) {
                    app.beginRow();
                    for (ColumnInfo ci : cols) {
                        readValue(in, ci.type(), app);
                    }
                    app.endRow();
                }
                rows += block;
                cancel.check();
            }
        }
        return rows;
    }

    private static void readValue(DataInputStream in, String type, RowAppender app) throws IOException, SQLException {
        boolean isNull = in.readByte() != 0;
        if (isNull) {
            if (!"VARCHAR".equals(type)) {
                skip(in, type);
            }
            app.appendNull();
            return;
        }
        switch (type) {
            case "BIGINT" -> app.append(in.readLong());
            case "TIMESTAMP" -> app.appendEpochMicros(in.readLong());
            case "DATE" -> app.appendEpochDays((int) in.readLong());
            case "DOUBLE" -> app.append(in.readDouble());
            case "BOOLEAN" -> app.append(in.readByte() != 0);
            default -> {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                app.append(new String(b, StandardCharsets.UTF_8));
            }
        }
    }

    private static void skip(DataInputStream in, String type) throws IOException {
        in.skipNBytes("BOOLEAN".equals(type) ? 1 : 8);
    }
}
