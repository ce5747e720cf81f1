package jp.ebpm.workbench.map;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.jfree.fx.FXGraphics2D;
import org.locationtech.jts.geom.Envelope;

import jp.ebpm.analysis.export.OutputNames;
import jp.ebpm.analysis.gis.map.ClassMethod;
import jp.ebpm.analysis.gis.map.ColorRamp;
import jp.ebpm.analysis.gis.map.MapComposer;
import jp.ebpm.analysis.gis.map.MapRenderer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.gis.map.Viewport;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.FileDialogs;
import jp.ebpm.workbench.app.ShownResult;

/**
 * The map view: a base layer shown as a choropleth (value field: by default the first numeric field that is not a key
 * or id; labels: by default a name field such as N03_004), further layers ticked to be drawn on top (points as dots,
 * polygons as outlines, each with a legend entry), classes, method and colours; a canvas drawn by the library's
 * {@link MapRenderer} (legend, north arrow, scale bar and sources outside the map frame); pan by dragging, zoom with the
 * wheel, a tooltip with the attributes of the feature under the mouse, click to show the layer's data; export to
 * PNG/SVG of the map on screen (off while a new map is loading).
 */
final class MapView {

    private final AppContext context;
    private final ResourceBundle text;
    private final BorderPane root = new BorderPane();
    private final Canvas canvas = new Canvas(800, 600);
    private final ListView<String> layers = new ListView<>();
    private final ListView<String> overlayList = new ListView<>();
    private final ObservableList<String> ticked = FXCollections.observableArrayList();
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
    private final ShownResult<MapModel> shown = new ShownResult<>();
    private final java.util.Map<String, SimpleBooleanProperty> overlayChecks = new java.util.HashMap<>();
    private OverlayPanel overlays;
    private Envelope extent;
    private double dragX;
    private double dragY;

    MapView(AppContext context) {
        this.context = context;
        this.text = context.bundle("map");
        build();
        context.project().addListener((obs, old, p) -> {
            shown.clear();
            refreshLayers();
        });
        // a layer created elsewhere is offered here at once (the shown map stays)
        context.catalogRevision().addListener((obs, old, n) -> refreshLayers());
        refreshLayers();
    }

    Node node() {
        return root;
    }

    private Label label(String key) {
        Label l = new Label(text.getString(key));
        l.setWrapText(true);
        return l;
    }

    private void build() {
        method.getItems().addAll("jenks", "quantile", "equal", "stddev", "fisher");
        method.getSelectionModel().select("jenks");
        ColorRamp.all().forEach(r -> ramp.getItems().add(r.name()));
        ramp.getSelectionModel().select(ColorRamp.YL_OR_RD.name());
        layers.setId("map-layers");
        overlayList.setId("map-overlays");
        value.setId("map-value");
        label.setId("map-label");
        canvas.setId("map-canvas");
        for (javafx.scene.control.Control c : List.of(value, label, method, ramp)) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
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
        export.disableProperty().bind(shown.outputDisabled());
        layers.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            // a newly chosen layer is drawn at once with its default value and label fields
            value.getItems().clear();
            value.setValue(null);
            label.getItems().clear();
            label.setValue(null);
            refreshOverlayChoices();
            if (b != null) {
                load();
            }
        });
        overlayList.setItems(FXCollections.observableArrayList());
        overlayList.setCellFactory(CheckBoxListCell.forListView(name -> overlayChecks.computeIfAbsent(name, n -> {
            SimpleBooleanProperty p = new SimpleBooleanProperty();
            p.addListener((o, a, on) -> {
                if (on) {
                    ticked.add(n);
                } else {
                    ticked.remove(n);
                }
            });
            return p;
        })));
        overlayList.setTooltip(new Tooltip(text.getString("map.overlays.tip")));
        layers.setPrefHeight(120);
        overlayList.setPrefHeight(96);
        HBox buttons = new HBox(6, show, reset);
        GridPane exportGrid = new GridPane();
        exportGrid.setHgap(4);
        exportGrid.setVgap(4);
        exportGrid.addRow(0, label("map.export.width"), exportWidth);
        exportGrid.addRow(1, label("map.export.height"), exportHeight);
        exportGrid.addRow(2, label("map.export.dpi"), exportDpi);
        exportGrid.add(export, 1, 3);
        for (Spinner<Integer> s : List.of(exportWidth, exportHeight, exportDpi)) {
            s.setPrefWidth(96);
            s.setEditable(true);
        }
        TitledPane exportPane = new TitledPane(text.getString("map.export.title"), exportGrid);
        exportPane.setExpanded(false);
        VBox panel = new VBox(6, label("map.layers"), layers, label("map.overlays"), overlayList, label("map.value"), value,
                label("map.label"), label, label("map.classes"), classes, label("map.method"), method, label("map.ramp"), ramp,
                buttons, exportPane);
        overlays = new OverlayPanel(context, text, name -> refreshLayers());
        panel.getChildren().add(overlays.node());
        panel.setPadding(new Insets(8));
        Pane holder = new Pane(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        holder.setPrefSize(800, 600);
        holder.setMinSize(0, 0);
        status.setText(text.getString("map.hint"));
        status.setId("map-status");
        status.setPadding(new Insets(2, 8, 2, 8));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(270);
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
            MapModel m = shown.shown().get();
            if (e.isStillSincePress() && m != null && featureAt(e.getX(), e.getY()) >= 0) {
                context.showDataset(m.layer());
            }
        });
        shown.shown().addListener((o, a, m) -> {
            extent = null;
            redraw();
        });
    }

    private List<MapModel.LayerRef> known = List.of();

    /** Reloads the list of layers of the open project. */
    void refreshLayers() {
        Project p = context.project().get();
        if (p == null) {
            layers.getItems().clear();
            return;
        }
        context.tasks().run(text.getString("map.layers"), (progress, cancel) -> MapModel.layers(p), refs -> {
            known = refs;
            String keep = layers.getSelectionModel().getSelectedItem();
            List<String> names = refs.stream().map(MapModel.LayerRef::name).toList();
            layers.getItems().setAll(names);
            overlays.setLayers(refs);
            if (keep != null && names.contains(keep)) {
                layers.getSelectionModel().select(keep);
            } else if (!names.isEmpty()) {
                layers.getSelectionModel().select(0);
            }
            refreshOverlayChoices();
        });
    }

    /** Every layer except the base one can be drawn on top; points first. */
    private void refreshOverlayChoices() {
        String base = layers.getSelectionModel().getSelectedItem();
        List<String> names = new ArrayList<>();
        known.stream().filter(r -> r.points() && !r.name().equals(base)).forEach(r -> names.add(r.name()));
        known.stream().filter(r -> !r.points() && !r.name().equals(base)).forEach(r -> names.add(r.name()));
        ticked.removeIf(n -> !names.contains(n));
        overlayChecks.keySet().removeIf(n -> !names.contains(n));
        overlayList.getItems().setAll(names);
    }

    /** Ticks a layer to be drawn on top (tests, and the Overlay panel after it created one). */
    void drawOnTop(String layer, boolean on) {
        SimpleBooleanProperty p = overlayChecks.get(layer);
        if (p == null) {
            p = new SimpleBooleanProperty();
            String n = layer;
            p.addListener((o, a, now) -> {
                if (now) {
                    ticked.add(n);
                } else {
                    ticked.remove(n);
                }
            });
            overlayChecks.put(layer, p);
        }
        p.set(on);
    }

    /** Loads the selected layer with the ticked overlays and draws it. */
    void load() {
        Project p = context.project().get();
        String layer = layers.getSelectionModel().getSelectedItem();
        if (p == null || layer == null) {
            return;
        }
        String v = value.getValue();
        String none = text.getString("map.none");
        String l = label.getValue() == null ? null : label.getValue().equals(none) ? "" : label.getValue();
        int k = classes.getValue();
        ClassMethod m = ClassMethod.parse(method.getValue());
        ColorRamp r = ColorRamp.named(ramp.getValue());
        List<String> on = List.copyOf(ticked);
        status.setText(MessageFormat.format(text.getString("map.loading"), layer));
        shown.compute(context.tasks(), layer, (progress, cancel) -> MapModel.load(p, layer, on, v, k, m, r, l), loaded -> {
            if (value.getItems().isEmpty()) {
                value.getItems().setAll(MapComposer.numericFields(loaded.data()));
                value.getSelectionModel().select(loaded.spec().layers().get(0).valueName());
                label.getItems().setAll(none);
                label.getItems().addAll(loaded.data().fields());
                String chosen = MapComposer.defaultLabelField(loaded.data());
                label.getSelectionModel().select(chosen == null ? none : chosen);
            }
            status.setText(text.getString("map.hint"));
        });
    }

    /** The currently shown map, or null. */
    MapSpec currentSpec() {
        MapModel m = shown.shown().get();
        return m == null ? null : m.spec().withExtent(extent);
    }

    private Viewport viewport() {
        return MapRenderer.viewport(currentSpec(), (int) Math.max(1, canvas.getWidth()), (int) Math.max(1, canvas.getHeight()));
    }

    private void redraw() {
        var gc = canvas.getGraphicsContext2D();
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        if (shown.shown().get() == null || w < 10 || h < 10) {
            gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        try {
            MapRenderer.render(new FXGraphics2D(gc), currentSpec(), w, h);
        } catch (RuntimeException e) {
            context.showError(text.getString("map.error"), e);
        }
    }

    private void pan(double dx, double dy) {
        MapModel m = shown.shown().get();
        if (m == null) {
            return;
        }
        Viewport vp = viewport();
        Envelope e = extent != null ? new Envelope(extent) : MapRenderer.extent(m.spec());
        e.translate(-dx / vp.scale(), dy / vp.scale());
        extent = e;
        redraw();
    }

    private void zoom(double factor, double px, double py) {
        MapModel m = shown.shown().get();
        if (m == null) {
            return;
        }
        Viewport vp = viewport();
        var c = vp.toWorld(px, py);
        Envelope e = extent != null ? extent : MapRenderer.extent(m.spec());
        extent = new Envelope(c.getX() - (c.getX() - e.getMinX()) * factor, c.getX() + (e.getMaxX() - c.getX()) * factor,
                c.getY() - (c.getY() - e.getMinY()) * factor, c.getY() + (e.getMaxY() - c.getY()) * factor);
        redraw();
    }

    int featureAt(double px, double py) {
        MapModel m = shown.shown().get();
        if (m == null) {
            return -1;
        }
        var w = viewport().toWorld(px, py);
        return m.featureAt(w.getX(), w.getY());
    }

    private void hover(double px, double py) {
        MapModel m = shown.shown().get();
        if (m == null) {
            return;
        }
        var w = viewport().toWorld(px, py);
        String d = m.describe(w.getX(), w.getY());
        tip.setText(d == null ? text.getString("map.hint") : d);
    }

    private void chooseExport() {
        MapModel m = shown.forOutput().orElse(null);
        if (m == null) {
            return;
        }
        FileDialogs.save(context, text.getString("map.export"), suggestedName(m),
                new FileChooser.ExtensionFilter("PNG", "*.png"), new FileChooser.ExtensionFilter("SVG", "*.svg"))
                .ifPresent(f -> export(f, exportWidth.getValue(), exportHeight.getValue(), exportDpi.getValue()));
    }

    /** The default file name of a map (one rule with {@code workbench map render --out FOLDER}). */
    static String suggestedName(MapModel m) {
        return OutputNames.map(m.layer(), m.spec().layers().get(0).valueName(), "png");
    }

    /** Exports the map on screen (PNG or SVG by extension) in the background; nothing while a new map is loading. */
    javafx.concurrent.Task<Path> export(Path file, int width, int height, double dpi) {
        MapModel m = shown.forOutput().orElse(null);
        if (m == null) {
            return null;
        }
        MapSpec spec = m.spec().withExtent(extent);
        return context.tasks().run(text.getString("map.export"), (progress, cancel) -> {
            write(spec, file, width, height, dpi);
            return file;
        }, f -> status.setText(MessageFormat.format(text.getString("map.export.done"), f.getFileName())));
    }

    /** What is on screen (for tests). */
    ShownResult<MapModel> shown() {
        return shown;
    }

    ListView<String> overlayList() {
        return overlayList;
    }

    static void write(MapSpec spec, Path file, int width, int height, double dpi) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            Files.writeString(file, MapRenderer.renderSvg(spec, width, height), StandardCharsets.UTF_8);
        } else {
            Files.write(file, MapRenderer.renderPng(spec, width, height, dpi));
        }
    }
}
