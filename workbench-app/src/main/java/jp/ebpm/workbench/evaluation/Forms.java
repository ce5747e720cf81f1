package jp.ebpm.workbench.evaluation;

import java.util.ResourceBundle;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** Small builders the evaluation views share: labelled choosers in a form grid, messages. */
final class Forms {

    private Forms() {
    }

    /** A combo box bound both ways to a property, with an id. */
    static ComboBox<String> combo(String id, ObservableList<String> items, ObjectProperty<String> value) {
        ComboBox<String> c = new ComboBox<>(items);
        c.setId(id);
        c.setMaxWidth(Double.MAX_VALUE);
        c.valueProperty().bindBidirectional(value);
        return c;
    }

    /** Adds "label: control" as the next row of a form grid. */
    static void row(GridPane grid, String label, javafx.scene.Node control) {
        int r = grid.getRowCount();
        grid.add(new Label(label), 0, r);
        grid.add(control, 1, r);
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.setPadding(new javafx.geometry.Insets(8));
        return g;
    }

    /** The message for a missing choice (IllegalArgumentException from a view model's spec()). */
    static String missing(ResourceBundle b, IllegalArgumentException e) {
        String key = "eval.missing." + e.getMessage();
        return b.containsKey(key) ? b.getString(key) : e.getMessage();
    }
}
