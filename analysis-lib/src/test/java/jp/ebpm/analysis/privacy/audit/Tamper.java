package jp.ebpm.analysis.privacy.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import jp.ebpm.analysis.store.Project;

/** Changes a closed project the way a user could outside the workbench: a plain DuckDB connection to its file. */
final class Tamper {

    private Tamper() {
    }

    static void sql(Path projectDir, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + projectDir.resolve(Project.DB_FILE).toAbsolutePath());
             Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
