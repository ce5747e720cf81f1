package jp.ebpm.workbench.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.fx.FXGraphics2D;

import jp.ebpm.analysis.evaluation.EvaluationOutput;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.evaluation.LocationQuotient;
import jp.ebpm.analysis.evaluation.LqMaps;
import jp.ebpm.analysis.gis.map.MapRenderer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;

/** The location-quotient sub-tab: the area × industry table and the map of one industry through the map renderer. */
final class LqPane {

    final LqViewModel vm;
    private final SubTab<LqViewModel.Shown> tab;
    private final ResourceBundle b;
    final TableView<Integer> table = new TableView<>();
    /** The map: as large as the space below the table. */
    final Canvas canvas = new Canvas();
    private final ObservableList<String> layers = FXCollections.observableArrayList();

    LqPane(AppContext context) {
        this.b = context.bundle("evaluation");
        this.vm = new LqViewModel(d -> DatasetColumns.infos(context.project().get(), d));
        this.tab = new SubTab<>(context, "Lq", vm.result, vm.dataset, this::suggest);
        build();
        vm.result.shown().addListener((o, a, s) -> show(s));
        vm.mapIndustry.addListener((o, a, i) -> map());
        vm.dataset.addListener((o, a, d) -> suggestReference(d));
    }

    SubTab<LqViewModel.Shown> tab() {
        return tab;
    }

    /** Offers the project's layers and preselects the area layer with the key field, then the employment table. */
    private void suggest(Project p, List<String> tables) {
        layers.setAll(p == null ? List.of() : DatasetColumns.layers(p));
        Map<String, List<ColumnInfo>> areaLayers = new LinkedHashMap<>();
        if (p != null) {
            DatasetColumns.areaLayers(p).forEach(l -> areaLayers.put(l, DatasetColumns.infos(p, l)));
        }
        vm.suggestLayer(layers, areaLayers);
        vm.suggest(tables);
    }

    /** Looks up the dataset's reference row (全国, a total…) in the background: its areas are those of the plain quotients. */
    private void suggestReference(String dataset) {
        Project p = tab.project();
        if (p == null || !vm.wantsReference()) {
            return;
        }
        LocationQuotient.Spec all = new LocationQuotient.Spec(dataset, vm.area.get(), vm.industry.get(), vm.value.get(), null, null);
        tab.lookUp("eval.lq.reference.task", () -> LocationQuotient.compute(p, all).areas(), List.<String>of(),
                areas -> vm.suggestReference(dataset, areas));
    }

    private void build() {
        tab.choice("eval.dataset", "evalLqDataset", tab.datasets, vm.dataset);
        tab.choice("eval.lq.areaColumn", "evalLqArea", tab.all, vm.area);
        tab.choice("eval.lq.industryColumn", "evalLqIndustry", tab.all, vm.industry);
        tab.choice("eval.lq.value", "evalLqValue", tab.numeric, vm.value);
        tab.text("eval.lq.reference", "evalLqReference", b.getString("eval.lq.reference.prompt"), vm.referenceArea);
        tab.choice("eval.lq.layer", "evalLqLayer", layers, vm.layer);
        tab.text("eval.lq.key", "evalLqKey", null, vm.keyField).setTooltip(new javafx.scene.control.Tooltip(b.getString("eval.lq.key.tip")));
        tab.choice("eval.lq.mapIndustry", "evalLqMapIndustry", vm.industries, vm.mapIndustry);
        tab.form.add(new HBox(6, tab.runButton(this::run), tab.exportButton(s -> EvaluationOutput.lqFileName(s.dataset(), "xlsx"), this::report)), 1,
                tab.form.getRowCount());
        table.setId("evalLqTable");
        table.setPrefHeight(220);
        tab.placeholder(table);
        canvas.setId("evalLqMap");
        Pane holder = new Pane(canvas);
        holder.setPrefSize(560, 420);
        holder.setMinSize(200, 150);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener((o, a, w) -> redraw());
        canvas.heightProperty().addListener((o, a, h) -> redraw());
        VBox right = new VBox(6, table, holder);
        right.setPadding(new Insets(8));
        VBox.setVgrow(holder, Priority.ALWAYS);
        tab.layout(right);
    }

    private void show(LqViewModel.Shown s) {
        table.getColumns().clear();
        table.getItems().clear();
        redraw();
        if (s == null) {
            return;
        }
        LocationQuotient.Result r = s.result();
        TableColumn<Integer, String> area = new TableColumn<>(b.getString("eval.lq.area"));
        area.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(r.areas().get(cd.getValue())));
        table.getColumns().add(area);
        for (int i = 0; i < r.industries().size(); i++) {
            int ii = i;
            TableColumn<Integer, String> c = new TableColumn<>(r.industries().get(i));
            c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(String.format("%.2f", r.lq()[cd.getValue()][ii])));
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
            table.getColumns().add(c);
        }
        List<Integer> rows = new ArrayList<>();
        for (int a = 0; a < r.areas().size(); a++) {
            rows.add(a);
        }
        table.getItems().setAll(rows);
    }

    private void redraw() {
        LqViewModel.Shown s = vm.result.shown().get();
        MapSpec m = s == null ? null : s.map();
        var g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (m != null && canvas.getWidth() >= 10 && canvas.getHeight() >= 10) {
            MapRenderer.render(new FXGraphics2D(g), m, (int) canvas.getWidth(), (int) canvas.getHeight());
        }
    }

    /** Computes the table and the map of the chosen industry in the background. */
    Task<LqViewModel.Shown> run() {
        Project p = tab.project();
        String dataset = vm.dataset.get();
        String chosen = vm.mapIndustry.get();
        String layer = vm.layer.get();
        String key = vm.keyField.get();
        String title = b.getString("eval.lq.mapTitle");
        return tab.compute(vm::spec, b.getString("eval.lq.task"), (LocationQuotient.Spec s) -> (progress, cancel) -> {
            LocationQuotient.Result r = LocationQuotient.compute(p, s);
            return mapped(p, dataset, r, LqViewModel.industryToMap(r, chosen), layer, key, title);
        }, this::shown);
    }

    /** Maps another industry of the table on screen over its layer (background task); later, when a run is going on. */
    Task<LqViewModel.Shown> map() {
        LqViewModel.Shown s = vm.result.shown().get();
        String industry = vm.mapIndustry.get();
        if (s == null || industry == null || vm.result.computing().get() || industry.equals(s.industry())) {
            return null;
        }
        Project p = tab.project();
        String key = vm.keyField.get();
        String title = b.getString("eval.lq.mapTitle");
        return tab.compute(() -> s, b.getString("eval.lq.mapping"),
                shown -> (progress, cancel) -> mapped(p, shown.dataset(), shown.result(), industry, shown.layer(), key, title), this::shown);
    }

    private void shown(LqViewModel.Shown s) {
        tab.status.setText(s.mapError() == null ? "" : s.mapError());
        if (!Objects.equals(vm.mapIndustry.get(), s.industry())) {
            map(); // the industry was changed while this was computed
        }
    }

    /** The table with the map of one industry; a map that cannot be drawn (no layer, no matching area) is said why. */
    private static LqViewModel.Shown mapped(Project p, String dataset, LocationQuotient.Result r, String industry, String layer,
                                            String key, String title) {
        if (layer == null || industry == null) {
            return new LqViewModel.Shown(dataset, r, industry, layer, null, null);
        }
        try {
            MapSpec m = LqMaps.map(p, r, industry, layer, key, key, title + " " + industry);
            return new LqViewModel.Shown(dataset, r, industry, layer, m, null);
        } catch (WorkbenchException e) {
            return new LqViewModel.Shown(dataset, r, industry, layer, null, e.getMessage());
        }
    }

    /** Writes the table and map on screen in the background; null while either is being recomputed. */
    Task<Path> exportTo(Path out) {
        return tab.export(out, this::report);
    }

    private void report(Project p, LqViewModel.Shown s, SubTab.Cover cover, Path out) {
        List<String> sources = new ArrayList<>(List.of(s.dataset()));
        if (s.map() != null) {
            sources.add(s.layer());
        }
        EvaluationReports.lq(s.result(), s.map() == null ? null : MapRenderer.renderPng(s.map(), 1200, 900, 150),
                s.map() == null ? "" : s.map().title(), cover.info(b.getString("eval.lq.report")), cover.provenance(p, sources, ""), out);
    }
}
