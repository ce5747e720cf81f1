package jp.ebpm.analysis.privacy;

import java.io.DataInputStream;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.RowAppender;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The table format inside an encrypted table file (plaintext only ever exists in memory). Version 2,
 * column by column in blocks of up to {@value #BLOCK} rows:
 *
 * <pre>
 * "WBTAB2" | column count (u16) | per column: name (UTF) type (UTF)       (DataOutput encoding)
 * block*:  row count (i32, 0 ends the table) | per column, in order:
 *          nulls: 0 = none, 1 = a bitmap of ceil(rows / 8) bytes follows (bit set = NULL)
 *          values for every row (a NULL row holds 0), little-endian:
 *            BIGINT, TIMESTAMP (µs since 1970, local time), DATE (days): i64 each
 *            DOUBLE: IEEE-754 f64 each;  BOOLEAN: one byte each
 *            VARCHAR: 0 = plain: byte lengths (i32 each) | total bytes (i32) | UTF-8 bytes
 *                     1 = dictionary: entries (i32) | their byte lengths (i32 each) | total bytes (i32)
 *                         | UTF-8 bytes | index width w (1, 2 or 4) | one w-byte index per row
 * </pre>
 * Other DuckDB types are stored as VARCHAR. Version 1 files ("WBTAB1", row by row with DataOutput
 * encoding) are still read.
 */
final class TableCodec {

    private static final String MAGIC_V1 = "WBTAB1";
    private static final String MAGIC = "WBTAB2";
    /** Rows per block. */
    static final int BLOCK = 16_384;
    private static final int V1_BLOCK = 4096;
    /** A block's strings are dictionary-encoded while they have at most this many distinct values. */
    private static final int MAX_DICTIONARY = BLOCK / 4;

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

    // ---------------------------------------------------------------- writing

    /** Writes a table of the connection's database; returns the row count. */
    static long write(Connection c, String table, DataOutputStream out, Cancellation cancel) throws SQLException, IOException {
        List<ColumnInfo> cols = Catalog.describe(c, table);
        out.writeUTF(MAGIC);
        out.writeShort(cols.size());
        StringJoiner select = new StringJoiner(", ");
        Column[] columns = new Column[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            ColumnInfo ci = cols.get(i);
            String type = storedType(ci.type());
            columns[i] = Column.of(type);
            out.writeUTF(ci.name());
            out.writeUTF(type);
            String id = Sql.ident(ci.name());
            select.add(switch (type) {
                case "TIMESTAMP" -> "epoch_us(" + id + ")";
                case "DATE" -> "CAST(" + id + " - DATE '1970-01-01' AS BIGINT)";
                case "VARCHAR" -> "CAST(" + id + " AS VARCHAR)";
                default -> id;
            });
        }
        long rows = 0;
        Encoder enc = new Encoder();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + select + " FROM " + Sql.ident(table))) {
            int n = 0;
            while (rs.next()) {
                for (int i = 0; i < columns.length; i++) {
                    columns[i].take(rs, i + 1, n);
                }
                n++;
                if (n == BLOCK) {
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
        } finally {
            for (Column col : columns) {
                col.clear();
            }
            enc.clear();
        }
        out.writeInt(0);
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
        final boolean[] nulls = new boolean[BLOCK];
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
        private final long[] values = new long[BLOCK];

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
        private final double[] values = new double[BLOCK];

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
        private final byte[] values = new byte[BLOCK];

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

    private static final class StringColumn extends Column {
        private final String[] values = new String[BLOCK];
        /** Dictionary index per row while the block's strings fit the dictionary, else unused. */
        private final int[] codes = new int[BLOCK];
        private final Map<String, Integer> dictionary = new HashMap<>();
        private final List<String> entries = new ArrayList<>();
        private boolean plain;

        @Override
        void take(ResultSet rs, int column, int row) throws SQLException {
            String s = rs.getString(column);
            values[row] = s;
            if (s == null) {
                setNull(row, true);
            } else if (!plain) {
                Integer code = dictionary.get(s);
                if (code == null) {
                    if (entries.size() == MAX_DICTIONARY) {
                        plain = true;
                        return;
                    }
                    code = entries.size();
                    dictionary.put(s, code);
                    entries.add(s);
                }
                codes[row] = code;
            }
        }

        @Override
        void encodeValues(Encoder enc, int n) {
            if (plain) {
                enc.put((byte) 0);
                byte[][] bytes = new byte[n][];
                int total = 0;
                for (int i = 0; i < n; i++) {
                    bytes[i] = values[i] == null ? EMPTY : values[i].getBytes(StandardCharsets.UTF_8);
                    total += bytes[i].length;
                }
                putStrings(enc, bytes, n, total);
            } else {
                enc.put((byte) 1);
                int d = entries.size();
                enc.putInt(d);
                byte[][] bytes = new byte[d][];
                int total = 0;
                for (int i = 0; i < d; i++) {
                    bytes[i] = entries.get(i).getBytes(StandardCharsets.UTF_8);
                    total += bytes[i].length;
                }
                putStrings(enc, bytes, d, total);
                int width = d <= 0x100 ? 1 : d <= 0x10000 ? 2 : 4;
                enc.put((byte) width);
                ByteBuffer b = enc.room(n * width);
                for (int i = 0; i < n; i++) {
                    int code = values[i] == null ? 0 : codes[i];
                    switch (width) {
                        case 1 -> b.put((byte) code);
                        case 2 -> b.putShort((short) code);
                        default -> b.putInt(code);
                    }
                }
            }
            Arrays.fill(values, 0, n, null);
            dictionary.clear();
            entries.clear();
            plain = false;
        }

        private static void putStrings(Encoder enc, byte[][] bytes, int n, int total) {
            ByteBuffer b = enc.room(n * 4 + 4 + total);
            for (int i = 0; i < n; i++) {
                b.putInt(bytes[i].length);
            }
            b.putInt(total);
            for (int i = 0; i < n; i++) {
                b.put(bytes[i]);
            }
        }

        @Override
        void clear() {
            Arrays.fill(values, null);
            Arrays.fill(codes, 0);
            dictionary.clear();
            entries.clear();
        }
    }

    private static final byte[] EMPTY = new byte[0];

    // ---------------------------------------------------------------- reading

    /** Reads a table into a new table of the connection's database; returns the row count. */
    static long read(DataInputStream in, Connection c, String table, Cancellation cancel) throws SQLException, IOException {
        String magic = in.readUTF();
        boolean v1 = MAGIC_V1.equals(magic);
        if (!v1 && !MAGIC.equals(magic)) {
            throw new WorkbenchException("The private data file of " + table + " has an unknown format ("
                    + (magic.startsWith("WBTAB") ? "version " + magic.substring(5) + "; this workbench reads 1 and 2"
                    : "not a workbench table") + ").");
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
        return v1 ? readV1(in, c, table, cols, cancel) : readV2(in, c, table, cols, cancel);
    }

    private static long readV2(DataInputStream in, Connection c, String table, List<ColumnInfo> cols, Cancellation cancel)
            throws SQLException, IOException {
        Decoded[] columns = new Decoded[cols.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new Decoded(cols.get(i).type());
        }
        Decoder dec = new Decoder(in);
        long rows = 0;
        try (RowAppender app = RowAppender.open(c, table)) {
            int block;
            while ((block = dec.blockRows()) > 0) {
                if (block > BLOCK) {
                    throw new IOException("a block of " + block + " rows (at most " + BLOCK + ")");
                }
                for (Decoded col : columns) {
                    col.read(dec, block);
                }
                for (int r = 0; r < block; r++) {
                    app.beginRow();
                    for (Decoded col : columns) {
                        col.append(app, r);
                    }
                    app.endRow();
                }
                rows += block;
                cancel.check();
            }
        } finally {
            for (Decoded col : columns) {
                col.clear();
            }
            dec.clear();
        }
        return rows;
    }

    /** Reads little-endian sections of the decrypted stream through one reusable buffer. */
    private static final class Decoder {
        private final DataInputStream in;
        private ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

        Decoder(DataInputStream in) {
            this.in = in;
        }

        int blockRows() throws IOException {
            return section(4).getInt();
        }

        /** The next {@code bytes} bytes of the stream, positioned at their start. */
        ByteBuffer section(int bytes) throws IOException {
            if (bytes < 0) {
                throw new IOException("a negative length");
            }
            if (buf.capacity() < bytes) {
                Arrays.fill(buf.array(), (byte) 0);
                buf = ByteBuffer.allocate(Math.max(bytes, buf.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
            }
            in.readFully(buf.array(), 0, bytes);
            buf.position(0).limit(bytes);
            return buf;
        }

        byte readByte() throws IOException {
            return in.readByte();
        }

        int readInt() throws IOException {
            return section(4).getInt();
        }

        void clear() {
            Arrays.fill(buf.array(), (byte) 0);
        }
    }

    /** The values of one column of the block being read. */
    private static final class Decoded {
        private final String type;
        private final boolean[] nulls = new boolean[BLOCK];
        private boolean anyNull;
        private long[] longs;
        private double[] doubles;
        private byte[] bytes;
        private String[] strings;

        Decoded(String type) {
            this.type = type;
            switch (type) {
                case "BIGINT", "TIMESTAMP", "DATE" -> longs = new long[BLOCK];
                case "DOUBLE" -> doubles = new double[BLOCK];
                case "BOOLEAN" -> bytes = new byte[BLOCK];
                default -> strings = new String[BLOCK];
            }
        }

        void read(Decoder dec, int n) throws IOException {
            byte nullFlag = dec.readByte();
            anyNull = nullFlag == 1;
            if (anyNull) {
                ByteBuffer b = dec.section((n + 7) / 8);
                for (int i = 0; i < n; i += 8) {
                    int bits = b.get();
                    for (int j = 0; j < 8 && i + j < n; j++) {
                        nulls[i + j] = (bits & (1 << j)) != 0;
                    }
                }
            } else if (nullFlag != 0) {
                throw new IOException("an unknown null marker " + nullFlag);
            }
            switch (type) {
                case "BIGINT", "TIMESTAMP", "DATE" -> dec.section(n * 8).asLongBuffer().get(longs, 0, n);
                case "DOUBLE" -> dec.section(n * 8).asDoubleBuffer().get(doubles, 0, n);
                case "BOOLEAN" -> dec.section(n).get(bytes, 0, n);
                default -> readStrings(dec, n);
            }
        }

        private void readStrings(Decoder dec, int n) throws IOException {
            byte encoding = dec.readByte();
            if (encoding == 0) {
                decodeStrings(dec, n, strings);
            } else if (encoding == 1) {
                int d = dec.readInt();
                if (d < 0 || d > BLOCK) {
                    throw new IOException("a dictionary of " + d + " entries");
                }
                String[] dictionary = new String[d];
                decodeStrings(dec, d, dictionary);
                int width = dec.readByte();
                if (width != 1 && width != 2 && width != 4) {
                    throw new IOException("an index width of " + width);
                }
                ByteBuffer b = dec.section(n * width);
                for (int i = 0; i < n; i++) {
                    int code = switch (width) {
                        case 1 -> b.get() & 0xFF;
                        case 2 -> b.getShort() & 0xFFFF;
                        default -> b.getInt();
                    };
                    if (anyNull && nulls[i]) {
                        strings[i] = null;
                    } else if (code < 0 || code >= d) {
                        throw new IOException("a dictionary index " + code + " of " + d);
                    } else {
                        strings[i] = dictionary[code];
                    }
                }
            } else {
                throw new IOException("an unknown string encoding " + encoding);
            }
        }

        private static void decodeStrings(Decoder dec, int n, String[] into) throws IOException {
            int[] lengths = new int[n];
            dec.section(n * 4).asIntBuffer().get(lengths);
            int total = dec.readInt();
            ByteBuffer b = dec.section(total);
            byte[] raw = b.array();
            int off = 0;
            for (int i = 0; i < n; i++) {
                if (lengths[i] < 0 || off + lengths[i] > total) {
                    throw new IOException("string lengths beyond the block");
                }
                into[i] = new String(raw, off, lengths[i], StandardCharsets.UTF_8);
                off += lengths[i];
            }
        }

        void append(RowAppender app, int row) throws SQLException {
            if (anyNull && nulls[row]) {
                app.appendNull();
                return;
            }
            switch (type) {
                case "BIGINT" -> app.append(longs[row]);
                case "TIMESTAMP" -> app.appendEpochMicros(longs[row]);
                case "DATE" -> app.appendEpochDays((int) longs[row]);
                case "DOUBLE" -> app.append(doubles[row]);
                case "BOOLEAN" -> app.append(bytes[row] != 0);
                default -> app.append(strings[row]);
            }
        }

        void clear() {
            if (longs != null) {
                Arrays.fill(longs, 0);
            }
            if (doubles != null) {
                Arrays.fill(doubles, 0);
            }
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
            if (strings != null) {
                Arrays.fill(strings, null);
            }
        }
    }

    // ---------------------------------------------------------------- version 1 (row by row)

    private static long readV1(DataInputStream in, Connection c, String table, List<ColumnInfo> cols, Cancellation cancel)
            throws SQLException, IOException {
        long rows = 0;
        try (RowAppender app = RowAppender.open(c, table)) {
            int block;
            while ((block = in.readInt()) > 0) {
                if (block > V1_BLOCK) {
                    throw new IOException("a block of " + block + " rows (at most " + V1_BLOCK + ")");
                }
                for (int r = 0; r < block; r++) {
                    app.beginRow();
                    for (ColumnInfo ci : cols) {
                        readValueV1(in, ci.type(), app);
                    }
                    app.endRow();
                }
                rows += block;
                cancel.check();
            }
        }
        return rows;
    }

    private static void readValueV1(DataInputStream in, String type, RowAppender app) throws IOException, SQLException {
        boolean isNull = in.readByte() != 0;
        if (isNull) {
            if (!"VARCHAR".equals(type)) {
                in.skipNBytes("BOOLEAN".equals(type) ? 1 : 8);
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
}
