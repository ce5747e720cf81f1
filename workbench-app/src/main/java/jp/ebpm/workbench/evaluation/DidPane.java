package jp.ebpm.workbench.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;

import jp.ebpm.analysis.evaluation.DidResult;
import jp.ebpm.analysis.evaluation.DiffInDiff;
import jp.ebpm.analysis.evaluation.EvaluationCharts;
import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.stats.regression.RegressionTable;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;

/** The difference-in-differences sub-tab: the panel's columns, the effect with its interval, the pre-trend chart and the event study. */
final class DidPane {

    private final AppContext context;
    private final ResourceBundle b;
    final DidViewModel vm = new DidViewModel();
    private final BorderPane root = new BorderPane();
    final ChartViewer chart = new ChartViewer();
    final TableView<DidResult.EventTime> events = new TableView<>();
    private final Label status = new Label();
    private final javafx.collections.ObservableList<String> datasets = Forms.list();
    private final javafx.collections.ObservableList<String> all = Forms.list();
    private final javafx.collections.ObservableList<String> numeric = Forms.list();

    DidPane(AppContext context) {
        this.context = context;
        this.b = context.bundle("evaluation");
        build();
        vm.dataset.addListener((o, a, d) -> {
            Project p = context.project().get();
            all.setAll(p == null ? List.of() : DatasetColumns.columns(p, d));
            numeric.setAll(p == null ? List.of() : DatasetColumns.numeric(p, d));
        });
    }

    Node root() {
        return root;
    }

    void refresh(Project p) {
        datasets.setAll(p == null ? List.of() : DatasetColumns.tables(p));
    }

    private void build() {
        GridPane form = Forms.grid();
        Forms.row(form, b.getString("eval.dataset"), Forms.combo("evalDidDataset", datasets, vm.dataset));
        Forms.row(form, b.getString("eval.did.outcome"), Forms.combo("evalDidOutcome", numeric, vm.outcome));
        Forms.row(form, b.getString("eval.did.unit"), Forms.combo("evalDidUnit", all, vm.unit));
        Forms.row(form, b.getString("eval.did.period"), Forms.combo("evalDidPeriod", all, vm.period));
        Forms.row(form, b.getString("eval.did.treated"), Forms.combo("evalDidTreated", numeric, vm.treated));
        TextField start = new TextField();
        start.setId("evalDidStart");
        start.setPromptText(b.getString("eval.did.start.prompt"));
        start.textProperty().bindBidirectional(vm.start);
        Forms.row(form, b.getString("eval.did.start"), start);
        CheckBox fe = new CheckBox(b.getString("eval.did.fe"));
        fe.setId("evalDidFe");
        fe.selectedProperty().bindBidirectional(vm.fixedEffects);
        form.add(fe, 1, form.getRowCount());
        Button run = new Button(b.getString("eval.run"));
        run.setId("evalDidRun");
        run.setOnAction(e -> run());
        Button export = new Button(b.getString("eval.export"));
        export.setId("evalDidExport");
        export.disableProperty().bind(vm.result.isNull());
        export.setOnAction(e -> {
            Path out = Forms.saveXlsx(context.owner(), "did.xlsx");
            if (out != null) {
                exportTo(out);
            }
        });
        form.add(new javafx.scene.layout.HBox(6, run, export), 1, form.getRowCount());
        Label help = new Label(b.getString("eval.did.help"));
        help.setWrapText(true);
        help.setMaxWidth(320);
        form.add(help, 0, form.getRowCount(), 2, 1);

        Label summary = new Label();
        summary.setId("evalDidSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summary);
        summary.setStyle("-fx-font-weight: bold;");
        chart.setId("evalDidChart");
        chart.setPrefSize(560, 320);
        events.setId("evalDidEvents");
        events.setPrefHeight(160);
        events.getColumns().add(col(b.getString("eval.did.col.relative"), e -> Integer.toString(e.relative())));
        events.getColumns().add(col(b.getString("eval.did.col.coef"), e -> e.relative() == -1 ? "0 (" + b.getString("eval.did.reference") + ")"
                : RegressionTable.format(e.coef()) + RegressionTable.stars(e.p())));
        events.getColumns().add(col(b.getString("eval.did.col.ci"), e -> e.relative() == -1 ? ""
                : "[" + RegressionTable.format(e.ciLow()) + ", " + RegressionTable.format(e.ciHigh()) + "]"));
        events.getColumns().add(col("n", e -> Integer.toString(e.n())));
        Label notes = new Label();
        notes.setId("evalDidNotes");
        notes.setWrapText(true);
        vm.result.addListener((o, a, r) -> notes.setText(r == null ? "" : String.join("\n", r.notes())));
        VBox right = new VBox(6, summary, chart, new Label(b.getString("eval.did.events")), events, notes);
        right.setPadding(new Insets(8));
        VBox.setVgrow(chart, Priority.ALWAYS);
        javafx.scene.control.ScrollPane left = new javafx.scene.control.ScrollPane(form);
        left.setFitToWidth(true);
        SplitPane split = new SplitPane(left, new javafx.scene.control.ScrollPane(right));
        split.setDividerPositions(0.34);
        root.setCenter(split);
        status.setId("evalDidStatus");
        status.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(status);
    }

    private static TableColumn<DidResult.EventTime, String> col(String title, java.util.function.Function<DidResult.EventTime, String> f) {
        TableColumn<DidResult.EventTime, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(120);
        return c;
    }

    /** Estimates in the background. */
    void run() {
        Project p = context.project().get();
        jp.ebpm.analysis.evaluation.PanelSpec s;
        try {
            s = vm.spec();
        } catch (IllegalArgumentException e) {
            status.setText(Forms.missing(b, e));
            return;
        }
        status.setText(b.getString("eval.running"));
        String treatedLabel = b.getString("eval.did.treatedGroup");
        String controlLabel = b.getString("eval.did.controlGroup");
        context.tasks().run(b.getString("eval.did.task"), (progress, cancel) -> {
            DidResult r = DiffInDiff.estimate(p, s, progress, cancel);
            return new Object[] {r, EvaluationCharts.trends(r, b.getString("eval.did.chart"), treatedLabel, controlLabel, s.period())};
        }, res -> {
            DidResult r = (DidResult) res[0];
            chart.setChart((org.jfree.chart.JFreeChart) res[1]);
            events.getItems().setAll(r.eventStudy());
            vm.accept(r, b.getString("eval.did.summary"));
            status.setText(String.format(b.getString("eval.did.done"), r.n(), r.units(), r.treatedUnits()));
        });
    }

    void exportTo(Path out) {
        Project p = context.project().get();
        DidResult r = vm.result.get();
        String author = System.getProperty("user.name", "");
        context.tasks().run(b.getString("eval.exporting"), (progress, cancel) -> {
            EvaluationReports.did(r, EvaluationReports.info(b.getString("eval.did.report"), author),
                    EvaluationReports.provenance(p, List.of(vm.dataset.get()), "", "", author), out);
            return out;
        }, o -> status.setText(String.format(b.getString("eval.exported"), o.getFileName())));
    }
}
