package jp.ebpm.workbench.app.importwizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import jp.ebpm.analysis.io.ImportPreview;
import jp.ebpm.analysis.store.ColumnInfo;

/**
 * The preview of an import: the first rows as text, and above each column its name and a type chooser
 * preset to the inferred type; a changed choice lands in the view model's type overrides.
 */
final class PreviewTable {

    private final TableView<List<String>> table = new TableView<>();

    PreviewTable(ImportWizardViewModel model, String placeholder) {
        table.setId("importPreview");
        table.setPlaceholder(new Label(placeholder));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(260);
        model.preview().addListener((o, a, p) -> show(model, p));
    }

    TableView<List<String>> node() {
        return table;
    }

    private void show(ImportWizardViewModel model, ImportPreview p) {
        table.getColumns().clear();
        if (p == null) {
            table.setItems(FXCollections.observableArrayList());
            return;
        }
        for (int i = 0; i < p.columns().size(); i++) {
            table.getColumns().add(column(model, p.columns().get(i), i));
        }
        table.setItems(FXCollections.observableArrayList(p.rows()));
    }

    private static TableColumn<List<String>, String> column(ImportWizardViewModel model, ColumnInfo info, int index) {
        TableColumn<List<String>, String> c = new TableColumn<>();
        c.setSortable(false);
        c.setPrefWidth(130);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(index < r.getValue().size() ? r.getValue().get(index) : ""));
        List<String> types = new ArrayList<>(ImportWizardViewModel.TYPES);
        String inferred = info.type() == null ? "VARCHAR" : info.type().toUpperCase(Locale.ROOT);
        if (!types.contains(inferred)) {
            types.add(0, inferred);
        }
        ComboBox<String> type = new ComboBox<>(FXCollections.observableArrayList(types));
        type.setValue(inferred);
        type.getStyleClass().add("column-type");
        type.valueProperty().addListener((o, a, chosen) -> model.typeOverrides().put(info.name(), chosen));
        VBox header = new VBox(2, new Label(info.name()), type);
        header.setAlignment(Pos.CENTER_LEFT);
        c.setGraphic(header);
        return c;
    }
}
