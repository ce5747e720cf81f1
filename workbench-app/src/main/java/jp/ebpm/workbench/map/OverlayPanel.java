package jp.ebpm.workbench.map;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.Layers;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.map.MapComposer;
import jp.ebpm.analysis.gis.overlay.ProjectOverlays;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;

/**
 * The help desk's overlay operations in the map tab: points per polygon, buffers in metres, and the population
 * within a distance of any point per polygon (area-weighted). The choices offer only layers of the kind the operation
 * needs (point layers for points, area layers for polygons); each label sits above its control and has a tooltip, so
 * it reads in full in both languages. Each run creates a new catalog dataset through {@link ProjectOverlays} in a
 * background task; its rows are shown below rounded for reading (people and counts as whole numbers, shares as %),
 * while the dataset keeps full precision.
 */
final class OverlayPanel {

    enum Operation { COUNT, BUFFER, COVERAGE }

    private final AppContext context;
    private final ResourceBundle text;
    private final Consumer<String> created;
    final ComboBox<Operation> operation = new ComboBox<>();
    final ComboBox<String> points = new ComboBox<>();
    final ComboBox<String> polygons = new ComboBox<>();
    final ComboBox<String> source = new ComboBox<>();
    final ComboBox<String> key = new ComboBox<>();
    final ComboBox<String> valueField = new ComboBox<>();
    final TextField distance = new TextField("500");
    final TextField output = new TextField();
    final TableView<List<String>> result = new TableView<>();
    private final TitledPane pane;
    private final List<VBox> rows = new ArrayList<>();
    private List<MapModel.LayerRef> layers = List.of();
    /** True while the layer lists are replaced: their passing changes are not the user's. */
    private boolean refreshing;

    OverlayPanel(AppContext context, ResourceBundle text, Consumer<String> created) {
        this.context = context;
        this.text = text;
        this.created = created;
        operation.getItems().setAll(Operation.values());
        operation.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Operation o) {
                return o == null ? "" : text.getString("map.overlay.op." + o.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public Operation fromString(String s) {
                return null;
            }
        });
        operation.setId("overlay-op");
        points.setId("overlay-points");
        polygons.setId("overlay-polygons");
        source.setId("overlay-source");
        key.setId("overlay-key");
        valueField.setId("overlay-value");
        distance.setId("overlay-distance");
        output.setId("overlay-out");
        result.setId("overlay-result");
        jp.ebpm.workbench.app.Placeholders.empty(result, context.bundle("main"));
        result.setPrefHeight(160);
        result.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        key.setEditable(true);
        valueField.setEditable(true);
        Button run = new Button(text.getString("map.overlay.run"));
        run.setId("overlay-run");
        run.setOnAction(e -> run());
        run.setTooltip(new Tooltip(text.getString("map.overlay.run.tip")));
        VBox box = new VBox(4, row("map.overlay.operation", operation), row("map.overlay.points", points),
                row("map.overlay.polygons", polygons), row("map.overlay.key", key), row("map.overlay.distance", distance),
                row("map.overlay.source", source), row("map.overlay.value", valueField), row("map.overlay.output", output), run,
                result);
        box.setPadding(new Insets(4));
        polygons.valueProperty().addListener((o, a, v) -> {
            if (!refreshing) {
                fillFields(key, v, true);
            }
        });
        source.valueProperty().addListener((o, a, v) -> {
            if (!refreshing) {
                fillFields(valueField, v, false);
            }
        });
        operation.valueProperty().addListener((o, a, op) -> showRows(op));
        operation.getSelectionModel().select(Operation.COUNT);
        pane = new TitledPane(text.getString("map.overlay.title"), box);
        pane.setExpanded(false);
    }

    private VBox row(String key, Control c) {
        Label l = new Label(text.getString(key));
        l.setWrapText(true);
        c.setMaxWidth(Double.MAX_VALUE);
        c.setTooltip(new Tooltip(text.getString(key + ".tip")));
        VBox r = new VBox(1, l, c);
        r.setUserData(key);
        rows.add(r);
        return r;
    }

    /** Shows only the inputs the operation uses. */
    private void showRows(Operation op) {
        for (VBox r : rows) {
            String k = (String) r.getUserData();
            boolean on = switch (k) {
                case "map.overlay.polygons", "map.overlay.key" -> op != Operation.BUFFER;
                case "map.overlay.distance" -> op != Operation.COUNT;
                case "map.overlay.source", "map.overlay.value" -> op == Operation.COVERAGE;
                default -> true;
            };
            r.setVisible(on);
            r.setManaged(on);
        }
    }

    Node node() {
        return pane;
    }

    /** Offers the project's layers as inputs: point layers for points, area layers for polygons and population. */
    void setLayers(List<MapModel.LayerRef> refs) {
        this.layers = List.copyOf(refs);
        String polygonsBefore = polygons.getValue();
        String sourceBefore = source.getValue();
        // a refreshed list (e.g. with the layer a run has just created) keeps the user's choices: replacing the items
        // passes the combo boxes through an empty value, which must not re-pick the key and value fields
        refreshing = true;
        try {
            set(points, refs.stream().filter(MapModel.LayerRef::points).map(MapModel.LayerRef::name).toList());
            List<String> areas = refs.stream().filter(r -> !r.points()).map(MapModel.LayerRef::name).toList();
            set(polygons, areas);
            set(source, areas);
        } finally {
            refreshing = false;
        }
        if (polygons.getValue() == null || !polygons.getValue().equals(polygonsBefore)) {
            fillFields(key, polygons.getValue(), true);
        }
        if (source.getValue() == null || !source.getValue().equals(sourceBefore)) {
            fillFields(valueField, source.getValue(), false);
        }
    }

    private static void set(ComboBox<String> c, List<String> names) {
        String keep = c.getValue();
        c.getItems().setAll(names);
        c.setValue(keep != null && names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
    }

    /**
     * The fields of a layer. The key box prefers the ward code N03_007, then a code or key field; the value box the
     * first numeric field that is not a key or id.
     */
    private void fillFields(ComboBox<String> box, String layer, boolean wantKey) {
        MapModel.LayerRef ref = layers.stream().filter(r -> r.name().equals(layer)).findFirst().orElse(null);
        List<String> fields = ref == null ? List.of() : ref.fields().stream().filter(f -> !f.equals("fid")).toList();
        String keep = box.getValue();
        box.getItems().setAll(fields);
        if (keep != null && fields.contains(keep)) {
            box.setValue(keep);
            return;
        }
        String choice;
        if (wantKey) {
            choice = fields.stream().filter(f -> f.equalsIgnoreCase("N03_007")).findFirst()
                    .or(() -> fields.stream().filter(f -> f.matches("(?i).*(code|_cd|key).*")).findFirst())
                    .or(() -> fields.stream().filter(MapComposer::keyLike).findFirst()).orElse(null);
        } else {
            choice = ref == null ? null : ref.numericFields().stream().filter(f -> !MapComposer.keyLike(f) && !f.equals("fid"))
                    .findFirst().orElse(null);
        }
        box.setValue(choice != null ? choice : fields.isEmpty() ? null : fields.get(0));
    }

    /** Runs the chosen operation as a task; the new dataset is shown when it is ready. */
    void run() {
        Project p = context.project().get();
        Operation op = operation.getValue();
        String out = output.getText() == null ? "" : output.getText().strip();
        if (p == null || op == null) {
            return;
        }
        if (out.isEmpty()) {
            context.showError(text.getString("map.overlay.title"),
                    new IllegalArgumentException(text.getString("map.overlay.needOutput")));
            return;
        }
        String title = MessageFormat.format(text.getString("map.overlay.task"), out);
        String pts = points.getValue();
        String polys = polygons.getValue();
        String src = source.getValue();
        String k = key.getValue() == null ? "" : key.getValue().strip();
        String v = valueField.getValue() == null ? "" : valueField.getValue().strip();
        double metres;
        try {
            metres = Double.parseDouble(distance.getText().strip());
        } catch (NumberFormatException e) {
            context.showError(text.getString("map.overlay.title"),
                    new IllegalArgumentException(text.getString("map.overlay.badDistance")));
            return;
        }
        context.tasks().run(title, (progress, cancel) -> {
            DatasetInfo d = switch (op) {
                case COUNT -> ProjectOverlays.countPoints(p, pts, polys, k, null, null, out, progress, cancel);
                case BUFFER -> ProjectOverlays.buffer(p, pts, metres, true, 0, out, progress, cancel);
                case COVERAGE -> ProjectOverlays.areaWeight(p, src, List.of(v), polys, k, pts, metres, true, 0, out,
                        progress, cancel);
            };
            return Layers.read(p, d.name());
        }, data -> {
            showResult(data);
            context.refreshCatalog();
            created.accept(out);
            context.showInfo(text.getString("map.overlay.title"), MessageFormat.format(text.getString("map.overlay.done"), out));
        });
    }

    /** The rows of a result, rounded for reading: shares as %, areas to 0.01 km², people and counts as whole numbers. */
    private void showResult(VectorData data) {
        result.getColumns().clear();
        List<String> fields = data.fields().stream().filter(f -> !f.equals("fid")).toList();
        for (int i = 0; i < fields.size(); i++) {
            int idx = i;
            TableColumn<List<String>, String> c = new TableColumn<>(fields.get(i));
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().get(idx)));
            result.getColumns().add(c);
        }
        List<List<String>> rowsOut = new ArrayList<>();
        for (GeoFeature f : data.features()) {
            List<String> r = new ArrayList<>();
            for (String field : fields) {
                r.add(display(field, f.get(field)));
            }
            rowsOut.add(r);
        }
        result.getItems().setAll(rowsOut);
    }

    /** Display text of a value: shares (…_share) as %, km² to 2 decimals, other numbers as whole numbers. */
    static String display(String field, Object v) {
        if (!(v instanceof Number n)) {
            return v == null ? "" : v.toString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return "";
        }
        if (field.endsWith("_share") || field.endsWith("_ratio")) {
            return String.format(Locale.ROOT, "%.1f%%", d * 100);
        }
        if (field.endsWith("_km2")) {
            return String.format(Locale.ROOT, "%,.2f", d);
        }
        return String.format(Locale.ROOT, "%,d", Math.round(d));
    }
}
