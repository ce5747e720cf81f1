package jp.ebpm.analysis.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.store.Sql;

/** Helpers shared by the format-specific importers. */
final class ImportSupport {

    /** Column types a user may choose in an override. */
    static final Set<String> TYPES = Set.of("VARCHAR", "BIGINT", "INTEGER", "DOUBLE", "DECIMAL", "BOOLEAN", "DATE",
            "TIMESTAMP", "TIME");

    private ImportSupport() {
    }

    /** The dataset name: the option, else the file name without its extension. */
    static String datasetName(Path file, ImportOptions o) {
        if (o.name() != null && !o.name().isBlank()) {
            return o.name().strip();
        }
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    static DatasetKind kind(ImportOptions o) {
        if (o.kind() != null) {
            return o.kind();
        }
        return o.statistics() ? DatasetKind.STATISTICS : DatasetKind.TABLE;
    }

    static Sensitivity sensitivity(ImportOptions o) {
        return o.sensitivity() == null ? Sensitivity.INTERNAL : o.sensitivity();
    }

    /** Checks a type override and returns it upper-cased. */
    static String checkType(String column, String type) {
        String t = type.strip().toUpperCase(java.util.Locale.ROOT);
        String base = t.replaceAll("\\(.*\\)", "");
        if (!TYPES.contains(base)) {
            throw new IllegalArgumentException("Unknown column type \"" + type + "\" for column \"" + column
                    + "\". Use one of " + TYPES.stream().sorted().collect(Collectors.joining(", ")) + ".");
        }
        return t;
    }

    /** Checks that every overridden column exists. */
    static void checkOverrides(Map<String, String> overrides, List<String> names, String fileName) {
        for (String c : overrides.keySet()) {
            if (!names.contains(c)) {
                throw new WorkbenchException("A type was chosen for the column \"" + c + "\", but the file has no such column."
                        + " Its columns are: " + String.join(", ", names) + ".", fileName, null, c, null);
            }
            checkType(c, overrides.get(c));
        }
    }

    /**
     * Changes column types of a new table (inside the caller's transaction).
     *
     * @throws WorkbenchException naming the column when a value does not fit the chosen type
     */
    static void applyOverrides(Connection c, String table, Map<String, String> overrides, String fileName) throws SQLException {
        for (var e : overrides.entrySet()) {
            String type = checkType(e.getKey(), e.getValue());
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + Sql.ident(table) + " ALTER " + Sql.ident(e.getKey()) + " SET DATA TYPE " + type);
            } catch (SQLException ex) {
                throw new WorkbenchException("The column cannot be read as " + type + ": some values do not fit ("
                        + firstLine(ex) + ").", fileName, null, e.getKey(), ex);
            }
        }
    }

    /** Counts the rows of the new table and refuses an empty one. */
    static long requireRows(Connection c, String table, String fileName, String what) throws SQLException {
        long n = Catalog.countRows(c, table);
        if (n == 0) {
            throw new WorkbenchException("The " + what + " has a header but no data rows; there is nothing to import.",
                    fileName, null, null, null);
        }
        return n;
    }

    /** Registers the new table in the catalog, on the same connection and transaction. */
    static DatasetInfo register(Project p, Connection c, String name, Path file, String sha, long rows, String encoding,
                                ImportOptions o, Map<String, String> properties) throws SQLException {
        List<ColumnInfo> cols = Catalog.describe(c, name);
        DatasetInfo info = new DatasetInfo(name, kind(o), file.getFileName().toString(), sha, Instant.now(), rows, cols,
                encoding, o.license(), sensitivity(o), o.description(), properties);
        p.catalog().register(c, info);
        return info;
    }

    /** The project's scratch folder {@code .tmp}, created when missing. */
    static Path tmpDir(Project p) {
        Path d = p.directory().resolve(".tmp");
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot create the project's temporary folder: " + e.getMessage(), e);
        }
        return d;
    }

    static void deleteQuietly(Path f) {
        if (f == null) {
            return;
        }
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // a leftover temp file is removed with the next import's cleanup or by hand
        }
    }

    static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().filter(s -> !s.isBlank()).findFirst().orElse(m);
    }

    /** Runs a statement; cancelling the token cancels it. */
    static void execute(Connection c, String sql, jp.ebpm.analysis.task.Cancellation cancel) throws SQLException {
        try (Statement st = c.createStatement()) {
            Runnable hook = () -> {
                try {
                    st.cancel();
                } catch (SQLException ignored) {
                    // already finished
                }
            };
            cancel.onCancel(hook);
            try {
                st.execute(sql);
            } catch (SQLException e) {
                if (cancel.isCancelled()) {
                    throw new jp.ebpm.analysis.task.CancelledException();
                }
                throw e;
            } finally {
                cancel.removeHook(hook);
            }
        }
        cancel.check();
    }
}
