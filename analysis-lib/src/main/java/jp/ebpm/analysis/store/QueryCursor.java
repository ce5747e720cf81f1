package jp.ebpm.analysis.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;

/**
 * The rows of a checked user query, read one at a time from DuckDB's streamed result, so a result of any
 * size needs memory for one row only. The query runs in a transaction of its own that {@link #close()}
 * always rolls back. Values are JDBC objects as in {@link QueryResult}.
 *
 * <p>Belongs to one thread; {@link Cancellation#cancel()} may be called from another (it cancels the
 * running statement).
 *
 * @since 0.2
 */
public final class QueryCursor implements AutoCloseable {

    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final List<ColumnInfo> columns;
    private final List<DatasetInfo> datasets;
    private final Cancellation cancel;
    private final Runnable hook;
    private long read;
    private boolean closed;

    QueryCursor(Connection connection, Statement statement, ResultSet rows, List<DatasetInfo> datasets,
                Cancellation cancel, Runnable hook) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.datasets = List.copyOf(datasets);
        this.cancel = cancel;
        this.hook = hook;
        ResultSetMetaData md = rows.getMetaData();
        List<ColumnInfo> cols = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            cols.add(new ColumnInfo(md.getColumnLabel(i), md.getColumnTypeName(i)));
        }
        this.columns = List.copyOf(cols);
    }

    /** The result columns (label and DuckDB type). */
    public List<ColumnInfo> columns() {
        return columns;
    }

    /** The catalog datasets the query reads (for provenance). */
    public List<DatasetInfo> datasets() {
        return datasets;
    }

    /**
     * The next row, or {@code null} after the last.
     *
     * @throws CancelledException when cancelled
     * @throws WorkbenchException when the query fails while running
     */
    public Object[] next() {
        if ((read & 1023) == 0) {
            cancel.check();
        }
        try {
            if (!rows.next()) {
                return null;
            }
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rows.getObject(i + 1);
            }
            read++;
            return row;
        } catch (SQLException e) {
            if (cancel.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancelledException();
            }
            throw new WorkbenchException("The query failed: " + e.getMessage(), e);
        }
    }

    /** Reads at most {@code maxRows} rows into a {@link QueryResult} (truncated when more exist). */
    public QueryResult materialise(int maxRows) {
        List<Object[]> out = new ArrayList<>();
        boolean truncated = false;
        for (Object[] row = next(); row != null; row = next()) {
            if (out.size() >= maxRows) {
                truncated = true;
                break;
            }
            out.add(row);
        }
        return new QueryResult(columns, out, truncated);
    }

    /** Ends the query: rolls its transaction back and closes the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancel.removeHook(hook);
        try (connection; statement; rows) {
            connection.rollback();
        } catch (SQLException e) {
            // a cancelled or failed query may have ended its transaction already; nothing was written either way
        }
    }
}
