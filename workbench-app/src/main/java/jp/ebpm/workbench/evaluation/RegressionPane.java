package jp.ebpm.workbench.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import jp.ebpm.analysis.evaluation.EvaluationOutput;
import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.stats.regression.RegressionSpec;
import jp.ebpm.analysis.stats.regression.SeType;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;

/**
 * The regression sub-tab: columns are dragged (or double-clicked) from the dataset's column list into the
 * regressors list (as in the cross-tab builder), where "factor" switches a regressor to categorical and
 * "interaction" adds a:b of two selected; the formula they make can be edited. The result is a journal-style
 * table: coefficient with stars over its standard error in brackets; copy and export.
 */
final class RegressionPane {

    final RegressionViewModel vm;
    private final SubTab<RegressionViewModel.Fit> tab;
    private final ResourceBundle b;
    private final ListView<String> columns = new ListView<>();
    private final ListView<String> chosen;
    final TableView<String[]> table;

    RegressionPane(AppContext context) {
        this.b = context.bundle("evaluation");
        this.vm = new RegressionViewModel(d -> DatasetColumns.infos(context.project().get(), d));
        this.tab = new SubTab<>(context, "Reg", vm.result, vm.dataset, (p, tables) -> vm.suggest(tables));
        this.chosen = new ListView<>(vm.regressors);
        this.table = new TableView<>(vm.rows);
        build();
        tab.all.addListener((javafx.collections.ListChangeListener<String>) c -> columns.getItems().setAll(tab.all));
    }

    SubTab<RegressionViewModel.Fit> tab() {
        return tab;
    }

    private void build() {
        tab.choice("eval.dataset", "evalRegDataset", tab.datasets, vm.dataset);
        tab.choice("eval.reg.outcome", "evalRegOutcome", tab.numeric, vm.outcome);
        columns.setId("evalRegColumns");
        columns.setPrefHeight(160);
        chosen.setId("evalRegChosen");
        chosen.setPrefHeight(120);
        chosen.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        // drag a column onto the regressors (a text column becomes factor(col), as R treats it)
        columns.setOnDragDetected(e -> {
            String c = columns.getSelectionModel().getSelectedItem();
            if (c != null) {
                ClipboardContent cc = new ClipboardContent();
                cc.putString(c);
                columns.startDragAndDrop(TransferMode.COPY).setContent(cc);
            }
            e.consume();
        });
        chosen.setOnDragOver(e -> {
            if (e.getGestureSource() == columns && e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        chosen.setOnDragDropped(e -> {
            add(e.getDragboard().getString());
            e.setDropCompleted(true);
            e.consume();
        });
        columns.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                add(columns.getSelectionModel().getSelectedItem());
            }
        });
        Button factor = new Button(b.getString("eval.reg.factor"));
        factor.setId("evalRegFactor");
        factor.setOnAction(e -> vm.toggleFactor(chosen.getSelectionModel().getSelectedItem()));
        Button interaction = new Button(b.getString("eval.reg.interaction"));
        interaction.setId("evalRegInteraction");
        interaction.setOnAction(e -> {
            var sel = chosen.getSelectionModel().getSelectedItems();
            if (sel.size() == 2) {
                vm.addInteraction(sel.get(0), sel.get(1));
            }
        });
        Button remove = new Button(b.getString("eval.reg.remove"));
        remove.setId("evalRegRemove");
        remove.setOnAction(e -> vm.regressors.removeAll(List.copyOf(chosen.getSelectionModel().getSelectedItems())));
        javafx.scene.layout.FlowPane edit = new javafx.scene.layout.FlowPane(4, 4, factor, interaction, remove);
        VBox lists = new VBox(4, new Label(b.getString("eval.reg.columns")), columns, new Label(b.getString("eval.reg.regressors")),
                chosen, edit);
        tab.form.add(lists, 0, tab.form.getRowCount(), 2, 1);
        // the whole formula in view (wrapped); a line break typed or pasted becomes a space
        TextArea formula = new TextArea();
        formula.setId("evalRegFormula");
        formula.setWrapText(true);
        formula.setPrefRowCount(2);
        formula.setPrefColumnCount(16);
        formula.setTextFormatter(new javafx.scene.control.TextFormatter<String>(c -> {
            c.setText(c.getText().replaceAll("[\\r\\n]+", " "));
            return c;
        }));
        formula.textProperty().bindBidirectional(vm.formula);
        tab.row("eval.reg.formula", formula);
        ComboBox<SeType> se = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(SeType.values()));
        se.setId("evalRegSe");
        se.valueProperty().bindBidirectional(vm.seType);
        tab.row("eval.reg.se", se);
        tab.choice("eval.reg.cluster", "evalRegCluster", tab.all, vm.cluster);
        tab.choice("eval.reg.weight", "evalRegWeight", tab.numeric, vm.weight);
        CheckBox intercept = new CheckBox(b.getString("eval.reg.intercept"));
        intercept.setId("evalRegIntercept");
        intercept.selectedProperty().bindBidirectional(vm.intercept);
        tab.form.add(intercept, 1, tab.form.getRowCount());
        tab.form.add(tab.runButton(this::run), 1, tab.form.getRowCount());

        table.setId("evalRegTable");
        tab.placeholder(table);
        SubTab.fill(table);
        // the columns appear with a model: no empty "(1)" header before one is fitted
        TableColumn<String[], String> term = new TableColumn<>("");
        term.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()[0]));
        term.setPrefWidth(220);
        TableColumn<String[], String> model = new TableColumn<>();
        model.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()[1]));
        model.setPrefWidth(200);
        model.setStyle("-fx-alignment: CENTER-RIGHT;");
        vm.result.shown().addListener((o, a, f) -> {
            if (f == null) {
                table.getColumns().clear();
            } else {
                model.setText(RegressionViewModel.dependent(f.result()));
                if (table.getColumns().isEmpty()) {
                    table.getColumns().setAll(List.of(term, model));
                }
            }
        });
        Button copy = new Button(b.getString("eval.copy"));
        copy.setId("evalRegCopy");
        copy.setOnAction(e -> {
            ClipboardContent cc = new ClipboardContent();
            cc.putString(vm.clipboardText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(cc);
        });
        copy.disableProperty().bind(vm.result.outputDisabled());
        Label legend = new Label(b.getString("eval.reg.legend"));
        legend.setWrapText(true);
        Label notes = new Label();
        notes.setId("evalRegNotes");
        notes.setWrapText(true);
        notes.textProperty().bind(vm.notes);
        VBox right = new VBox(6, new HBox(6, copy, tab.exportButton(f -> EvaluationOutput.fileName(f.result(), "xlsx"), this::report)), table, legend, notes);
        right.setPadding(new Insets(8));
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        tab.layout(right);
    }

    private void add(String column) {
        if (column == null || tab.project() == null) {
            return;
        }
        vm.addRegressor(column, !tab.numeric.contains(column));
    }

    /** Fits the model in the background; it replaces the one on screen unless a newer fit started meanwhile. */
    Task<RegressionViewModel.Fit> run() {
        Project p = tab.project();
        SeType se = vm.seType.get();
        return tab.compute(vm::spec, b.getString("eval.reg.task"),
                (RegressionSpec s) -> (progress, cancel) -> RegressionViewModel.fit(p, s, se, progress, cancel),
                f -> tab.status.setText(String.format(b.getString("eval.reg.done"), f.result().n(), f.result().droppedMissing())));
    }

    /** Writes the model on screen as an Excel report in the background; null while a new model is fitted. */
    Task<Path> exportTo(Path out) {
        return tab.export(out, this::report);
    }

    private void report(Project p, RegressionViewModel.Fit f, SubTab.Cover cover, Path out) {
        EvaluationReports.regression(f.result(), f.se(), cover.info(b.getString("eval.reg.report")),
                cover.provenance(p, List.of(f.result().dataset()), f.result().weight()), out);
    }
}
