package jp.ebpm.analysis.survey;

import jp.ebpm.analysis.store.Project;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Sql;

/**
 * Loads a CSV file with a header row into a DuckDB table with {@code read_csv}, every column as text
 * (so codes such as {@code 01} keep their leading zeros; numbers are recognised when tabulating).
 * Files that are not UTF-8 (windows-31j / Shift_JIS, EUC-JP) are first decoded in Java and re-written
 * as UTF-8 to a temporary file, because DuckDB has no offline encoding support.
 */
public final class CsvTable {

    private CsvTable() {
    }

    /** Creates {@code table} from the CSV file. */
    public static void load(Connection c, Path csv, Charset charset, String table) {
        load(c, csv, charset, table, false);
    }

    /**
     * Creates {@code name} from the CSV file: a table, or — for a UTF-8 file read once, e.g. by the
     * {@code crosstab --csv} command — a view over {@code read_csv}, so DuckDB scans the file directly
     * without copying it. Non-UTF-8 files always become a table (the transcoded copy is temporary).
     */
    public static void load(Connection c, Path csv, Charset charset, String table, boolean view) {
        if (!Files.isRegularFile(csv)) {
            throw new WorkbenchException("The CSV file " + csv + " does not exist.");
        }
        Path source = csv;
        Path temp = null;
        try {
            if (!StandardCharsets.UTF_8.equals(charset)) {
                temp = Files.createTempFile("wb-csv-", ".csv");
                transcode(csv, charset, temp);
                source = temp;
            }
            try (Statement st = c.createStatement()) {
                boolean asView = view && temp == null;
                st.execute("CREATE " + (asView ? "VIEW " : "TABLE ") + Sql.ident(table) + " AS SELECT * FROM read_csv("
                        + Sql.literal(source.toAbsolutePath().toString())
                        + ", header = true, all_varchar = true, auto_detect = true)");
            }
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read " + csv.getFileName() + " as " + charset + ": " + e.getMessage(),
                    csv.toString(), null, null, e);
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read the CSV file " + csv.getFileName() + ": " + e.getMessage(),
                    csv.toString(), null, null, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans it up
                }
            }
        }
    }

    private static void transcode(Path in, Charset cs, Path out) throws IOException {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new java.io.InputStreamReader(Files.newInputStream(in), dec);
             Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            r.transferTo(w);
        }
    }

    /** Like {@link #load(Connection, Path, Charset, String, boolean)} on a connection of the project. */
    public static void load(Project project, Path csv, Charset charset, String table, boolean view) {
        try (Connection c = project.connect()) {
            load(c, csv, charset, table, view);
        } catch (java.sql.SQLException e) {
            throw new WorkbenchException("Database error: " + e.getMessage(), e);
        }
    }
}
