package jp.ebpm.analysis.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import jp.ebpm.analysis.WorkbenchException;

/**
 * An in-memory DuckDB database for work that needs SQL but no project, e.g. previewing a file before it
 * is imported. Nothing written there is kept.
 *
 * @since 0.1
 */
public final class ScratchDatabase {

    private ScratchDatabase() {
    }

    /** A new connection to a fresh in-memory database; the caller closes it. */
    public static Connection connect() {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            return DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException | ClassNotFoundException e) {
            throw new WorkbenchException("Cannot start the in-memory database: " + e.getMessage(), e);
        }
    }
}
