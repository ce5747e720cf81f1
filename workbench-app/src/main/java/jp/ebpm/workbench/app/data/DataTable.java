package jp.ebpm.workbench.app.data;

import java.util.Locale;
import java.util.Set;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import jp.ebpm.analysis.store.ColumnInfo;

/**
 * The table component shared by the data view and the SQL console: a virtualized {@link TableView} whose
 * items are row numbers; each visible cell asks its {@link RowSource} for the value, and the table
 * repaints its visible cells when the source reports new rows. Read-only, not sortable (sorting belongs in
 * SQL, where it runs on the whole table).
 */
public final class DataTable {

    private static final Set<String> NUMERIC = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "FLOAT", "DOUBLE", "REAL", "DECIMAL");

    private final TableView<Integer> table = new TableView<>();
    private RowSource source;

    public DataTable(String id) {
        table.setId(id);
        table.setFixedCellSize(24);
        table.setEditable(false);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    public TableView<Integer> node() {
        return table;
    }

    public RowSource source() {
        return source;
    }

    /** Shows the text when there are no rows (e.g. "no dataset selected"). */
    public void setPlaceholder(String text) {
        table.setPlaceholder(new Label(text));
    }

    /** Shows other rows; {@code null} empties the table. */
    public void setSource(RowSource newSource) {
        if (source != null) {
            source.setOnRowsLoaded(() -> { });
        }
        source = newSource;
        table.getColumns().clear();
        if (newSource == null) {
            table.setItems(FXCollections.observableArrayList());
            return;
        }
        table.getColumns().add(rowNumberColumn(newSource.rowCount()));
        for (int i = 0; i < newSource.columns().size(); i++) {
            table.getColumns().add(valueColumn(newSource, i));
        }
        table.setItems(new RowIndexList(newSource.rowCount()));
        newSource.setOnRowsLoaded(() -> {
            if (source == newSource) {
                table.refresh();
            }
        });
        table.scrollTo(0);
    }

    private static TableColumn<Integer, Object> rowNumberColumn(int rows) {
        TableColumn<Integer, Object> c = new TableColumn<>("#");
        c.setSortable(false);
        c.setPrefWidth(Math.max(40, String.valueOf(rows).length() * 8.5 + 20));
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue() + 1));
        c.setCellFactory(col -> new ValueCell(true));
        c.getStyleClass().add("row-number");
        return c;
    }

    private static TableColumn<Integer, Object> valueColumn(RowSource src, int index) {
        ColumnInfo info = src.columns().get(index);
        TableColumn<Integer, Object> c = new TableColumn<>(info.name());
        c.setSortable(false);
        c.setPrefWidth(preferredWidth(src, index));
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(src.value(p.getValue(), index)));
        boolean numeric = NUMERIC.contains(baseType(info.type()));
        c.setCellFactory(col -> new ValueCell(numeric));
        return c;
    }

    /** Rows looked at to size a column (the first page is already in memory when a table opens). */
    private static final int SIZING_ROWS = 50;

    /** A width that fits the header and the first rows' values, between 60 and 400 pixels. */
    static double preferredWidth(RowSource src, int column) {
        int chars = displayWidth(src.columns().get(column).name()) + 2;
        if (NUMERIC.contains(baseType(src.columns().get(column).type()))) {
            // Numbers further down (ids, counts) tend to grow with the row count.
            chars = Math.max(chars, String.valueOf(src.rowCount()).length() + 1);
        }
        for (int r = 0; r < Math.min(SIZING_ROWS, src.rowCount()); r++) {
            Object v = src.value(r, column);
            if (v != null && v != RowSource.LOADING) {
                chars = Math.max(chars, displayWidth(text(v)));
            }
        }
        return Math.max(60, Math.min(400, chars * 8.5 + 24));
    }

    /** Text width in half-width character units: CJK and other wide characters count twice (one library rule). */
    static int displayWidth(String s) {
        return jp.ebpm.analysis.export.DisplayWidth.of(s);
    }

    private static String baseType(String type) {
        String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
        int paren = t.indexOf('(');
        return paren < 0 ? t : t.substring(0, paren);
    }

    /** Formats one value: NULL in grey italics, loading cells as an ellipsis, numbers to the right. */
    private static final class ValueCell extends TableCell<Integer, Object> {

        ValueCell(boolean numeric) {
            setAlignment(numeric ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("loading-cell", "null-cell");
            if (empty) {
                setText(null);
            } else if (item == RowSource.LOADING) {
                setText("…");
                getStyleClass().add("loading-cell");
            } else if (item == null) {
                setText("NULL");
                getStyleClass().add("null-cell");
            } else {
                setText(text(item));
            }
        }
    }

    /** The text of a value: geometries (WKB) as a short WKT or "(polygon, 35 vertices)", others as they are. */
    static String text(Object value) {
        return jp.ebpm.analysis.gis.GeometryText.describe(value);
    }
}
