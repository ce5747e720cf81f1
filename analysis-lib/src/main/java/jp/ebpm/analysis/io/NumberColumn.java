package jp.ebpm.analysis.io;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Reads one numeric column of a file (CSV/TSV in UTF-8, CP932 or EUC-JP, Parquet, Excel) with DuckDB, for inputs such
 * as class breaks. Text is read as numbers the same way as coordinates (full-width digits accepted); empty cells and
 * text that is not a number become NaN.
 *
 * @since 0.1
 */
public final class NumberColumn {

    private NumberColumn() {
    }

    /**
     * The column's values in file order.
     *
     * @throws IllegalArgumentException when the column does not exist (the message lists the columns)
     * @throws WorkbenchException when the file cannot be read
     */
    public static double[] read(Path file, String column, Cancellation cancel) {
        try (ScanSource s = ScanSource.file(file, null, 0, ProgressListener.NONE, cancel)) {
            String c = s.resolve(column);
            double[] out = new double[1024];
            int n = 0;
            try (Statement st = s.connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + NumberSql.number(Sql.ident(c), s.columns.get(c)) + " FROM " + s.relation)) {
                while (rs.next()) {
                    double v = rs.getDouble(1);
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = rs.wasNull() ? Double.NaN : v;
                    if ((n & 4095) == 0) {
                        cancel.check();
                    }
                }
            } catch (SQLException e) {
                if (s.encoding != null) {
                    throw DuckErrors.csv(e, s.label, s.encoding);
                }
                throw new WorkbenchException("The file could not be read: " + ImportSupport.firstLine(e), s.label, null, c, e);
            }
            return Arrays.copyOf(out, n);
        }
    }
}
