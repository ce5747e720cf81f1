package jp.ebpm.workbench.app.catalog;

import java.text.NumberFormat;
import java.util.ResourceBundle;
import java.util.function.Consumer;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.workbench.app.Bundles;

/**
 * The catalog panel: a tree of the project's datasets grouped by kind; each dataset shows its name, row
 * count and a coloured sensitivity badge. Selecting a dataset opens it in the data view.
 */
public final class CatalogView {

    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>("root"));
    private final BorderPane root = new BorderPane();
    private boolean programmatic;
    private String wanted;

    /**
     * @param model  the catalog
     * @param text   the main bundle
     * @param onOpen called with a dataset's name when the user selects it
     */
    public CatalogView(CatalogViewModel model, ResourceBundle text, Consumer<String> onOpen) {
        tree.setId("catalogTree");
        tree.setShowRoot(false);
        NumberFormat counts = NumberFormat.getIntegerInstance(text.getLocale());
        tree.setCellFactory(t -> new CatalogCell(text, counts));
        model.datasets().addListener((ListChangeListener<DatasetInfo>) c -> rebuild(model));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!programmatic && item != null && item.getValue() instanceof DatasetInfo d) {
                onOpen.accept(d.name());
            }
        });
        Label placeholder = new Label(text.getString("catalog.empty"));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("hint");
        placeholder.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.datasets()));
        placeholder.setMaxWidth(220);
        Label title = new Label(text.getString("catalog.title"));
        title.getStyleClass().add("catalog-group");
        title.setPadding(new javafx.geometry.Insets(4, 6, 4, 6));
        root.setTop(title);
        root.setCenter(new javafx.scene.layout.StackPane(tree, placeholder));
        root.setMinWidth(200);
    }

    public Node node() {
        return root;
    }

    /**
     * Selects a dataset in the tree without opening it (the caller shows it). When the dataset is not in
     * the tree yet (the catalog is being reloaded), it is selected after the reload.
     */
    public void select(String name) {
        wanted = name;
        if (selectQuietly(name)) {
            wanted = null;
        }
    }

    private boolean selectQuietly(String name) {
        for (TreeItem<Object> group : tree.getRoot().getChildren()) {
            for (TreeItem<Object> item : group.getChildren()) {
                if (item.getValue() instanceof DatasetInfo d && d.name().equals(name)) {
                    group.setExpanded(true);
                    programmatic = true;
                    try {
                        tree.getSelectionModel().select(item);
                    } finally {
                        programmatic = false;
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private void rebuild(CatalogViewModel model) {
        TreeItem<Object> selected = tree.getSelectionModel().getSelectedItem();
        String previous = selected != null && selected.getValue() instanceof DatasetInfo d ? d.name() : null;
        TreeItem<Object> rootItem = new TreeItem<>("root");
        for (CatalogViewModel.Group g : CatalogViewModel.group(model.datasets())) {
            TreeItem<Object> groupItem = new TreeItem<>(g.kind());
            groupItem.setExpanded(true);
            g.datasets().forEach(d -> groupItem.getChildren().add(new TreeItem<>(d)));
            rootItem.getChildren().add(groupItem);
        }
        programmatic = true;
        try {
            tree.setRoot(rootItem);
        } finally {
            programmatic = false;
        }
        if (wanted != null && selectQuietly(wanted)) {
            wanted = null;
        } else if (previous != null) {
            selectQuietly(previous);
        }
    }

    /** Renders a kind group or a dataset (name, row count, sensitivity badge). */
    private static final class CatalogCell extends TreeCell<Object> {
        private final ResourceBundle text;
        private final NumberFormat counts;

        CatalogCell(ResourceBundle text, NumberFormat counts) {
            this.text = text;
            this.counts = counts;
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setGraphic(null);
            getStyleClass().remove("catalog-group");
            if (empty || item == null) {
                return;
            }
            if (item instanceof DatasetKind kind) {
                setText(text.getString("kind." + kind.id()));
                getStyleClass().add("catalog-group");
            } else if (item instanceof DatasetInfo d) {
                Label name = new Label(d.name());
                name.setMinWidth(Region.USE_PREF_SIZE);
                Label rows = new Label(Bundles.format(text, "catalog.rows", counts.format(d.rowCount())));
                rows.getStyleClass().add("row-count");
                Label badge = new Label(text.getString("sensitivity." + d.sensitivity().id()));
                badge.getStyleClass().addAll("badge", "badge-" + d.sensitivity().id());
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                HBox box = new HBox(6, name, rows, spacer, badge);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
            }
        }
    }
}
