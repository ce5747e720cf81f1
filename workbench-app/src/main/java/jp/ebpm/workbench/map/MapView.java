package jp.ebpm.workbench.map;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import jp.ebpm.analysis.gis.map.ClassMethod;
import jp.ebpm.analysis.gis.map.ColorRamp;
import jp.ebpm.analysis.gis.map.MapRenderer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.gis.map.Viewport;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;
import org.jfree.fx.FXGraphics2D;
import org.locationtech.jts.geom.Envelope;

/**
 * The map view: a layer panel (layer, value, classes, method, colours, label field), a canvas drawn by the library's
 * {@link MapRenderer} through FXGraphics2D, pan by dragging, zoom with the wheel, a tooltip with the attributes of the
 * feature under the mouse, click to show the layer's data, and export to PNG/SVG at a chosen size and DPI.
 */
final class MapView {

    private final AppContext context;
    private final ResourceBundle text;
    private final BorderPane root = new BorderPane();
    private final Canvas canvas = new Canvas(800, 600);
    private final ListView<String> layers = new ListView<>();
    private final ComboBox<String> value = new ComboBox<>();
    private final ComboBox<String> label = new ComboBox<>();
    private final Spinner<Integer> classes = new Spinner<>(2, 9, 5);
    private final ComboBox<String> method = new ComboBox<>();
    private final ComboBox<String> ramp = new ComboBox<>();
    private final Spinner<Integer> exportWidth = new Spinner<>(200, 10000, 1600, 100);
    private final Spinner<Integer> exportHeight = new Spinner<>(200, 10000, 1200, 100);
    private final Spinner<Integer> exportDpi = new Spinner<>(72, 600, 150, 6);
    private final Label status = new Label();
    private final Tooltip tip = new Tooltip();
    private OverlayPanel overlays;
    private MapModel model;
    private Envelope extent;
    private double dragX;
    private double dragY;

    MapView(AppContext context) {
        this.context = context;
        this.text = context.bundle("map");
        build();
        context.project().addListener((obs, old, p) -> refreshLayers());
        refreshLayers();
    }

    Node node() {
        return root;
    }

    private void build() {
        method.getItems().addAll("jenks", "quantile", "equal", "stddev", "fisher");
        method.getSelectionModel().select("jenks");
        ColorRamp.all().forEach(r -> ramp.getItems().add(r.name()));
        ramp.getSelectionModel().select(ColorRamp.YL_OR_RD.name());
        layers.setId("map-layers");
        value.setId("map-value");
        canvas.setId("map-canvas");
        Button show = new Button(text.getString("map.show"));
        show.setId("map-show");
        show.setOnAction(e -> load());
        Button reset = new Button(text.getString("map.reset"));
        reset.setOnAction(e -> {
            extent = null;
            redraw();
        });
        Button export = new Button(text.getString("map.export"));
        export.setId("map-export");
        export.setOnAction(e -> chooseExport());
        layers.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            // A newly chosen layer is drawn at once with its first numeric field; that also fills the
            // value and label choices, so the user can refine and press "Show map".
            value.getItems().clear();
            value.setValue(null);
            label.getItems().clear();
            label.setValue(null);
            if (b != null) {
                load();
            }
        });
        VBox panel = new VBox(6, new Label(text.getString("map.layers")), layers, new Label(text.getString("map.value")), value,
                new Label(text.getString("map.classes")), classes, new Label(text.getString("map.method")), method,
                new Label(text.getString("map.ramp")), ramp, new Label(text.getString("map.label")), label, show, reset,
                new Label(text.getString("map.export.width")), exportWidth, new Label(text.getString("map.export.height")), exportHeight,
                new Label(text.getString("map.export.dpi")), exportDpi, export);
        overlays = new OverlayPanel(context, text, name -> refreshLayers());
        panel.getChildren().add(overlays.node());
        panel.setPadding(new Insets(8));
        panel.setPrefWidth(220);
        layers.setPrefHeight(140);
        Pane holder = new Pane(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        holder.setPrefSize(800, 600);
        status.setText(text.getString("map.hint"));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        root.setLeft(scroll);
        root.setCenter(holder);
        root.setBottom(status);
        Tooltip.install(canvas, tip);
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        canvas.setOnMouseDragged(e -> {
            pan(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
        });
        canvas.setOnScroll(e -> zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX(), e.getY()));
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseClicked(e -> {
            if (e.isStillSincePress() && model != null && featureAt(e.getX(), e.getY()) >= 0) {
                context.showDataset(model.layer());
            }
        });
    }

    /** Reloads the list of layers of the open project. */
    void refreshLayers() {
        Project p = context.project().get();
        layers.getItems().clear();
        if (p == null) {
            return;
        }
        context.tasks().run("layers", (progress, cancel) -> MapModel.layerNames(p), names -> {
            layers.getItems().setAll(names);
            overlays.setLayers(names);
            if (!names.isEmpty() && layers.getSelectionModel().isEmpty()) {
                layers.getSelectionModel().select(0);
            }
        });
    }

    /** Loads the selected layer and draws it. */
    void load() {
        Project p = context.project().get();
        String layer = layers.getSelectionModel().getSelectedItem();
        if (p == null || layer == null) {
            return;
        }
        String v = value.getValue();
        String l = label.getValue() == null || label.getValue().equals(text.getString("map.none")) ? null : label.getValue();
        int k = classes.getValue();
        ClassMethod m = ClassMethod.parse(method.getValue());
        ColorRamp r = ColorRamp.named(ramp.getValue());
        status.setText(MessageFormat.format(text.getString("map.loading"), layer));
        context.tasks().run(layer, (progress, cancel) -> MapModel.load(p, layer, v, k, m, r, l), loaded -> {
            model = loaded;
            extent = null;
            if (value.getItems().isEmpty()) {
                value.getItems().setAll(MapModel.numericFields(loaded.data()));
                value.getSelectionModel().select(loaded.spec().layers().get(0).valueName());
                label.getItems().setAll(text.getString("map.none"));
                label.getItems().addAll(loaded.data().fields());
            }
            status.setText(text.getString("map.hint"));
            redraw();
        });
    }

    /** The currently shown map, or null. */
    MapSpec currentSpec() {
        return model == null ? null : model.spec().withExtent(extent);
    }

    private Viewport viewport() {
        return MapRenderer.viewport(currentSpec(), (int) Math.max(1, canvas.getWidth()), (int) Math.max(1, canvas.getHeight()));
    }

    private void redraw() {
        var gc = canvas.getGraphicsContext2D();
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        if (model == null || w < 10 || h < 10) {
            gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        try {
            FXGraphics2D g = new FXGraphics2D(gc);
            MapRenderer.render(g, currentSpec(), w, h);
        } catch (RuntimeException e) {
            context.showError(text.getString("map.error"), e);
        }
    }

    private void pan(double dx, double dy) {
        if (model == null) {
            return;
        }
        Viewport vp = viewport();
        Envelope e = extent != null ? new Envelope(extent) : MapRenderer.extent(model.spec());
        e.translate(-dx / vp.scale(), dy / vp.scale());
        extent = e;
        redraw();
    }

    private void zoom(double factor, double px, double py) {
        if (model == null) {
            return;
        }
        Viewport vp = viewport();
        var c = vp.toWorld(px, py);
        Envelope e = extent != null ? extent : MapRenderer.extent(model.spec());
        extent = new Envelope(c.getX() - (c.getX() - e.getMinX()) * factor, c.getX() + (e.getMaxX() - c.getX()) * factor,
                c.getY() - (c.getY() - e.getMinY()) * factor, c.getY() + (e.getMaxY() - c.getY()) * factor);
        redraw();
    }

    int featureAt(double px, double py) {
        if (model == null) {
            return -1;
        }
        var w = viewport().toWorld(px, py);
        return model.featureAt(w.getX(), w.getY());
    }

    private void hover(double px, double py) {
        if (model == null) {
            return;
        }
        var w = viewport().toWorld(px, py);
        String d = model.describe(w.getX(), w.getY());
        tip.setText(d == null ? text.getString("map.hint") : d);
    }

    private void chooseExport() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG", "*.png"), new FileChooser.ExtensionFilter("SVG", "*.svg"));
        var file = fc.showSaveDialog(context.owner());
        if (file != null) {
            export(file.toPath(), exportWidth.getValue(), exportHeight.getValue(), exportDpi.getValue());
        }
    }

    /** Exports the current map (PNG or SVG by extension) in the background. */
    void export(Path file, int width, int height, double dpi) {
        MapSpec spec = currentSpec();
        if (spec == null) {
            return;
        }
        context.tasks().run("export", (progress, cancel) -> {
            write(spec, file, width, height, dpi);
            return file;
        }, f -> status.setText(MessageFormat.format(text.getString("map.export.done"), f.getFileName())));
    }

    static void write(MapSpec spec, Path file, int width, int height, double dpi) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            Files.writeString(file, MapRenderer.renderSvg(spec, width, height), StandardCharsets.UTF_8);
        } else {
            Files.write(file, MapRenderer.renderPng(spec, width, height, dpi));
        }
    }
}
