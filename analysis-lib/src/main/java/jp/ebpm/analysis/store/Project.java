package jp.ebpm.analysis.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.duckdb.DuckDBConnection;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;

/**
 * An open workbench project: a folder holding {@code project.duckdb}. The project owns one DuckDB
 * database; every operation that needs SQL gets its own connection from {@link #connect()} and closes it.
 * Only one process can have a project open at a time (DuckDB locks the file).
 *
 * <p>Thread-safe: connections from {@link #connect()} may be used on different threads concurrently.
 *
 * @since 0.1
 */
public final class Project implements AutoCloseable {

    /** The database file inside a project folder. */
    public static final String DB_FILE = "project.duckdb";

    private final Path directory;
    private final DuckDBConnection root;
    private final Catalog catalog;

    private Project(Path directory, DuckDBConnection root) {
        this.directory = directory;
        this.root = root;
        this.catalog = new Catalog(this);
    }

    /**
     * Creates a new project in an empty or missing folder.
     *
     * @throws WorkbenchException when the folder already holds a project or cannot be written
     */
    public static Project create(Path directory) {
        Path db = directory.resolve(DB_FILE);
        if (Files.exists(db)) {
            throw new WorkbenchException("A project already exists in " + directory.getFileName()
                    + ". Open it instead of creating it.");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot create the project folder " + directory + ": " + e.getMessage(), e);
        }
        Project p = connectTo(directory);
        p.catalog.createSchema();
        return p;
    }

    /**
     * Opens an existing project.
     *
     * @throws WorkbenchException when the folder holds no project or the project is open elsewhere
     */
    public static Project open(Path directory) {
        if (!Files.isRegularFile(directory.resolve(DB_FILE))) {
            throw new WorkbenchException("No workbench project in " + directory
                    + " (the folder has no " + DB_FILE + ").");
        }
        Project p = connectTo(directory);
        p.catalog.createSchema();
        return p;
    }

    /** Opens the project in a folder, creating it when the folder holds none. */
    public static Project openOrCreate(Path directory) {
        return Files.isRegularFile(directory.resolve(DB_FILE)) ? open(directory) : create(directory);
    }

    private static Project connectTo(Path directory) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Properties props = new Properties();
            // Spill files stay inside the project folder, never in a shared temp directory.
            props.setProperty("temp_directory", directory.resolve(".tmp").toAbsolutePath().toString());
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + directory.resolve(DB_FILE).toAbsolutePath(), props);
            return new Project(directory.toAbsolutePath(), c.unwrap(DuckDBConnection.class));
        } catch (SQLException | ClassNotFoundException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            if (msg.contains("lock")) {
                throw new WorkbenchException("The project " + directory.getFileName()
                        + " is open in another workbench window or process. Close it there first.", e);
            }
            throw new WorkbenchException("Cannot open the project " + directory + ": " + msg, e);
        }
    }

    /** The project folder. */
    public Path directory() {
        return directory;
    }

    /** The catalog of datasets. */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * A new connection to the project database; the caller closes it. Use one per task or thread.
     * Only code inside analysis-lib may use this.
     */
    public Connection connect() {
        try {
            return root.duplicate();
        } catch (SQLException e) {
            throw new WorkbenchException("The project database is closed.", e);
        }
    }

    /**
     * Runs work in one transaction: it commits when the work returns and rolls back when it throws,
     * so the project is left exactly as it was.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Database error: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a read-only query and returns at most {@code maxRows} rows.
     *
     * @throws WorkbenchException when the statement would change data or fails
     * @throws CancelledException when cancelled
     */
    public QueryResult query(String sql, int maxRows, Cancellation cancel) {
        if (!Sql.isReadOnly(sql)) {
            throw new WorkbenchException("Only statements that read data can be run here (SELECT, WITH, ...).");
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            Runnable hook = () -> cancelQuietly(st);
            cancel.onCancel(hook);
            try (ResultSet rs = st.executeQuery(sql)) {
                return materialise(rs, maxRows, cancel);
            } catch (SQLException e) {
                if (cancel.isCancelled()) {
                    throw new CancelledException();
                }
                throw new WorkbenchException("The query failed: " + e.getMessage(), e);
            } finally {
                cancel.removeHook(hook);
            }
        } catch (SQLException e) {
            throw new WorkbenchException("The query failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a statement that may change data (the UI asks the user first). Returns the number of rows
     * changed, or -1 when the statement reports none. Statements that create or drop datasets do not
     * update the catalog; use the import and analysis APIs for that.
     */
    public long execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            boolean hasResult = st.execute(sql);
            return hasResult ? -1 : st.getUpdateCount();
        } catch (SQLException e) {
            throw new WorkbenchException("The statement failed: " + e.getMessage(), e);
        }
    }

    static QueryResult materialise(ResultSet rs, int maxRows, Cancellation cancel) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<ColumnInfo> cols = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            cols.add(new ColumnInfo(md.getColumnLabel(i), md.getColumnTypeName(i)));
        }
        List<Object[]> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() >= maxRows) {
                truncated = true;
                break;
            }
            if ((rows.size() & 1023) == 0) {
                cancel.check();
            }
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                Object v = rs.getObject(i + 1);
                // a BLOB (e.g. a WKB geometry) as bytes: the driver's object is not valid once the result set is closed
                row[i] = v instanceof java.sql.Blob b ? b.getBytes(1, (int) b.length()) : v;
            }
            rows.add(row);
        }
        return new QueryResult(cols, rows, truncated);
    }

    private static void cancelQuietly(Statement st) {
        try {
            st.cancel();
        } catch (SQLException ignored) {
            // the statement already finished
        }
    }

    /** Closes the project database. */
    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new WorkbenchException("Closing the project failed: " + e.getMessage(), e);
        }
    }

    /** Work on a JDBC connection inside a transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
