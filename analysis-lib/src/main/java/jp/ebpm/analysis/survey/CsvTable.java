package jp.ebpm.analysis.survey;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.Utf8Source;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;

/**
 * Loads a CSV file with a header row into a DuckDB table with {@code read_csv}, every column as text
 * (so codes such as {@code 01} keep their leading zeros; numbers are recognised when tabulating).
 * The encoding is handled by the input layer ({@link Utf8Source}): UTF-8 files are read in place, CP932,
 * EUC-JP and UTF-16 files through a temporary UTF-8 copy that is deleted afterwards.
 */
public final class CsvTable {

    private CsvTable() {
    }

    /** Creates {@code table} from the CSV file in the given charset (UTF-8, CP932, EUC-JP). */
    public static void load(Connection c, Path csv, Charset charset, String table) {
        load(c, csv, charset.name(), table, false);
    }

    /** Like {@link #load(Connection, Path, String, String, boolean)} with a charset. */
    public static void load(Connection c, Path csv, Charset charset, String table, boolean view) {
        load(c, csv, charset.name(), table, view);
    }

    /**
     * Creates {@code name} from the CSV file: a table, or — for a UTF-8 file read once, e.g. by the
     * {@code crosstab --csv} command — a view over {@code read_csv}, so DuckDB scans the file directly
     * without copying it. Non-UTF-8 files always become a table (the transcoded copy is temporary).
     *
     * @param encoding {@code null}/{@code auto} to detect, else utf-8, cp932 (shift_jis), euc-jp, utf-16le
     */
    public static void load(Connection c, Path csv, String encoding, String table, boolean view) {
        try (Utf8Source src = Utf8Source.open(csv, encoding, null)) {
            try (Statement st = c.createStatement()) {
                boolean asView = view && src.encoding().isUtf8();
                st.execute("CREATE " + (asView ? "VIEW " : "TABLE ") + Sql.ident(table) + " AS SELECT * FROM read_csv("
                        + Sql.literal(src.path().toAbsolutePath().toString())
                        + ", header = true, all_varchar = true, auto_detect = true)");
            } catch (SQLException e) {
                throw src.readError(e, csv.getFileName().toString());
            }
        }
    }

    /** Like {@link #load(Connection, Path, String, String, boolean)} on a connection of the project. */
    public static void load(Project project, Path csv, Charset charset, String table, boolean view) {
        load(project, csv, charset.name(), table, view);
    }

    /** Like {@link #load(Connection, Path, String, String, boolean)} on a connection of the project. */
    public static void load(Project project, Path csv, String encoding, String table, boolean view) {
        try (Connection c = project.connect()) {
            load(c, csv, encoding, table, view);
        } catch (SQLException e) {
            throw new WorkbenchException("Database error: " + e.getMessage(), e);
        }
    }
}
