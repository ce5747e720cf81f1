package jp.ebpm.workbench.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.stats.regression.OlsResult;
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

    private final AppContext context;
    private final ResourceBundle b;
    final RegressionViewModel vm = new RegressionViewModel();
    private final BorderPane root = new BorderPane();
    private final ListView<String> columns = new ListView<>();
    private final ListView<String> chosen = new ListView<>(vm.regressors);
    final TableView<String[]> table = new TableView<>(vm.rows);
    private final Label status = new Label();
    private final javafx.collections.ObservableList<String> datasets = Forms.list();
    private final javafx.collections.ObservableList<String> all = Forms.list();
    private final javafx.collections.ObservableList<String> numeric = Forms.list();

    RegressionPane(AppContext context) {
        this.context = context;
        this.b = context.bundle("evaluation");
        build();
        vm.dataset.addListener((o, a, d) -> refreshColumns());
    }

    Node root() {
        return root;
    }

    void refresh(Project p) {
        datasets.setAll(p == null ? List.of() : DatasetColumns.tables(p));
    }

    private void refreshColumns() {
        Project p = context.project().get();
        all.setAll(p == null ? List.of() : DatasetColumns.columns(p, vm.dataset.get()));
        numeric.setAll(p == null ? List.of() : DatasetColumns.numeric(p, vm.dataset.get()));
        columns.getItems().setAll(all);
    }

    private void build() {
        GridPane form = Forms.grid();
        Forms.row(form, b.getString("eval.dataset"), Forms.combo("evalRegDataset", datasets, vm.dataset));
        Forms.row(form, b.getString("eval.reg.outcome"), Forms.combo("evalRegOutcome", numeric, vm.outcome));
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
        VBox lists = new VBox(4, new Label(b.getString("eval.reg.columns")), columns, new Label(b.getString("eval.reg.regressors")),
                chosen, new HBox(4, factor, interaction, remove));
        form.add(lists, 0, form.getRowCount(), 2, 1);
        TextField formula = new TextField();
        formula.setId("evalRegFormula");
        formula.textProperty().bindBidirectional(vm.formula);
        Forms.row(form, b.getString("eval.reg.formula"), formula);
        ComboBox<SeType> se = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(SeType.values()));
        se.setId("evalRegSe");
        se.valueProperty().bindBidirectional(vm.seType);
        Forms.row(form, b.getString("eval.reg.se"), se);
        Forms.row(form, b.getString("eval.reg.cluster"), Forms.combo("evalRegCluster", all, vm.cluster));
        Forms.row(form, b.getString("eval.reg.weight"), Forms.combo("evalRegWeight", numeric, vm.weight));
        CheckBox intercept = new CheckBox(b.getString("eval.reg.intercept"));
        intercept.setId("evalRegIntercept");
        intercept.selectedProperty().bindBidirectional(vm.intercept);
        form.add(intercept, 1, form.getRowCount());
        Button run = new Button(b.getString("eval.run"));
        run.setId("evalRegRun");
        run.setDefaultButton(false);
        run.setOnAction(e -> run());
        form.add(run, 1, form.getRowCount());

        table.setId("evalRegTable");
        TableColumn<String[], String> term = new TableColumn<>("");
        term.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()[0]));
        term.setPrefWidth(220);
        TableColumn<String[], String> model = new TableColumn<>("(1)");
        model.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()[1]));
        model.setPrefWidth(180);
        model.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(term);
        table.getColumns().add(model);
        Button copy = new Button(b.getString("eval.copy"));
        copy.setId("evalRegCopy");
        copy.setOnAction(e -> {
            ClipboardContent cc = new ClipboardContent();
            cc.putString(vm.clipboardText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(cc);
        });
        Button export = new Button(b.getString("eval.export"));
        export.setId("evalRegExport");
        export.setOnAction(e -> {
            Path out = Forms.saveXlsx(context.owner(), "regression.xlsx");
            if (out != null) {
                exportTo(out);
            }
        });
        copy.disableProperty().bind(vm.result.isNull());
        export.disableProperty().bind(vm.result.isNull());
        Label legend = new Label(b.getString("eval.reg.legend"));
        Label notes = new Label();
        notes.setId("evalRegNotes");
        notes.setWrapText(true);
        notes.textProperty().bind(vm.notes);
        VBox right = new VBox(6, new HBox(6, copy, export), table, legend, notes);
        right.setPadding(new Insets(8));
        javafx.scene.control.ScrollPane left = new javafx.scene.control.ScrollPane(form);
        left.setFitToWidth(true);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.42);
        root.setCenter(split);
        status.setId("evalRegStatus");
        status.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(status);
    }

    private void add(String column) {
        Project p = context.project().get();
        if (column == null || p == null) {
            return;
        }
        vm.addRegressor(column, !numeric.contains(column));
    }

    /** Fits the model in the background. */
    void run() {
        Project p = context.project().get();
        RegressionSpec s;
        try {
            s = vm.spec();
        } catch (IllegalArgumentException e) {
            status.setText(Forms.missing(b, e));
            return;
        }
        status.setText(b.getString("eval.running"));
        context.tasks().run(b.getString("eval.reg.task"), (progress, cancel) -> RegressionViewModel.fit(p, s, progress, cancel),
                r -> {
                    vm.accept(r);
                    status.setText(String.format(b.getString("eval.reg.done"), r.n(), r.droppedMissing()));
                });
    }

    /** Writes the Excel report in the background. */
    void exportTo(Path out) {
        Project p = context.project().get();
        OlsResult r = vm.result.get();
        SeType t = vm.seType.get();
        String author = System.getProperty("user.name", "");
        context.tasks().run(b.getString("eval.exporting"), (progress, cancel) -> {
            EvaluationReports.regression(r, t, EvaluationReports.info(b.getString("eval.reg.report"), author),
                    EvaluationReports.provenance(p, List.of(r.dataset()), "", r.weight() == null ? "" : r.weight(), author), out);
            return out;
        }, o -> status.setText(String.format(b.getString("eval.exported"), o.getFileName())));
    }
}
