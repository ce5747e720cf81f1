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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** The project's scratch folder (DuckDB spill files, transcoded imports, outputs awaiting their audit entry). */
    public static final String SCRATCH_DIR = ".tmp";

    /**
     * Projects open in this process, by folder, with how many {@code Project} objects hold each. DuckDB's
     * file lock keeps other processes out, but one process may open a folder twice (DuckDB then shares the
     * database); scratch files are cleaned only by the first opener.
     */
    private static final Map<Path, Integer> OPEN = new HashMap<>();

    private final Path directory;
    private final DuckDBConnection root;
    private final Catalog catalog;
    private volatile SettingsSeal settingsSeal;
    private boolean closed;

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
     * Opens an existing project. Scratch files left by a process that ended abruptly (e.g. a transcoded
     * copy of an import killed half way, or an output whose audit entry was never written) are deleted.
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
            props.setProperty("temp_directory", directory.resolve(SCRATCH_DIR).toAbsolutePath().toString());
            // Results are streamed from DuckDB chunk by chunk instead of materialised first, so a large result
            // never has to fit in memory (user queries, report tables). A connection runs one statement at a
            // time while a result is being read.
            props.setProperty("jdbc_stream_results", "true");
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + directory.resolve(DB_FILE).toAbsolutePath(), props);
            Path dir = directory.toAbsolutePath().normalize();
            boolean first;
            synchronized (OPEN) {
                first = OPEN.merge(dir, 1, Integer::sum) == 1;
            }
            Project p = new Project(dir, c.unwrap(DuckDBConnection.class));
            if (first) {
                p.cleanScratch();
            }
            return p;
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

    /** The project's scratch folder ({@value #SCRATCH_DIR}), created when missing. */
    public Path scratchDirectory() {
        Path d = directory.resolve(SCRATCH_DIR);
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot create the scratch folder " + d + ": " + e.getMessage(), e);
        }
        return d;
    }

    /**
     * Deletes everything in the scratch folder and unfinished private files ({@code private/*.part}).
     * Called when the first {@code Project} of this process opens the folder: no other process can have it
     * open (DuckDB's lock), so nothing there is in use.
     */
    private void cleanScratch() {
        deleteTree(directory.resolve(SCRATCH_DIR), false);
        Path priv = directory.resolve("private");
        if (Files.isDirectory(priv)) {
            try (java.util.stream.Stream<Path> s = Files.list(priv)) {
                s.filter(f -> f.getFileName().toString().endsWith(".part")).forEach(f -> deleteTree(f, true));
            } catch (IOException ignored) {
                // best effort: a leftover is cleaned at the next open
            }
        }
    }

    private static void deleteTree(Path p, boolean self) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try (java.util.stream.Stream<Path> s = Files.list(p)) {
                    for (Path child : s.toList()) {
                        deleteTree(child, true);
                    }
                }
            }
            if (self) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort: a leftover is cleaned at the next open
        }
    }

    /**
     * Uses a seal for the protected settings (see {@link SettingsSeal}); the privacy layer calls this while
     * private data is unlocked.
     */
    public void useSettingsSeal(SettingsSeal seal) {
        this.settingsSeal = seal;
    }

    /** Stops using a seal registered with {@link #useSettingsSeal} (no effect when another one is in use). */
    public void releaseSettingsSeal(SettingsSeal seal) {
        if (this.settingsSeal == seal) {
            this.settingsSeal = null;
        }
    }

    SettingsSeal settingsSeal() {
        return settingsSeal;
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
     * Runs a user query and returns at most {@code maxRows} rows (see {@link #openQuery}).
     *
     * @throws WorkbenchException when the text is not an allowed query or the query fails
     * @throws CancelledException when cancelled
     */
    public QueryResult query(String sql, int maxRows, Cancellation cancel) {
        try (QueryCursor cursor = openQuery(sql, cancel)) {
            return cursor.materialise(maxRows);
        }
    }

    /**
     * Starts a user query (SQL console, {@code workbench sql}, report specs) and returns its rows as a
     * stream. The text must be one pure query that reads only the catalog's non-private datasets: DuckDB's
     * own parser classifies it and an allow-list checks every table, table function and function it uses
     * (no file access, no internal {@code _wb_*} tables, no side effects); the query then runs in a
     * transaction that is always rolled back. The caller closes the cursor.
     *
     * @throws WorkbenchException naming what is not allowed, or when the query fails
     * @throws CancelledException when cancelled
     */
    public QueryCursor openQuery(String sql, Cancellation cancel) {
        Connection c = connect();
        Statement st = null;
        Runnable hook = null;
        try {
            List<DatasetInfo> read = QueryPolicy.check(c, sql, catalog.list());
            c.setAutoCommit(false);
            st = c.createStatement();
            Statement running = st;
            hook = () -> cancelQuietly(running);
            cancel.onCancel(hook);
            ResultSet rs = st.executeQuery(sql);
            return new QueryCursor(c, st, rs, read, cancel, hook);
        } catch (SQLException | RuntimeException e) {
            if (hook != null) {
                cancel.removeHook(hook);
            }
            closeQuietly(st, c);
            if (e instanceof RuntimeException re) {
                throw re;
            }
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
            throw new WorkbenchException("The query failed: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Statement st, Connection c) {
        try (c; st) {
            c.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // nothing was written: the transaction is discarded with the connection
        }
    }

    /**
     * Runs a statement written by the workbench itself (benchmarks, internal maintenance) that may change
     * data. Returns the number of rows changed, or -1 when the statement reports none. Never pass text a
     * user typed or a file supplied: user SQL goes through {@link #openQuery}, which refuses anything but a
     * pure query. Statements that create or drop datasets do not update the catalog.
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
        synchronized (OPEN) {
            if (!closed) {
                closed = true;
                OPEN.computeIfPresent(directory, (k, n) -> n == 1 ? null : n - 1);
            }
        }
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
