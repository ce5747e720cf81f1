package jp.ebpm.workbench.app.data;

import javafx.collections.ObservableListBase;

/**
 * The items of a {@link DataTable}: the row numbers {@code 0..size-1}, computed on demand, so a table of
 * ten million rows costs no memory for its items. Read-only.
 */
final class RowIndexList extends ObservableListBase<Integer> {

    private final int size;

    RowIndexList(int size) {
        this.size = size;
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return index;
    }

    @Override
    public int size() {
        return size;
    }
}
