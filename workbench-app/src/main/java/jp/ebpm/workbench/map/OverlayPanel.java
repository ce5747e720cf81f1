package jp.ebpm.workbench.map;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;

import jp.ebpm.analysis.gis.overlay.ProjectOverlays;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;

/**
 * The help desk's overlay operations in the map tab: points per polygon, buffers in metres, and the
 * population within a distance of any point per polygon (area-weighted). Each run creates a new catalog
 * dataset through {@link ProjectOverlays} in a background task and then shows it.
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
    final TextField key = new TextField("N03_007");
    final TextField valueField = new TextField("population");
    final TextField distance = new TextField("500");
    final TextField output = new TextField();
    private final TitledPane pane;

    OverlayPanel(AppContext context, ResourceBundle text, Consumer<String> created) {
        this.context = context;
        this.text = text;
        this.created = created;
        operation.getItems().setAll(Operation.values());
        operation.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Operation o) {
                return o == null ? "" : text.getString("map.overlay.op." + o.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public Operation fromString(String s) {
                return null;
            }
        });
        operation.getSelectionModel().select(Operation.COUNT);
        operation.setId("overlay-op");
        points.setId("overlay-points");
        polygons.setId("overlay-polygons");
        source.setId("overlay-source");
        key.setId("overlay-key");
        distance.setId("overlay-distance");
        output.setId("overlay-out");
        Button run = new Button(text.getString("map.overlay.run"));
        run.setId("overlay-run");
        run.setOnAction(e -> run());
        GridPane g = new GridPane();
        g.setHgap(4);
        g.setVgap(4);
        g.setPadding(new Insets(4));
        int r = 0;
        g.addRow(r++, new Label(text.getString("map.overlay.operation")), operation);
        g.addRow(r++, new Label(text.getString("map.overlay.points")), points);
        g.addRow(r++, new Label(text.getString("map.overlay.polygons")), polygons);
        g.addRow(r++, new Label(text.getString("map.overlay.key")), key);
        g.addRow(r++, new Label(text.getString("map.overlay.distance")), distance);
        g.addRow(r++, new Label(text.getString("map.overlay.source")), source);
        g.addRow(r++, new Label(text.getString("map.overlay.value")), valueField);
        g.addRow(r++, new Label(text.getString("map.overlay.output")), output);
        g.add(run, 1, r);
        pane = new TitledPane(text.getString("map.overlay.title"), g);
        pane.setExpanded(false);
    }

    Node node() {
        return pane;
    }

    /** Offers the project's layers as inputs. */
    void setLayers(List<String> names) {
        for (ComboBox<String> c : List.of(points, polygons, source)) {
            String keep = c.getValue();
            c.getItems().setAll(names);
            if (keep != null && names.contains(keep)) {
                c.setValue(keep);
            }
        }
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
        String k = key.getText().strip();
        String v = valueField.getText().strip();
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
            return d.name();
        }, name -> {
            context.refreshCatalog();
            created.accept(name);
            context.showDataset(name);
        });
    }
}
