package jp.ebpm.workbench.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;

import jp.ebpm.analysis.evaluation.EvaluationOutput;
import jp.ebpm.analysis.evaluation.EvaluationCharts;
import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.evaluation.PopulationStructure;
import jp.ebpm.analysis.evaluation.Pyramid;
import jp.ebpm.analysis.store.ColumnSummary;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;

/** The population-pyramid sub-tab: one area, one or two years overlaid, and the aging and dependency ratios. */
final class PyramidPane {

    final PyramidViewModel vm;
    private final SubTab<PyramidViewModel.Shown> tab;
    private final ResourceBundle b;
    final ChartViewer chart = new ChartViewer();
    final TableView<PopulationStructure> ratios;

    PyramidPane(AppContext context) {
        this.b = context.bundle("evaluation");
        this.vm = new PyramidViewModel(d -> DatasetColumns.infos(context.project().get(), d));
        this.tab = new SubTab<>(context, "Pyr", vm.result, vm.dataset, (p, tables) -> vm.suggest(tables));
        this.ratios = new TableView<>(vm.ratios);
        build();
        vm.dataset.addListener((o, a, d) -> suggestYears(d));
    }

    SubTab<PyramidViewModel.Shown> tab() {
        return tab;
    }

    /** Looks up the first and last year of the dataset's year column in the background. */
    private void suggestYears(String dataset) {
        Project p = tab.project();
        if (p == null || dataset == null || vm.yearColumn.get() == null) {
            return;
        }
        tab.lookUp("eval.pyr.years.task", () -> p.catalog().summarize(dataset), List.<ColumnSummary>of(), s -> vm.suggestYears(dataset, s));
    }

    private void build() {
        tab.choice("eval.dataset", "evalPyrDataset", tab.datasets, vm.dataset);
        tab.choice("eval.pyr.age", "evalPyrAge", tab.all, vm.age);
        tab.choice("eval.pyr.sex", "evalPyrSex", tab.all, vm.sex);
        tab.choice("eval.pyr.value", "evalPyrValue", tab.numeric, vm.value);
        tab.choice("eval.pyr.areaColumn", "evalPyrAreaColumn", tab.all, vm.areaColumn);
        tab.text("eval.pyr.area", "evalPyrArea", b.getString("eval.pyr.area.prompt"), vm.area);
        tab.choice("eval.pyr.yearColumn", "evalPyrYearColumn", tab.all, vm.yearColumn);
        tab.text("eval.pyr.years", "evalPyrYears", "2015,2020", vm.years);
        tab.form.add(new HBox(6, tab.runButton(this::run), tab.exportButton(s -> EvaluationOutput.populationFileName(s.dataset(), "pyramid", s.area(), s.years(), "xlsx"),
                this::report)), 1, tab.form.getRowCount());

        chart.setId("evalPyrChart");
        chart.setPrefSize(520, 460);
        chart.setVisible(false);
        ratios.setId("evalPyrRatios");
        ratios.setPrefHeight(110);
        ratios.setMinHeight(90);
        tab.placeholder(ratios);
        SubTab.fill(ratios);
        ratios.getColumns().add(col(b.getString("eval.pyr.col.year"), 60, PopulationStructure::year));
        ratios.getColumns().add(col(b.getString("eval.pyr.col.total"), 100, p -> String.format("%,.0f", p.total())));
        ratios.getColumns().add(col(b.getString("eval.pyr.col.aging"), 90, p -> String.format("%.1f%%", p.agingRatio() * 100)));
        ratios.getColumns().add(col(b.getString("eval.pyr.col.young"), 140, p -> String.format("%.1f", p.youngDependency())));
        ratios.getColumns().add(col(b.getString("eval.pyr.col.old"), 150, p -> String.format("%.1f", p.oldDependency())));
        ratios.getColumns().add(col(b.getString("eval.pyr.col.dependency"), 110, p -> String.format("%.1f", p.totalDependency())));
        vm.result.shown().addListener((o, a, s) -> {
            chart.setVisible(s != null); // a viewer cannot be emptied: hidden with no pyramid
            if (s != null) {
                chart.setChart(s.chart());
            }
        });
        VBox right = new VBox(6, chart, ratios);
        right.setPadding(new Insets(8));
        VBox.setVgrow(chart, Priority.ALWAYS);
        tab.layout(right);
    }

    private static TableColumn<PopulationStructure, String> col(String title, double width,
                                                                java.util.function.Function<PopulationStructure, String> f) {
        TableColumn<PopulationStructure, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Draws the pyramid in the background; it replaces the one on screen unless a newer run started meanwhile. */
    Task<PyramidViewModel.Shown> run() {
        Project p = tab.project();
        String dataset = vm.dataset.get();
        String title = vm.title(b.getString("eval.pyr.chart"));
        String male = b.getString("eval.pyr.male");
        String female = b.getString("eval.pyr.female");
        return tab.compute(vm::spec, b.getString("eval.pyr.task"), (Pyramid.Spec s) -> (progress, cancel) -> {
            List<PopulationStructure> r = Pyramid.of(p, s);
            return new PyramidViewModel.Shown(dataset, s.area(), title, r, EvaluationCharts.pyramid(r, title, male, female));
        }, s -> tab.status.setText(""));
    }

    /** Writes the pyramid on screen in the background; null while a new one is drawn. */
    Task<Path> exportTo(Path out) {
        return tab.export(out, this::report);
    }

    private void report(Project p, PyramidViewModel.Shown s, SubTab.Cover cover, Path out) {
        // a chart of its own for the workbook: the one on screen belongs to the FX thread
        EvaluationReports.population(s.years(), EvaluationCharts.pyramid(s.years(), s.title(), b.getString("eval.pyr.male"),
                b.getString("eval.pyr.female")), s.title(), List.of(), cover.info(s.title()), cover.provenance(p, List.of(s.dataset()), ""), out);
    }
}
