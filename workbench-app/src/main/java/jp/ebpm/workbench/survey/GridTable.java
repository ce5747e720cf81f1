package jp.ebpm.workbench.survey;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Shows a {@link CrossTabGrid.Grid} in a {@code TableView<List<String>>}: one column per header cell, NET
 * rows on a tinted bold background, missing-value rows in grey italics, title and base rows in bold, and
 * per-cell tooltips (Wilson intervals).
 */
final class GridTable {

    private static final String GRID_KEY = "ebpm.grid";
    private static final double FIRST_COLUMN_MAX = 320;
    private static final int LONG_LABEL = 24;

    private GridTable() {
    }

    /** A result table with the row styling installed. */
    static TableView<List<String>> create(String id) {
        TableView<List<String>> table = new TableView<>();
        table.setId(id);
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(List<String> item, boolean empty) {
                super.updateItem(item, empty);
                CrossTabGrid.Row row = empty ? null : rowAt(tv, getIndex());
                setStyle(row == null ? "" : style(row.kind()));
            }
        });
        return table;
    }

    /** Replaces columns and rows with the grid's. */
    static void show(TableView<List<String>> table, CrossTabGrid.Grid grid) {
        table.getProperties().put(GRID_KEY, grid);
        table.getColumns().clear();
        for (int c = 0; c < grid.header().size(); c++) {
            int k = c;
            TableColumn<List<String>, String> col = new TableColumn<>(grid.header().get(c));
            col.setCellValueFactory(cd -> new ReadOnlyStringWrapper(k < cd.getValue().size() ? cd.getValue().get(k) : ""));
            col.setSortable(false);
            if (c == 0) {
                // long labels (question texts of Likert items) must not push the figures out of view
                col.setMaxWidth(FIRST_COLUMN_MAX);
            }
            col.setCellFactory(tc -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    CrossTabGrid.Row row = empty ? null : rowAt(getTableView(), getIndex());
                    String tip = row == null || k >= row.tips().size() ? "" : row.tips().get(k);
                    if (tip.isEmpty() && k == 0 && item != null && item.length() > LONG_LABEL) {
                        tip = item;
                    }
                    setTooltip(tip.isEmpty() ? null : new Tooltip(tip));
                }
            });
            table.getColumns().add(col);
        }
        table.setItems(FXCollections.observableArrayList(grid.cells()));
    }

    /** Removes everything. */
    static void clear(TableView<List<String>> table) {
        table.getProperties().remove(GRID_KEY);
        table.getColumns().clear();
        table.getItems().clear();
    }

    /** The grid row shown at this index, or null. */
    static CrossTabGrid.Row rowAt(TableView<List<String>> table, int index) {
        Object g = table.getProperties().get(GRID_KEY);
        if (!(g instanceof CrossTabGrid.Grid grid) || index < 0 || index >= grid.rows().size()) {
            return null;
        }
        return grid.rows().get(index);
    }

    /** The grid shown, or null. */
    static CrossTabGrid.Grid grid(TableView<List<String>> table) {
        return table.getProperties().get(GRID_KEY) instanceof CrossTabGrid.Grid g ? g : null;
    }

    private static String style(CrossTabGrid.Kind kind) {
        return switch (kind) {
            case NET -> "-fx-font-weight: bold; -fx-background-color: #e8f0fb;";
            case MISSING -> "-fx-font-style: italic; -fx-opacity: 0.7;";
            case TITLE -> "-fx-font-weight: bold; -fx-background-color: #f0f0f0;";
            case MEAN -> "-fx-background-color: #f7f3e8;";
            case BASE -> "-fx-font-weight: bold;";
            default -> "";
        };
    }
}
