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
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

import org.jfree.fx.FXGraphics2D;

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
    private final Node root;
    final TableView<Integer> table = new TableView<>();
    final Canvas canvas = new Canvas(560, 420);
    private final ObservableList<String> layers = FXCollections.observableArrayList();

    LqPane(AppContext context) {
        this.b = context.bundle("evaluation");
        this.vm = new LqViewModel(d -> DatasetColumns.infos(context.project().get(), d));
        this.tab = new SubTab<>(context, "Lq", vm.result, vm.dataset);
        this.root = build();
        vm.result.shown().addListener((o, a, s) -> show(s));
        vm.mapIndustry.addListener((o, a, i) -> map());
        vm.dataset.addListener((o, a, d) -> suggestReference(d));
    }

    Node root() {
        return root;
    }

    void refresh(Project p) {
        tab.refresh(p);
        layers.setAll(p == null ? List.of() : DatasetColumns.layers(p));
        Map<String, List<ColumnInfo>> areaLayers = new LinkedHashMap<>();
        if (p != null) {
            DatasetColumns.areaLayers(p).forEach(l -> areaLayers.put(l, DatasetColumns.infos(p, l)));
        }
        vm.suggestLayer(layers, areaLayers);
        vm.suggest(tab.datasets);
    }

    /** Looks up the dataset's reference row (全国, a total…) in the background: its areas are those of the plain quotients. */
    private void suggestReference(String dataset) {
        Project p = tab.project();
        if (p == null || !vm.wantsReference()) {
            return;
        }
        LocationQuotient.Spec all = new LocationQuotient.Spec(dataset, vm.area.get(), vm.industry.get(), vm.value.get(), null, null);
        tab.context().tasks().run(b.getString("eval.lq.reference.task"), (progress, cancel) -> {
            try {
                return LocationQuotient.compute(p, all).areas();
            } catch (WorkbenchException e) {
                return List.<String>of(); // no suggestion: the user types the reference
            }
        }, areas -> vm.suggestReference(dataset, areas));
    }

    private Node build() {
        tab.row("eval.dataset", Forms.combo("evalLqDataset", tab.datasets, vm.dataset));
        tab.row("eval.lq.areaColumn", Forms.combo("evalLqArea", tab.all, vm.area));
        tab.row("eval.lq.industryColumn", Forms.combo("evalLqIndustry", tab.all, vm.industry));
        tab.row("eval.lq.value", Forms.combo("evalLqValue", tab.numeric, vm.value));
        TextField ref = new TextField();
        ref.setId("evalLqReference");
        ref.setPromptText(b.getString("eval.lq.reference.prompt"));
        ref.textProperty().bindBidirectional(vm.referenceArea);
        tab.row("eval.lq.reference", ref);
        tab.row("eval.lq.layer", Forms.combo("evalLqLayer", layers, vm.layer));
        TextField key = new TextField();
        key.setId("evalLqKey");
        key.textProperty().bindBidirectional(vm.keyField);
        tab.row("eval.lq.key", key);
        tab.row("eval.lq.mapIndustry", Forms.combo("evalLqMapIndustry", vm.industries, vm.mapIndustry));
        tab.form.add(new HBox(6, tab.runButton(this::run), tab.exportButton("location-quotients.xlsx", this::report)), 1,
                tab.form.getRowCount());
        table.setId("evalLqTable");
        table.setPrefHeight(220);
        tab.placeholder(table);
        canvas.setId("evalLqMap");
        Pane holder = new Pane(canvas);
        holder.setPrefSize(560, 420);
        VBox right = new VBox(6, table, holder);
        right.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        return tab.layout(scroll, 0.32);
    }

    private void show(LqViewModel.Shown s) {
        table.getColumns().clear();
        table.getItems().clear();
        draw(s == null ? null : s.map());
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

    private void draw(MapSpec m) {
        var g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (m != null) {
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
