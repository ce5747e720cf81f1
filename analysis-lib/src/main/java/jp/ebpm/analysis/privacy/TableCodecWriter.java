package jp.ebpm.analysis.privacy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/** Writing the table format of {@link TableCodec} (version 2): column blocks from a DuckDB table. */
final class TableCodecWriter {

    private TableCodecWriter() {
    }

    /** Writes a table of the connection's database; returns the row count. */
    static long write(Connection c, String table, DataOutputStream out, Cancellation cancel) throws SQLException, IOException {
        List<ColumnInfo> cols = Catalog.describe(c, table);
        out.writeUTF(TableCodec.MAGIC);
        out.writeShort(cols.size());
        StringJoiner select = new StringJoiner(", ");
        Column[] columns = new Column[cols.size()];
        List<String> enums = new ArrayList<>();
        long rows = 0;
        Encoder enc = new Encoder();
        try (Statement st = c.createStatement()) {
            for (int i = 0; i < cols.size(); i++) {
                ColumnInfo ci = cols.get(i);
                String type = TableCodec.storedType(ci.type());
                out.writeUTF(ci.name());
                out.writeUTF(type);
                String id = Sql.ident(ci.name());
                String value = switch (type) {
                    case "TIMESTAMP" -> "epoch_us(" + id + ")";
                    case "DATE" -> "CAST(" + id + " - DATE '1970-01-01' AS BIGINT)";
                    case "VARCHAR" -> "CAST(" + id + " AS VARCHAR)";
                    default -> id;
                };
                if ("VARCHAR".equals(type)) {
                    String[] dictionary = dictionary(st, table, value, enums);
                    if (dictionary == null) {
                        out.writeByte(0);
                        columns[i] = new StringColumn();
                    } else {
                        String enumType = enums.get(enums.size() - 1);
                        out.writeByte(1);
                        out.writeInt(dictionary.length);
                        for (String e : dictionary) {
                            byte[] b = e.getBytes(StandardCharsets.UTF_8);
                            out.writeInt(b.length);
                            out.write(b);
                        }
                        columns[i] = new CodeColumn(dictionary.length);
                        value = "CAST(enum_code(CAST(" + value + " AS " + enumType + ")) AS INTEGER)";
                    }
                } else {
                    columns[i] = Column.of(type);
                }
                select.add(value);
            }
            rows = writeRows(st, table, select.toString(), out, enc, columns, cancel);
        } finally {
            for (Column col : columns) {
                if (col != null) {
                    col.clear();
                }
            }
            enc.clear();
            dropTypes(c, enums);
        }
        out.writeInt(0);
        return rows;
    }

    /**
     * The distinct values of a string column in code order when it is worth a dictionary (a new ENUM type,
     * added to {@code enums}, gives the codes), else {@code null}.
     */
    private static String[] dictionary(Statement st, String table, String value, List<String> enums) throws SQLException {
        long distinct;
        long values;
        try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT " + value + "), count(" + value + ") FROM "
                + Sql.ident(table))) {
            rs.next();
            distinct = rs.getLong(1);
            values = rs.getLong(2);
        }
        if (distinct == 0 || distinct > TableCodec.MAX_DICTIONARY || distinct * 4 > values) {
            return null;
        }
        String type = Sql.ident("wb_dictionary_" + Long.toHexString(System.nanoTime()) + "_" + enums.size());
        st.execute("CREATE TYPE " + type + " AS ENUM (SELECT DISTINCT " + value + " FROM " + Sql.ident(table)
                + " WHERE " + value + " IS NOT NULL)");
        enums.add(type);
        List<String> entries = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT unnest(enum_range(NULL::" + type + "))")) {
            while (rs.next()) {
                entries.add(rs.getString(1));
            }
        }
        return entries.toArray(new String[0]);
    }

    private static void dropTypes(Connection c, List<String> enums) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String type : enums) {
                st.execute("DROP TYPE IF EXISTS " + type);
            }
        }
    }

    private static long writeRows(Statement st, String table, String select, DataOutputStream out, Encoder enc,
                                  Column[] columns, Cancellation cancel) throws SQLException, IOException {
        long rows = 0;
        try (ResultSet rs = st.executeQuery("SELECT " + select + " FROM " + Sql.ident(table))) {
            int n = 0;
            while (rs.next()) {
                for (int i = 0; i < columns.length; i++) {
                    columns[i].take(rs, i + 1, n);
                }
                n++;
                if (n == TableCodec.BLOCK) {
                    writeBlock(out, enc, columns, n);
                    rows += n;
                    n = 0;
                    cancel.check();
                }
            }
            if (n > 0) {
                writeBlock(out, enc, columns, n);
                rows += n;
            }
        }
        return rows;
    }

    private static void writeBlock(DataOutputStream out, Encoder enc, Column[] columns, int n) throws IOException {
        enc.reset();
        enc.putInt(n);
        for (Column col : columns) {
            col.encode(enc, n);
        }
        enc.writeTo(out);
    }

    /** A growable little-endian buffer for one block. */
    private static final class Encoder {
        private ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

        void reset() {
            buf.clear();
        }

        ByteBuffer room(int bytes) {
            if (buf.remaining() < bytes) {
                int size = Math.max(buf.capacity() * 2, buf.position() + bytes);
                ByteBuffer bigger = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                bigger.put(buf);
                Arrays.fill(buf.array(), (byte) 0);
                buf = bigger;
            }
            return buf;
        }

        void put(byte b) {
            room(1).put(b);
        }

        void putInt(int v) {
            room(4).putInt(v);
        }

        void writeTo(DataOutputStream out) throws IOException {
            out.write(buf.array(), 0, buf.position());
        }

        void clear() {
            Arrays.fill(buf.array(), (byte) 0);
        }
    }

    /** The values of one column for the block being written. */
    private abstract static class Column {
        final boolean[] nulls = new boolean[TableCodec.BLOCK];
        boolean anyNull;

        static Column of(String type) {
            return switch (type) {
                case "BIGINT", "TIMESTAMP", "DATE" -> new LongColumn();
                case "DOUBLE" -> new DoubleColumn();
                case "BOOLEAN" -> new BooleanColumn();
                default -> new StringColumn();
            };
        }

        abstract void take(ResultSet rs, int column, int row) throws SQLException;

        abstract void encodeValues(Encoder enc, int n);

        void encode(Encoder enc, int n) {
            if (!anyNull) {
                enc.put((byte) 0);
            } else {
                enc.put((byte) 1);
                ByteBuffer b = enc.room((n + 7) / 8);
                for (int i = 0; i < n; i += 8) {
                    int bits = 0;
                    for (int j = 0; j < 8 && i + j < n; j++) {
                        if (nulls[i + j]) {
                            bits |= 1 << j;
                        }
                    }
                    b.put((byte) bits);
                }
            }
            encodeValues(enc, n);
            if (anyNull) {
                Arrays.fill(nulls, 0, n, false);
                anyNull = false;
            }
        }

        void setNull(int row, boolean isNull) {
            if (isNull) {
                nulls[row] = true;
                anyNull = true;
            }
        }

        /** Overwrites the values kept in memory. */
        abstract void clear();
    }

    private static final class LongColumn extends Column {
        private final long[] values = new long[TableCodec.BLOCK];

        @Override
        void take(ResultSet rs, int column, int row) throws SQLException {
            values[row] = rs.getLong(column);
            setNull(row, rs.wasNull());
        }

        @Override
        void encodeValues(Encoder enc, int n) {
            enc.room(n * 8).asLongBuffer().put(values, 0, n);
            ByteBuffer b = enc.room(0);
            b.position(b.position() + n * 8);
        }

        @Override
        void clear() {
            Arrays.fill(values, 0);
        }
    }

    private static final class DoubleColumn extends Column {
        private final double[] values = new double[TableCodec.BLOCK];

        @Override
        void take(ResultSet rs, int column, int row) throws SQLException {
            values[row] = rs.getDouble(column);
            setNull(row, rs.wasNull());
        }

        @Override
        void encodeValues(Encoder enc, int n) {
            enc.room(n * 8).asDoubleBuffer().put(values, 0, n);
            ByteBuffer b = enc.room(0);
            b.position(b.position() + n * 8);
        }

        @Override
        void clear() {
            Arrays.fill(values, 0);
        }
    }

    private static final class BooleanColumn extends Column {
        private final byte[] values = new byte[TableCodec.BLOCK];

        @Override
        void take(ResultSet rs, int column, int row) throws SQLException {
            values[row] = (byte) (rs.getBoolean(column) ? 1 : 0);
            setNull(row, rs.wasNull());
        }

        @Override
        void encodeValues(Encoder enc, int n) {
            enc.room(n).put(values, 0, n);
        }

        @Override
        void clear() {
            Arrays.fill(values, (byte) 0);
        }
    }

    /** Strings stored as they are. */
    private static final class StringColumn extends Column {
        private final String[] values = new String[TableCodec.BLOCK];

        @Override
        void take(ResultSet rs, int column, int row) throws SQLException {
            String s = rs.getString(column);
            values[row] = s;
            setNull(row, s == null);
        }

        @Override
        void encodeValues(Encoder enc, int n) {
            byte[][] bytes = new byte[n][];
            int total = 0;
            for (int i = 0; i < n; i++) {
                bytes[i] = values[i] == null ? EMPTY : values[i].getBytes(StandardCharsets.UTF_8);
                total += bytes[i].length;
            }
            ByteBuffer b = enc.room(n * 4 + 4 + total);
            for (int i = 0; i < n; i++) {
                b.putInt(bytes[i].length);
            }
            b.putInt(total);
            for (int i = 0; i < n; i++) {
                b.put(bytes[i]);
            }
            Arrays.fill(values, 0, n, null);
        }

        @Override
        void clear() {
            Arrays.fill(values, null);
        }
    }

    /** Strings stored as their index in the column's dictionary (computed by DuckDB). */
    private static final class CodeColumn extends Column {
        private final int[] codes = new int[TableCodec.BLOCK];
        private final int width;

        CodeColumn(int entries) {
            this.width = TableCodec.codeWidth(entries);
        }

        @Override
        void take(ResultSet rs, int column, int row) throws SQLException {
            codes[row] = rs.getInt(column);
            setNull(row, rs.wasNull());
        }

        @Override
        void encodeValues(Encoder enc, int n) {
            ByteBuffer b = enc.room(n * width);
            for (int i = 0; i < n; i++) {
                if (width == 1) {
                    b.put((byte) codes[i]);
                } else {
                    b.putShort((short) codes[i]);
                }
            }
        }

        @Override
        void clear() {
            Arrays.fill(codes, 0);
        }
    }


    private static final byte[] EMPTY = new byte[0];
}
