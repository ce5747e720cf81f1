package jp.ebpm.analysis.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Creates a table with typed columns and fills it row by row through DuckDB's appender. Use it inside
 * {@link Project#inTransaction}: the appended rows become visible (and durable) only when the
 * transaction commits, and vanish with a rollback.
 *
 * <p>Supported values: {@code null}, {@link String}, {@link Long}, {@link Integer}, {@link Double},
 * {@link Boolean}, {@link LocalDate}, {@link LocalDateTime}. The value must match the column's type
 * ({@code BIGINT}, {@code DOUBLE}, {@code BOOLEAN}, {@code DATE}, {@code TIMESTAMP}, {@code VARCHAR}).
 *
 * @since 0.1
 */
public final class TableWriter implements AutoCloseable {

    private final DuckDBAppender appender;
    private final int width;
    private long rows;

    private TableWriter(DuckDBAppender appender, int width) {
        this.appender = appender;
        this.width = width;
    }

    /**
     * Creates the table {@code table} with the given columns on the caller's connection and opens an
     * appender on it.
     */
    public static TableWriter create(Connection c, String table, List<ColumnInfo> columns) throws SQLException {
        String ddl = columns.stream().map(ci -> Sql.ident(ci.name()) + " " + ci.type())
                .collect(Collectors.joining(", ", "CREATE TABLE " + Sql.ident(table) + " (", ")"));
        try (Statement st = c.createStatement()) {
            st.execute(ddl);
        }
        DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
        return new TableWriter(a, columns.size());
    }

    /** Appends one row; {@code values.length} must equal the number of columns. */
    public void row(Object... values) throws SQLException {
        if (values.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        }
        appender.beginRow();
        for (Object v : values) {
            if (v == null) {
                appender.appendNull();
            } else if (v instanceof String s) {
                appender.append(s);
            } else if (v instanceof Long l) {
                appender.append(l.longValue());
            } else if (v instanceof Integer i) {
                appender.append(i.longValue());
            } else if (v instanceof Double d) {
                appender.append(d.doubleValue());
            } else if (v instanceof Boolean b) {
                appender.append(b.booleanValue());
            } else if (v instanceof LocalDateTime t) {
                appender.append(t);
            } else if (v instanceof LocalDate d) {
                appender.append(d);
            } else {
                throw new IllegalArgumentException("unsupported value type " + v.getClass().getName());
            }
        }
        appender.endRow();
        rows++;
    }

    /** Rows appended so far. */
    public long rows() {
        return rows;
    }

    /** Flushes the appended rows into the table (still inside the caller's transaction). */
    @Override
    public void close() throws SQLException {
        appender.close();
    }
}
