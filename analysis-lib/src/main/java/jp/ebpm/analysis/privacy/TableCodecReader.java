package jp.ebpm.analysis.privacy;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.RowAppender;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/** Reading the table format of {@link TableCodec} (versions 1 and 2) into a DuckDB table. */
final class TableCodecReader {

    private TableCodecReader() {
    }

    /** Reads a table into a new table of the connection's database; returns the row count. */
    static long read(DataInputStream in, Connection c, String table, Cancellation cancel) throws SQLException, IOException {
        String magic = in.readUTF();
        boolean v1 = TableCodec.MAGIC_V1.equals(magic);
        if (!v1 && !TableCodec.MAGIC.equals(magic)) {
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
        if (d < 1 || d > TableCodec.MAX_DICTIONARY) {
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
                if (block > TableCodec.BLOCK) {
                    throw new IOException("a block of " + block + " rows (at most " + TableCodec.BLOCK + ")");
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
        private final boolean[] nulls = new boolean[TableCodec.BLOCK];
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
                case "BIGINT", "TIMESTAMP", "DATE" -> longs = new long[TableCodec.BLOCK];
                case "DOUBLE" -> doubles = new double[TableCodec.BLOCK];
                case "BOOLEAN" -> bytes = new byte[TableCodec.BLOCK];
                default -> {
                    if (dictionary == null) {
                        strings = new String[TableCodec.BLOCK];
                    } else {
                        codes = new int[TableCodec.BLOCK];
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
            int width = TableCodec.codeWidth(dictionary.length);
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
                if (block > TableCodec.V1_BLOCK) {
                    throw new IOException("a block of " + block + " rows (at most " + TableCodec.V1_BLOCK + ")");
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
