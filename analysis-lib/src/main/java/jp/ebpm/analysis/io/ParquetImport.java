package jp.ebpm.analysis.io;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.ScratchDatabase;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/** Imports Apache Parquet files with DuckDB's {@code read_parquet}; column names and types come from the file. */
final class ParquetImport {

    private ParquetImport() {
    }

    private static String read(Path file) {
        return "read_parquet(" + Sql.literal(file.toAbsolutePath().toString()) + ")";
    }

    static ImportPreview preview(Path file) {
        try (Connection c = ScratchDatabase.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + read(file) + " LIMIT 100")) {
            ResultSetMetaData md = rs.getMetaData();
            List<ColumnInfo> cols = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                cols.add(new ColumnInfo(md.getColumnLabel(i), md.getColumnTypeName(i)));
            }
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= cols.size(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return new ImportPreview("parquet", null, null, true, List.of(), 0, cols, rows, List.of());
        } catch (SQLException e) {
            throw broken(file, e);
        }
    }

    static ImportResult run(Project p, Path file, ImportOptions o, String name, ProgressListener progress, Cancellation cancel) {
        String fileName = file.getFileName().toString();
        String sha = Transcoder.sha256(file, progress, cancel);
        DatasetInfo info = p.inTransaction(c -> {
            try {
                ImportSupport.execute(c, "CREATE TABLE " + Sql.ident(name) + " AS SELECT * FROM " + read(file), cancel);
            } catch (SQLException e) {
                throw broken(file, e);
            }
            ImportSupport.applyOverrides(c, name, o.columnTypes(), fileName);
            long rows = ImportSupport.requireRows(c, name, fileName, "Parquet file");
            cancel.check();
            return ImportSupport.register(p, c, name, file, sha, rows, null, o, Map.of("format", "parquet"));
        });
        return new ImportResult(info, List.of());
    }

    private static WorkbenchException broken(Path file, SQLException e) {
        return new WorkbenchException("The Parquet file cannot be read; it may be damaged or incomplete ("
                + ImportSupport.firstLine(e) + ").", file.getFileName().toString(), null, null, e);
    }
}
