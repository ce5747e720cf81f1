package jp.ebpm.workbench.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;

import jp.ebpm.analysis.survey.Codebook;

/**
 * The dataset's variables as a list (name, then the codebook's question text when there is one). Items
 * can be dragged onto drop targets (the rows / columns / layer / weight boxes), assigned through the
 * context menu, or double-clicked (rows first, then columns).
 */
final class VariableList {

    /** A named target a variable can be assigned to. */
    record Target(String title, ComboBox<String> box) {
    }

    private final ListView<String> list = new ListView<>();
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private Codebook codebook = Codebook.empty();

    VariableList(ResourceBundle text) {
        list.setId("variables");
        list.setPlaceholder(new javafx.scene.control.Label(text.getString("survey.variables.empty")));
        list.setCellFactory(lv -> {
            ListCell<String> cell = new ListCell<>() {
                @Override
                protected void updateItem(String name, boolean empty) {
                    super.updateItem(name, empty);
                    if (empty || name == null) {
                        setText(null);
                        setTooltip(null);
                        setContextMenu(null);
                        return;
                    }
                    String q = question(name);
                    setText(q == null ? name : name + "  " + q);
                    setTooltip(q == null ? null : new Tooltip(q));
                    setContextMenu(menu(name));
                }
            };
            cell.setOnDragDetected(e -> {
                if (cell.getItem() == null) {
                    return;
                }
                Dragboard db = cell.startDragAndDrop(TransferMode.COPY);
                ClipboardContent content = new ClipboardContent();
                content.putString(cell.getItem());
                db.setContent(content);
                e.consume();
            });
            cell.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && cell.getItem() != null) {
                    assignDefault(cell.getItem());
                }
            });
            return cell;
        });
    }

    ListView<String> node() {
        return list;
    }

    /** Adds a target: the node accepts dropped variables and sets the box; the context menu offers it. */
    void addTarget(String title, ComboBox<String> box, Node dropArea) {
        targets.put(box.getId(), new Target(title, box));
        dropArea.setOnDragOver(e -> {
            if (e.getGestureSource() != dropArea && e.getDragboard().hasString() && accepts(box, e.getDragboard().getString())) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        dropArea.setOnDragEntered(e -> {
            if (e.getDragboard().hasString() && accepts(box, e.getDragboard().getString())) {
                dropArea.setStyle("-fx-background-color: #dbe8fb; -fx-background-radius: 4;");
            }
        });
        dropArea.setOnDragExited(e -> dropArea.setStyle(""));
        dropArea.setOnDragDropped(e -> handleDrop(e, box));
    }

    private static void handleDrop(DragEvent e, ComboBox<String> box) {
        Dragboard db = e.getDragboard();
        e.setDropCompleted(db.hasString() && drop(box, db.getString()));
        e.consume();
    }

    /** Shows these columns. */
    void setColumns(List<String> columns) {
        list.setItems(FXCollections.observableArrayList(columns));
    }

    /** Uses this codebook for the question texts. */
    void setCodebook(Codebook cb) {
        this.codebook = cb == null ? Codebook.empty() : cb;
        list.refresh();
    }

    /** The codebook question of a column, or null. */
    String question(String name) {
        return codebook.variable(name).map(Codebook.Variable::question).filter(q -> !q.isBlank()).orElse(null);
    }

    /** True when the box offers this variable. */
    static boolean accepts(ComboBox<String> box, String variable) {
        return variable != null && !box.isDisabled() && box.getItems().contains(variable);
    }

    /**
     * What a drop does: sets the box to the variable when it offers it; returns whether it did. The drag
     * handler and the menu call this.
     */
    static boolean drop(ComboBox<String> box, String variable) {
        if (!accepts(box, variable)) {
            return false;
        }
        box.getSelectionModel().select(variable);
        return true;
    }

    /** Double-click: the first empty target of rows and columns, else rows. */
    boolean assignDefault(String variable) {
        Target rows = targets.get("rows");
        Target cols = targets.get("cols");
        if (rows != null && rows.box().getValue() == null) {
            return drop(rows.box(), variable);
        }
        if (cols != null && cols.box().getValue() == null) {
            return drop(cols.box(), variable);
        }
        return rows != null && drop(rows.box(), variable);
    }

    private ContextMenu menu(String name) {
        ContextMenu m = new ContextMenu();
        for (Target t : targets.values()) {
            if (t.box().getScene() == null) {
                continue;
            }
            MenuItem item = new MenuItem(t.title());
            item.setId("assign-" + t.box().getId());
            item.setOnAction(e -> drop(t.box(), name));
            item.setDisable(!accepts(t.box(), name));
            m.getItems().add(item);
        }
        return m;
    }
}
