package jp.ebpm.workbench.app;

import java.util.ResourceBundle;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/**
 * The text an empty table shows, in the UI language: JavaFX's own ("No columns in table", "No content in table") is
 * English only.
 */
public final class Placeholders {

    private Placeholders() {
    }

    /** Sets the placeholder of an empty result table ("no result yet; run …" in the UI language). */
    public static <T> TableView<T> empty(TableView<T> table, ResourceBundle main) {
        Label l = new Label(main.getString("table.empty"));
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        table.setPlaceholder(l);
        return table;
    }
}
