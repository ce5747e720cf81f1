package jp.ebpm.workbench.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import jp.ebpm.analysis.evaluation.EvaluationCharts;
import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.evaluation.PopulationStructure;
import jp.ebpm.analysis.evaluation.Pyramid;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;

/** The population-pyramid sub-tab: one area, one or two years overlaid, and the aging and dependency ratios. */
final class PyramidPane {

    private final AppContext context;
    private final ResourceBundle b;
    final PyramidViewModel vm = new PyramidViewModel();
    private final BorderPane root = new BorderPane();
    final ChartViewer chart = new ChartViewer();
    private final Label status = new Label();
    private final javafx.collections.ObservableList<String> datasets = Forms.list();
    private final javafx.collections.ObservableList<String> all = Forms.list();

    PyramidPane(AppContext context) {
        this.context = context;
        this.b = context.bundle("evaluation");
        build();
        vm.dataset.addListener((o, a, d) -> {
            Project p = context.project().get();
            all.setAll(p == null ? List.of() : DatasetColumns.columns(p, d));
            vm.guess(all);
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
        Forms.row(form, b.getString("eval.dataset"), Forms.combo("evalPyrDataset", datasets, vm.dataset));
        Forms.row(form, b.getString("eval.pyr.age"), Forms.combo("evalPyrAge", all, vm.age));
        Forms.row(form, b.getString("eval.pyr.sex"), Forms.combo("evalPyrSex", all, vm.sex));
        Forms.row(form, b.getString("eval.pyr.value"), Forms.combo("evalPyrValue", all, vm.value));
        Forms.row(form, b.getString("eval.pyr.areaColumn"), Forms.combo("evalPyrAreaColumn", all, vm.areaColumn));
        TextField area = new TextField();
        area.setId("evalPyrArea");
        area.textProperty().bindBidirectional(vm.area);
        Forms.row(form, b.getString("eval.pyr.area"), area);
        Forms.row(form, b.getString("eval.pyr.yearColumn"), Forms.combo("evalPyrYearColumn", all, vm.yearColumn));
        TextField years = new TextField();
        years.setId("evalPyrYears");
        years.setPromptText("2015,2020");
        years.textProperty().bindBidirectional(vm.years);
        Forms.row(form, b.getString("eval.pyr.years"), years);
        Button run = new Button(b.getString("eval.run"));
        run.setId("evalPyrRun");
        run.setOnAction(e -> run());
        Button export = new Button(b.getString("eval.export"));
        export.setId("evalPyrExport");
        export.disableProperty().bind(vm.result.isNull());
        export.setOnAction(e -> {
            Path out = Forms.saveXlsx(context.owner(), "pyramid.xlsx");
            if (out != null) {
                exportTo(out);
            }
        });
        form.add(new javafx.scene.layout.HBox(6, run, export), 1, form.getRowCount());

        chart.setId("evalPyrChart");
        chart.setPrefSize(520, 460);
        TableView<PopulationStructure> ratios = new TableView<>(vm.ratios);
        ratios.setId("evalPyrRatios");
        ratios.setPrefHeight(110);
        ratios.getColumns().add(col(b.getString("eval.pyr.col.year"), PopulationStructure::year));
        ratios.getColumns().add(col(b.getString("eval.pyr.col.total"), p -> String.format("%,.0f", p.total())));
        ratios.getColumns().add(col(b.getString("eval.pyr.col.aging"), p -> String.format("%.1f%%", p.agingRatio() * 100)));
        ratios.getColumns().add(col(b.getString("eval.pyr.col.young"), p -> String.format("%.1f", p.youngDependency())));
        ratios.getColumns().add(col(b.getString("eval.pyr.col.old"), p -> String.format("%.1f", p.oldDependency())));
        ratios.getColumns().add(col(b.getString("eval.pyr.col.dependency"), p -> String.format("%.1f", p.totalDependency())));
        VBox right = new VBox(6, chart, ratios);
        right.setPadding(new Insets(8));
        VBox.setVgrow(chart, Priority.ALWAYS);
        SplitPane split = new SplitPane(form, right);
        split.setDividerPositions(0.32);
        root.setCenter(split);
        status.setId("evalPyrStatus");
        status.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(status);
    }

    private static TableColumn<PopulationStructure, String> col(String title, java.util.function.Function<PopulationStructure, String> f) {
        TableColumn<PopulationStructure, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(95);
        return c;
    }

    private String title() {
        return b.getString("eval.pyr.chart") + " " + (vm.area.get() == null ? "" : vm.area.get()) + " " + vm.years.get();
    }

    void run() {
        Project p = context.project().get();
        Pyramid.Spec s;
        try {
            s = vm.spec();
        } catch (IllegalArgumentException e) {
            status.setText(Forms.missing(b, e));
            return;
        }
        String title = title();
        String male = b.getString("eval.pyr.male");
        String female = b.getString("eval.pyr.female");
        status.setText(b.getString("eval.running"));
        context.tasks().run(b.getString("eval.pyr.task"), (progress, cancel) -> {
            List<PopulationStructure> r = Pyramid.of(p, s);
            return new Object[] {r, EvaluationCharts.pyramid(r, title, male, female)};
        }, res -> {
            @SuppressWarnings("unchecked")
            List<PopulationStructure> r = (List<PopulationStructure>) res[0];
            chart.setChart((JFreeChart) res[1]);
            vm.accept(r);
            status.setText("");
        });
    }

    void exportTo(Path out) {
        Project p = context.project().get();
        List<PopulationStructure> r = vm.result.get();
        String title = title();
        String author = System.getProperty("user.name", "");
        String male = b.getString("eval.pyr.male");
        String female = b.getString("eval.pyr.female");
        context.tasks().run(b.getString("eval.exporting"), (progress, cancel) -> {
            EvaluationReports.population(r, EvaluationCharts.pyramid(r, title, male, female), title, List.of(),
                    EvaluationReports.info(title, author), EvaluationReports.provenance(p, List.of(vm.dataset.get()), "", "", author), out);
            return out;
        }, o -> status.setText(String.format(b.getString("eval.exported"), o.getFileName())));
    }
}
