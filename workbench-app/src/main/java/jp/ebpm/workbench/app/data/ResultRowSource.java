package jp.ebpm.workbench.app.data;

import java.util.List;

import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.QueryResult;

/** The rows of a query result that is already in memory (at most a few thousand rows). */
public final class ResultRowSource implements RowSource {

    private final QueryResult result;

    public ResultRowSource(QueryResult result) {
        this.result = result;
    }

    @Override
    public List<ColumnInfo> columns() {
        return result.columns();
    }

    @Override
    public int rowCount() {
        return result.rowCount();
    }

    @Override
    public Object value(int row, int column) {
        return result.get(row, column);
    }

    @Override
    public void setOnRowsLoaded(Runnable listener) {
        // every row is present from the start
    }
}
