package jp.ebpm.analysis.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.export.xlsx.CellFormat;
import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportWriter;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/** Streams a query result of any size into a report sheet, row by row from the JDBC cursor. */
final class LargeQuery {

    private LargeQuery() {
    }

    static long stream(ReportWriter w, Project project, String sql, String title, Provenance p, Cancellation cancel) {
        try (Connection c = project.connect(); Statement st = c.createStatement()) {
            Runnable hook = () -> {
                try {
                    st.cancel();
                } catch (SQLException e) {
                    // the statement may already be finished; the cancellation check stops the loop anyway
                }
            };
            cancel.onCancel(hook);
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                List<String> header = new ArrayList<>();
                List<CellFormat> formats = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    header.add(md.getColumnLabel(i));
                    formats.add(ReportBuilder.format(md.getColumnTypeName(i)));
                }
                return w.addLargeTable(title, header, formats, new RowIterator(rs, n), p, ProgressListener.NONE, cancel);
            } finally {
                cancel.removeHook(hook);
            }
        } catch (SQLException e) {
            throw new WorkbenchException("The query of table \"" + title + "\" failed: " + e.getMessage(), e);
        }
    }

    private static final class RowIterator implements Iterator<Object[]> {
        private final ResultSet rs;
        private final int n;
        private Boolean ready;

        RowIterator(ResultSet rs, int n) {
            this.rs = rs;
            this.n = n;
        }

        @Override
        public boolean hasNext() {
            if (ready == null) {
                try {
                    ready = rs.next();
                } catch (SQLException e) {
                    throw new WorkbenchException("Reading the query result failed: " + e.getMessage(), e);
                }
            }
            return ready;
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = null;
            Object[] row = new Object[n];
            try {
                for (int i = 0; i < n; i++) {
                    Object v = rs.getObject(i + 1);
                    row[i] = v instanceof Timestamp ts ? ts.toLocalDateTime()
                            : v == null || v instanceof Number || v instanceof String || v instanceof Boolean
                            || v instanceof java.time.temporal.Temporal ? v : v.toString();
                }
            } catch (SQLException e) {
                throw new WorkbenchException("Reading the query result failed: " + e.getMessage(), e);
            }
            return row;
        }
    }
}
