package jp.ebpm.analysis.report;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import jp.ebpm.analysis.export.xlsx.CellFormat;
import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportWriter;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.QueryCursor;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Streams a query result of any size into a report sheet, row by row from the query's cursor (the rows
 * already read come first).
 */
final class LargeQuery {

    private LargeQuery() {
    }

    static long stream(ReportWriter w, QueryCursor cursor, List<Object[]> first, Object[] next, String title, Provenance p,
                       Cancellation cancel) {
        List<String> header = new ArrayList<>();
        List<CellFormat> formats = new ArrayList<>();
        for (ColumnInfo c : cursor.columns()) {
            header.add(c.name());
            formats.add(ReportBuilder.format(c.type()));
        }
        Iterator<Object[]> rows = new RowIterator(cursor, first, next);
        return w.addLargeTable(title, header, formats, rows, p, ProgressListener.NONE, cancel);
    }

    /** The rows already read, then the cursor's, with values converted for the sheet writer. */
    private static final class RowIterator implements Iterator<Object[]> {
        private final QueryCursor cursor;
        private final Iterator<Object[]> first;
        private Object[] pending;

        RowIterator(QueryCursor cursor, List<Object[]> first, Object[] next) {
            this.cursor = cursor;
            this.first = first.iterator();
            this.pending = next;
        }

        @Override
        public boolean hasNext() {
            return first.hasNext() || pending != null;
        }

        @Override
        public Object[] next() {
            Object[] row;
            if (first.hasNext()) {
                row = first.next();
            } else if (pending != null) {
                row = pending;
                pending = cursor.next();
            } else {
                throw new NoSuchElementException();
            }
            return convert(row);
        }

        private static Object[] convert(Object[] row) {
            Object[] out = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                Object v = row[i];
                out[i] = v instanceof Timestamp ts ? ts.toLocalDateTime()
                        : v == null || v instanceof Number || v instanceof String || v instanceof Boolean
                        || v instanceof java.time.temporal.Temporal ? v : v.toString();
            }
            return out;
        }
    }
}
