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
 * "WBTAB2" | column count (u16) | per column: name (UTF) type (UTF)        (DataOutput encoding)
 *          VARCHAR columns also: 0 = plain, or 1 = dictionary: entries (i32) | per entry: byte length
 *          (i32) + UTF-8 bytes
 * block*:  row count (i32, 0 ends the table) | per column, in order:
 *          nulls: 0 = none, 1 = a bitmap of ceil(rows / 8) bytes follows (bit set = NULL)
 *          values for every row (a NULL row holds 0), little-endian:
 *            BIGINT, TIMESTAMP (µs since 1970, local time), DATE (days): i64 each
 *            DOUBLE: IEEE-754 f64 each;  BOOLEAN: one byte each
 *            VARCHAR plain: byte lengths (i32 each) | total bytes (i32) | UTF-8 bytes
 *            VARCHAR dictionary: the entry index, 1 byte each for up to 256 entries, else 2
 * </pre>
 * A VARCHAR column is stored with a dictionary when it has at most {@value #MAX_DICTIONARY} distinct
 * values and each repeats four times on average: DuckDB computes the codes (a temporary ENUM type of the
 * in-memory database), so no Java string is made per row — converting strings is by far the slowest
 * part of reading rows over JDBC. Other DuckDB types are stored as VARCHAR. Version 1 files ("WBTAB1",
 * row by row with DataOutput encoding) are still read.
 */
final class TableCodec {

    private static final String MAGIC_V1 = "WBTAB1";
    private static final String MAGIC = "WBTAB2";
    /** Rows per block. */
    static final int BLOCK = 16_384;
    private static final int V1_BLOCK = 4096;
    /** Most distinct values of a dictionary-encoded string column. */
    static final int MAX_DICTIONARY = 65_536;

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
        List<String> enums = new ArrayList<>();
        long rows = 0;
        Encoder enc = new Encoder();
        try (Statement st = c.createStatement()) {
            for (int i = 0; i < cols.size(); i++) {
                ColumnInfo ci = cols.get(i);
                String type = storedType(ci.type());
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
        if (distinct == 0 || distinct > MAX_DICTIONARY || distinct * 4 > values) {
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

    /** Strings stored as they are. */
    private static final class StringColumn extends Column {
        private final String[] values = new String[BLOCK];

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
        private final int[] codes = new int[BLOCK];
        private final int width;

        CodeColumn(int entries) {
            this.width = codeWidth(entries);
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

    private static int codeWidth(int entries) {
        return entries <= 0x100 ? 1 : 2;
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
        Decoded[] columns = new Decoded[n];
        StringJoiner ddl = new StringJoiner(", ");
        for (int i = 0; i < n; i++) {
            ColumnInfo ci = new ColumnInfo(in.readUTF(), in.readUTF());
            cols.add(ci);
            ddl.add(Sql.ident(ci.name()) + " " + ci.type());
            if (!v1) {
                columns[i] = new Decoded(ci.type(), "VARCHAR".equals(ci.type()) ? readDictionary(in) : null);
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + Sql.ident(table) + " (" + ddl + ")");
        }
        return v1 ? readV1(in, c, table, cols, cancel) : readV2(in, c, table, columns, cancel);
    }

    /** The dictionary of a string column, or {@code null} when its strings are stored as they are. */
    private static String[] readDictionary(DataInputStream in) throws IOException {
        byte encoding = in.readByte();
        if (encoding == 0) {
            return null;
        }
        if (encoding != 1) {
            throw new IOException("an unknown string encoding " + encoding);
        }
        int d = in.readInt();
        if (d < 1 || d > MAX_DICTIONARY) {
            throw new IOException("a dictionary of " + d + " entries");
        }
        String[] entries = new String[d];
        for (int i = 0; i < d; i++) {
            int len = in.readInt();
            if (len < 0 || len > (1 << 26)) {
                throw new IOException("a dictionary entry of " + len + " bytes");
            }
            byte[] b = in.readNBytes(len);
            if (b.length < len) {
                throw new java.io.EOFException("the dictionary is cut short");
            }
            entries[i] = new String(b, StandardCharsets.UTF_8);
        }
        return entries;
    }

    private static long readV2(DataInputStream in, Connection c, String table, Decoded[] columns, Cancellation cancel)
            throws SQLException, IOException {
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
        private final String[] dictionary;
        private int[] codes;

        Decoded(String type, String[] dictionary) {
            this.type = type;
            this.dictionary = dictionary;
            switch (type) {
                case "BIGINT", "TIMESTAMP", "DATE" -> longs = new long[BLOCK];
                case "DOUBLE" -> doubles = new double[BLOCK];
                case "BOOLEAN" -> bytes = new byte[BLOCK];
                default -> {
                    if (dictionary == null) {
                        strings = new String[BLOCK];
                    } else {
                        codes = new int[BLOCK];
                    }
                }
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
            if (dictionary == null) {
                decodeStrings(dec, n, strings);
                return;
            }
            int width = codeWidth(dictionary.length);
            ByteBuffer b = dec.section(n * width);
            for (int i = 0; i < n; i++) {
                int code = width == 1 ? b.get() & 0xFF : b.getShort() & 0xFFFF;
                if (code >= dictionary.length && !(anyNull && nulls[i])) {
                    throw new IOException("a dictionary index " + code + " of " + dictionary.length);
                }
                codes[i] = code;
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
                default -> app.append(dictionary == null ? strings[row] : dictionary[codes[row]]);
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
            if (codes != null) {
                Arrays.fill(codes, 0);
            }
            if (dictionary != null) {
                Arrays.fill(dictionary, null);
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
