package jp.ebpm.workbench.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

import org.jfree.fx.FXGraphics2D;

import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.evaluation.LocationQuotient;
import jp.ebpm.analysis.evaluation.LqMaps;
import jp.ebpm.analysis.gis.map.MapRenderer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;

/** The location-quotient sub-tab: the area × industry table and the map of one industry through the map renderer. */
final class LqPane {

    private final AppContext context;
    private final ResourceBundle b;
    final LqViewModel vm = new LqViewModel();
    private final BorderPane root = new BorderPane();
    final TableView<Integer> table = new TableView<>();
    final Canvas canvas = new Canvas(560, 420);
    private final Label status = new Label();
    private final javafx.collections.ObservableList<String> datasets = Forms.list();
    private final javafx.collections.ObservableList<String> layers = Forms.list();
    private final javafx.collections.ObservableList<String> all = Forms.list();
    private final javafx.collections.ObservableList<String> numeric = Forms.list();

    LqPane(AppContext context) {
        this.context = context;
        this.b = context.bundle("evaluation");
        build();
        vm.dataset.addListener((o, a, d) -> {
            Project p = context.project().get();
            all.setAll(p == null ? List.of() : DatasetColumns.columns(p, d));
            numeric.setAll(p == null ? List.of() : DatasetColumns.numeric(p, d));
        });
        vm.result.addListener((o, a, r) -> showTable(r));
        vm.map.addListener((o, a, m) -> draw());
        vm.mapIndustry.addListener((o, a, i) -> map());
    }

    Node root() {
        return root;
    }

    void refresh(Project p) {
        datasets.setAll(p == null ? List.of() : DatasetColumns.tables(p));
        layers.setAll(p == null ? List.of() : DatasetColumns.layers(p));
        if (vm.layer.get() == null && !layers.isEmpty()) {
            vm.layer.set(layers.get(0));
        }
    }

    private void build() {
        GridPane form = Forms.grid();
        Forms.row(form, b.getString("eval.dataset"), Forms.combo("evalLqDataset", datasets, vm.dataset));
        Forms.row(form, b.getString("eval.lq.area"), Forms.combo("evalLqArea", all, vm.area));
        Forms.row(form, b.getString("eval.lq.industry"), Forms.combo("evalLqIndustry", all, vm.industry));
        Forms.row(form, b.getString("eval.lq.value"), Forms.combo("evalLqValue", numeric, vm.value));
        TextField ref = new TextField();
        ref.setId("evalLqReference");
        ref.setPromptText(b.getString("eval.lq.reference.prompt"));
        ref.textProperty().bindBidirectional(vm.referenceArea);
        Forms.row(form, b.getString("eval.lq.reference"), ref);
        Forms.row(form, b.getString("eval.lq.layer"), Forms.combo("evalLqLayer", layers, vm.layer));
        TextField key = new TextField();
        key.setId("evalLqKey");
        key.textProperty().bindBidirectional(vm.keyField);
        Forms.row(form, b.getString("eval.lq.key"), key);
        Forms.row(form, b.getString("eval.lq.mapIndustry"), Forms.combo("evalLqMapIndustry", vm.industries, vm.mapIndustry));
        Button run = new Button(b.getString("eval.run"));
        run.setId("evalLqRun");
        run.setOnAction(e -> run());
        Button export = new Button(b.getString("eval.export"));
        export.setId("evalLqExport");
        export.disableProperty().bind(vm.result.isNull());
        export.setOnAction(e -> {
            Path out = Forms.saveXlsx(context.owner(), "location-quotients.xlsx");
            if (out != null) {
                exportTo(out);
            }
        });
        form.add(new javafx.scene.layout.HBox(6, run, export), 1, form.getRowCount());
        table.setId("evalLqTable");
        table.setPrefHeight(220);
        canvas.setId("evalLqMap");
        Pane holder = new Pane(canvas);
        holder.setPrefSize(560, 420);
        VBox right = new VBox(6, table, holder);
        right.setPadding(new Insets(8));
        SplitPane split = new SplitPane(form, new javafx.scene.control.ScrollPane(right));
        split.setDividerPositions(0.32);
        root.setCenter(split);
        status.setId("evalLqStatus");
        status.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(status);
    }

    private void showTable(LocationQuotient.Result r) {
        table.getColumns().clear();
        table.getItems().clear();
        if (r == null) {
            return;
        }
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

    private void draw() {
        var g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        MapSpec m = vm.map.get();
        if (m != null) {
            MapRenderer.render(new FXGraphics2D(g), m, (int) canvas.getWidth(), (int) canvas.getHeight());
        }
    }

    void run() {
        Project p = context.project().get();
        LocationQuotient.Spec s;
        try {
            s = vm.spec();
        } catch (IllegalArgumentException e) {
            status.setText(Forms.missing(b, e));
            return;
        }
        status.setText(b.getString("eval.running"));
        context.tasks().run(b.getString("eval.lq.task"), (progress, cancel) -> LocationQuotient.compute(p, s), r -> {
            vm.accept(r);
            status.setText("");
            map();
        });
    }

    /** Draws the chosen industry over the chosen layer (background task). */
    void map() {
        Project p = context.project().get();
        LocationQuotient.Result r = vm.result.get();
        String industry = vm.mapIndustry.get();
        String layer = vm.layer.get();
        String key = vm.keyField.get();
        if (p == null || r == null || industry == null || layer == null) {
            return;
        }
        String title = b.getString("eval.lq.mapTitle") + " " + industry;
        context.tasks().run(b.getString("eval.lq.mapping"), (progress, cancel) -> LqMaps.map(p, r, industry, layer, key, key, title),
                vm.map::set);
    }

    void exportTo(Path out) {
        Project p = context.project().get();
        LocationQuotient.Result r = vm.result.get();
        MapSpec m = vm.map.get();
        String author = System.getProperty("user.name", "");
        List<String> sources = new ArrayList<>(List.of(vm.dataset.get()));
        if (m != null && vm.layer.get() != null) {
            sources.add(vm.layer.get());
        }
        context.tasks().run(b.getString("eval.exporting"), (progress, cancel) -> {
            EvaluationReports.lq(r, m == null ? null : MapRenderer.renderPng(m, 1200, 900, 150), m == null ? "" : m.title(),
                    EvaluationReports.info(b.getString("eval.lq.report"), author),
                    EvaluationReports.provenance(p, sources, "", "", author), out);
            return out;
        }, o -> status.setText(String.format(b.getString("eval.exported"), o.getFileName())));
    }
}
