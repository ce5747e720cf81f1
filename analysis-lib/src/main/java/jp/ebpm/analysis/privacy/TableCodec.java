package jp.ebpm.analysis.privacy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

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

    static final String MAGIC_V1 = "WBTAB1";
    static final String MAGIC = "WBTAB2";
    /** Rows per block. */
    static final int BLOCK = 16_384;
    static final int V1_BLOCK = 4096;
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

    /** Writes a table of the connection's database; returns the row count. */
    static long write(Connection c, String table, DataOutputStream out, Cancellation cancel) throws SQLException, IOException {
        return TableCodecWriter.write(c, table, out, cancel);
    }

    /** Reads a table into a new table of the connection's database; returns the row count. */
    static long read(DataInputStream in, Connection c, String table, Cancellation cancel) throws SQLException, IOException {
        return TableCodecReader.read(in, c, table, cancel);
    }

    /** Bytes per dictionary code: 1 for up to 256 entries, else 2. */
    static int codeWidth(int entries) {
        return entries <= 0x100 ? 1 : 2;
    }
}
