package jp.ebpm.analysis.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.duckdb.DuckDBConnection;

import jp.ebpm.analysis.WorkbenchException;

/**
 * A private, in-memory DuckDB database that never writes to disk: no database file, no WAL and no spill
 * files ({@code temp_directory} is empty, so a query that needs more than {@code memory_limit} fails
 * instead of spilling). Used to hold private rows while a project's vault is unlocked.
 *
 * <p>Thread-safe for {@link #connect()}; each connection belongs to one thread.
 */
public final class MemoryStore implements AutoCloseable {

    private final DuckDBConnection root;

    private MemoryStore(DuckDBConnection root) {
        this.root = root;
    }

    /**
     * Opens a new, empty in-memory database.
     *
     * @param memoryLimit DuckDB memory limit such as {@code "4GB"}, or {@code null} for DuckDB's default
     *                    (80 % of RAM)
     */
    public static MemoryStore open(String memoryLimit) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Properties props = new Properties();
            props.setProperty("temp_directory", "");
            Connection c = DriverManager.getConnection("jdbc:duckdb:", props);
            try (Statement st = c.createStatement()) {
                st.execute("SET temp_directory = ''");
                if (memoryLimit != null) {
                    if (!memoryLimit.matches("[0-9]+(\\.[0-9]+)?\\s*[KMGT]?i?B")) {
                        throw new IllegalArgumentException("Not a memory size: " + memoryLimit);
                    }
                    st.execute("SET memory_limit = '" + memoryLimit + "'");
                }
            }
            return new MemoryStore(c.unwrap(DuckDBConnection.class));
        } catch (SQLException | ClassNotFoundException e) {
            throw new WorkbenchException("Cannot open the in-memory database: " + e.getMessage(), e);
        }
    }

    /** A new connection to the in-memory database; the caller closes it. */
    public Connection connect() {
        try {
            return root.duplicate();
        } catch (SQLException e) {
            throw new WorkbenchException("The in-memory database is closed.", e);
        }
    }

    /** The current value of a DuckDB setting, e.g. {@code temp_directory}. */
    public String setting(String name) {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting(" + Sql.literal(name) + ")")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new WorkbenchException("Unknown setting " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs one SQL statement that returns no rows (e.g. {@code CREATE TABLE ... AS SELECT ...}). */
    public void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new WorkbenchException("The in-memory database cannot run " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Opens a fast row appender on a table of this database (the caller closes it). */
    public RowAppender appender(Connection c, String table) {
        return RowAppender.open(c, table);
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new WorkbenchException("Closing the in-memory database failed: " + e.getMessage(), e);
        }
    }
}
