package jp.ebpm.workbench.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;

import jp.ebpm.analysis.evaluation.EvaluationOutput;
import jp.ebpm.analysis.evaluation.DidResult;
import jp.ebpm.analysis.evaluation.DiffInDiff;
import jp.ebpm.analysis.evaluation.EvaluationCharts;
import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.evaluation.PanelSpec;
import jp.ebpm.analysis.stats.regression.RegressionTable;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;

/** The difference-in-differences sub-tab: the panel's columns, the effect with its interval, the pre-trend chart and the event study. */
final class DidPane {

    final DidViewModel vm;
    private final SubTab<DidViewModel.Shown> tab;
    private final ResourceBundle b;
    final ChartViewer chart = new ChartViewer();
    final TableView<DidResult.EventTime> events = new TableView<>();

    DidPane(AppContext context) {
        this.b = context.bundle("evaluation");
        this.vm = new DidViewModel(d -> DatasetColumns.infos(context.project().get(), d), b.getString("eval.did.summary"));
        this.tab = new SubTab<>(context, "Did", vm.result, vm.dataset, (p, tables) -> vm.suggest(tables));
        build();
    }

    SubTab<DidViewModel.Shown> tab() {
        return tab;
    }

    private void build() {
        tab.choice("eval.dataset", "evalDidDataset", tab.datasets, vm.dataset);
        tab.choice("eval.did.outcome", "evalDidOutcome", tab.numeric, vm.outcome);
        tab.choice("eval.did.unit", "evalDidUnit", tab.all, vm.unit);
        tab.choice("eval.did.period", "evalDidPeriod", tab.all, vm.period);
        tab.choice("eval.did.treated", "evalDidTreated", tab.numeric, vm.treated);
        tab.text("eval.did.start", "evalDidStart", b.getString("eval.did.start.prompt"), vm.start);
        CheckBox fe = new CheckBox(b.getString("eval.did.fe"));
        fe.setId("evalDidFe");
        fe.setWrapText(true);
        fe.selectedProperty().bindBidirectional(vm.fixedEffects);
        tab.form.add(fe, 1, tab.form.getRowCount());
        tab.form.add(new HBox(6, tab.runButton(this::run), tab.exportButton(s -> EvaluationOutput.fileName(s.result(), "xlsx"), this::report)), 1, tab.form.getRowCount());
        Label help = new Label(b.getString("eval.did.help"));
        help.setWrapText(true);
        help.setMaxWidth(320);
        tab.form.add(help, 0, tab.form.getRowCount(), 2, 1);

        Label summary = new Label();
        summary.setId("evalDidSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summary);
        summary.setStyle("-fx-font-weight: bold;");
        chart.setId("evalDidChart");
        chart.setPrefSize(560, 320);
        chart.setVisible(false);
        events.setId("evalDidEvents");
        events.setPrefHeight(160);
        tab.placeholder(events);
        SubTab.fill(events);
        events.getColumns().add(col(b.getString("eval.did.col.relative"), e -> Integer.toString(e.relative())));
        events.getColumns().add(col(b.getString("eval.did.col.coef"), e -> e.relative() == -1 ? "0 (" + b.getString("eval.did.reference") + ")"
                : RegressionTable.format(e.coef()) + RegressionTable.stars(e.p())));
        events.getColumns().add(col(b.getString("eval.did.col.ci"), e -> e.relative() == -1 ? ""
                : "[" + RegressionTable.format(e.ciLow()) + ", " + RegressionTable.format(e.ciHigh()) + "]"));
        events.getColumns().add(col("n", e -> Integer.toString(e.n())));
        Label notes = new Label();
        notes.setId("evalDidNotes");
        notes.setWrapText(true);
        vm.result.shown().addListener((o, a, s) -> {
            chart.setVisible(s != null); // a viewer cannot be emptied: hidden with no estimate
            if (s != null) {
                chart.setChart(s.chart());
            }
            events.getItems().setAll(s == null ? List.of() : s.result().eventStudy());
            notes.setText(s == null ? "" : String.join("\n", s.result().notes()));
        });
        Label eventsTitle = new Label(b.getString("eval.did.events"));
        eventsTitle.setWrapText(true);
        VBox right = new VBox(6, summary, chart, eventsTitle, events, notes);
        right.setPadding(new Insets(8));
        VBox.setVgrow(chart, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        tab.layout(scroll);
    }

    private static TableColumn<DidResult.EventTime, String> col(String title, java.util.function.Function<DidResult.EventTime, String> f) {
        TableColumn<DidResult.EventTime, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(title.equals("n") ? 50 : 150);
        return c;
    }

    /** Estimates in the background; the estimate replaces the one on screen unless a newer run started meanwhile. */
    Task<DidViewModel.Shown> run() {
        Project p = tab.project();
        String dataset = vm.dataset.get();
        String title = b.getString("eval.did.chart");
        String treatedLabel = b.getString("eval.did.treatedGroup");
        String controlLabel = b.getString("eval.did.controlGroup");
        return tab.compute(vm::spec, b.getString("eval.did.task"), (PanelSpec s) -> (progress, cancel) -> {
            DidResult r = DiffInDiff.estimate(p, s, progress, cancel);
            return new DidViewModel.Shown(dataset, r, EvaluationCharts.trends(r, title, treatedLabel, controlLabel, s.period()));
        }, s -> tab.status.setText(String.format(b.getString("eval.did.done"), s.result().n(), s.result().units(), s.result().treatedUnits())));
    }

    /** Writes the estimate on screen; null while a new one is estimated. */
    Task<Path> exportTo(Path out) {
        return tab.export(out, this::report);
    }

    private void report(Project p, DidViewModel.Shown s, SubTab.Cover cover, Path out) {
        EvaluationReports.did(s.result(), cover.info(b.getString("eval.did.report")), cover.provenance(p, List.of(s.dataset()), ""), out);
    }
}
