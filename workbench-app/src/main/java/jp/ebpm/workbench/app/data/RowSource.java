package jp.ebpm.workbench.app.data;

import java.util.List;

import jp.ebpm.analysis.store.ColumnInfo;

/**
 * Rows shown by a {@link DataTable}: either a page-cached dataset ({@link PagedRowSource}) or a small
 * query result ({@link ResultRowSource}). Values not yet loaded are {@link #LOADING}; the source calls the
 * listener set by {@link #setOnRowsLoaded} when they arrive.
 */
public interface RowSource {

    /** Marker value of a cell whose page is still being read. */
    Object LOADING = new Object() {
        @Override
        public String toString() {
            return "…";
        }
    };

    List<ColumnInfo> columns();

    /** Number of rows. */
    int rowCount();

    /** The value of a cell, {@link #LOADING} while its rows are being read, or {@code null} for SQL NULL. */
    Object value(int row, int column);

    /** Called on the FX thread when more rows became available. */
    void setOnRowsLoaded(Runnable listener);
}
