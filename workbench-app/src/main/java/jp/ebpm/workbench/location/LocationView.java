package jp.ebpm.workbench.location;

import java.io.File;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.jfree.fx.FXGraphics2D;

import jp.ebpm.analysis.gis.map.MapRenderer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.audit.AuditEntry;
import jp.ebpm.analysis.privacy.audit.AuditLog;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.privacy.location.AreaLayer;
import jp.ebpm.analysis.privacy.location.AreaLevel;
import jp.ebpm.analysis.privacy.location.LocationImportOptions;
import jp.ebpm.analysis.privacy.location.LocationMaps;
import jp.ebpm.analysis.privacy.location.LocationService;
import jp.ebpm.analysis.privacy.location.MeshPopulationImporter;
import jp.ebpm.analysis.privacy.location.PingImporter;
import jp.ebpm.analysis.privacy.location.TimeBand;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.workbench.app.AppContext;

/**
 * The view of {@link LocationFeature}. Private results reach the table and the map only as
 * {@link ProtectedTable}s from {@link LocationService}, and each one shown or exported is recorded in the
 * audit log. The map draws one time value and measure of the current area result through
 * {@link LocationMaps} (published cells only; suppressed areas hatched grey, legend "χ 秘匿").
 */
final class LocationView {

    /** What the user asked for. */
    enum Operation { AGGREGATE, OD, RESIDENTS, VISITORS, DWELL }

    /** A computed result with its area polygons (null when it cannot be mapped). */
    record Computed(LocationService.Result result, LocationMaps.AreaShapes shapes) {
    }

    /** Size of exported maps. */
    static final int MAP_WIDTH = 1200;
    static final int MAP_HEIGHT = 900;

    private final AppContext ctx;
    private final ResourceBundle b;
    private final VBox root = new VBox(8);
    private final PasswordField passphrase = new PasswordField();
    private final Label status = new Label();
    private final TextField importFile = new TextField();
    private final TextField importName = new TextField("pings");
    private final ChoiceBox<String> importKind = new ChoiceBox<>(FXCollections.observableArrayList("pings", "mesh-population"));
    private final ComboBox<String> dataset = new ComboBox<>();
    private final ChoiceBox<String> by = new ChoiceBox<>(FXCollections.observableArrayList("ward", "mesh3", "mesh4"));
    private final ChoiceBox<String> time = new ChoiceBox<>(FXCollections.observableArrayList("hour", "weekday", "date", "month"));
    private final Spinner<Integer> k = new Spinner<>(3, 1000, 10);
    private final ChoiceBox<String> round;
    private final TableView<List<String>> table = new TableView<>();
    private final Label shown = new Label();
    private final TextField exportFile = new TextField();
    private final TableView<AuditEntry> audit = new TableView<>();
    private final Label auditStatus = new Label();
    private final ComboBox<String> mapTime = new ComboBox<>();
    private final ChoiceBox<String> mapMeasure = new ChoiceBox<>();
    private final TextField mapFile = new TextField();
    private final Label mapInfo = new Label();
    private final Canvas mapCanvas = new Canvas(800, 500);
    private UnlockedVault vault;
    private LocationService.Result current;
    private LocationMaps.AreaShapes currentShapes;
    private boolean updatingMapChoices;

    LocationView(AppContext ctx) {
        this.ctx = ctx;
        this.b = ctx.bundle("location");
        this.round = new ChoiceBox<>(FXCollections.observableArrayList(b.getString("location.round.none"), "5", "10"));
        build();
        ctx.project().addListener((obs, old, now) -> lock());
        status.setText(b.getString(ctx.project().get() == null ? "location.status.noProject" : "location.status.locked"));
    }

    Node root() {
        return root;
    }

    private void build() {
        passphrase.setId("locationPassphrase");
        passphrase.setPromptText(b.getString("location.passphrase.prompt"));
        Button unlock = button("locationUnlock", "location.unlock", this::unlock);
        Button lockButton = button("locationLock", "location.lock", this::lock);
        status.setId("locationStatus");
        HBox top = new HBox(8, passphrase, unlock, lockButton, status);
        HBox.setHgrow(passphrase, Priority.NEVER);

        importFile.setId("locationImportFile");
        importName.setId("locationImportName");
        importKind.setId("locationImportKind");
        importKind.setValue("pings");
        Button browse = button("locationBrowse", "location.import.browse", () -> {
            File f = new FileChooser().showOpenDialog(ctx.owner());
            if (f != null) {
                importFile.setText(f.getPath());
            }
        });
        Button doImport = button("locationImport", "location.import.run", this::doImport);
        HBox importRow = new HBox(8, new Label(b.getString("location.import.file")), importFile, browse,
                new Label(b.getString("location.import.name")), importName, new Label(b.getString("location.import.kind")),
                importKind, doImport);
        HBox.setHgrow(importFile, Priority.ALWAYS);

        dataset.setId("locationDataset");
        by.setId("locationBy");
        by.setValue("ward");
        time.setId("locationTime");
        time.setValue("hour");
        k.setId("locationK");
        k.setEditable(true);
        round.setId("locationRound");
        round.setValue(round.getItems().get(0));
        Button aggregate = button("locationAggregate", "location.aggregate", () -> run(Operation.AGGREGATE));
        Button od = button("locationOd", "location.od", () -> run(Operation.OD));
        Button residents = button("locationResidents", "location.residents", () -> run(Operation.RESIDENTS));
        Button visitors = button("locationVisitors", "location.visitors", () -> run(Operation.VISITORS));
        Button dwell = button("locationDwell", "location.dwell", () -> run(Operation.DWELL));
        Button export = button("locationExport", "location.export", this::export);
        exportFile.setId("locationExportFile");
        exportFile.setPromptText("out.csv / out.xlsx");
        HBox aggRow = new HBox(8, new Label(b.getString("location.dataset")), dataset, new Label(b.getString("location.by")), by,
                new Label(b.getString("location.time")), time, new Label(b.getString("location.k")), k,
                new Label(b.getString("location.round")), round);
        HBox opRow = new HBox(8, aggregate, od, residents, visitors, dwell, exportFile, export);
        HBox.setHgrow(exportFile, Priority.ALWAYS);

        table.setId("locationResult");
        shown.setId("locationShown");
        VBox tableBox = new VBox(6, shown, table);
        VBox.setVgrow(table, Priority.ALWAYS);

        audit.setId("locationAudit");
        auditStatus.setId("locationAuditStatus");
        audit.getColumns().add(auditCol("seq", e -> Long.toString(e.seq())));
        audit.getColumns().add(auditCol("time", AuditEntry::time));
        audit.getColumns().add(auditCol("user", AuditEntry::user));
        audit.getColumns().add(auditCol("operation", AuditEntry::operation));
        audit.getColumns().add(auditCol("dataset", AuditEntry::dataset));
        audit.getColumns().add(auditCol("k", e -> Integer.toString(e.k())));
        audit.getColumns().add(auditCol("output", AuditEntry::output));
        audit.getColumns().add(auditCol("sha256", AuditEntry::outputSha256));
        Button refresh = button("locationRefreshAudit", "location.audit.refresh", this::refreshAudit);
        Button verify = button("locationVerifyAudit", "location.audit.verify", this::verifyAudit);
        Button exportLog = button("locationExportAudit", "location.audit.export", () -> {
            File f = new FileChooser().showSaveDialog(ctx.owner());
            if (f != null && ctx.project().get() != null) {
                new AuditLog(ctx.project().get()).export(f.toPath());
            }
        });
        VBox auditBox = new VBox(6, new HBox(8, refresh, verify, exportLog, auditStatus), audit);
        VBox.setVgrow(audit, Priority.ALWAYS);

        mapTime.setId("locationMapTime");
        mapMeasure.setId("locationMapMeasure");
        mapFile.setId("locationMapFile");
        mapFile.setPromptText("map.png / map.svg");
        mapInfo.setId("locationMapInfo");
        mapInfo.setText(b.getString("location.map.none"));
        mapCanvas.setId("locationMap");
        mapTime.valueProperty().addListener((o, a, v) -> redrawMap());
        mapMeasure.valueProperty().addListener((o, a, v) -> redrawMap());
        Button exportMap = button("locationExportMap", "location.map.export", this::exportMap);
        HBox mapControls = new HBox(8, new Label(b.getString("location.map.time")), mapTime,
                new Label(b.getString("location.map.measure")), mapMeasure, mapFile, exportMap);
        HBox.setHgrow(mapFile, Priority.ALWAYS);
        Pane holder = new Pane(mapCanvas);
        holder.setMinSize(0, 0);
        mapCanvas.widthProperty().bind(holder.widthProperty());
        mapCanvas.heightProperty().bind(holder.heightProperty());
        mapCanvas.widthProperty().addListener(o -> redrawMap());
        mapCanvas.heightProperty().addListener(o -> redrawMap());
        VBox mapBox = new VBox(6, mapControls, mapInfo, holder);
        VBox.setVgrow(holder, Priority.ALWAYS);

        Tab mapTab = new Tab(b.getString("location.tab.map"), mapBox);
        mapTab.setId("locationMapTab");
        TabPane tabs = new TabPane(new Tab(b.getString("location.tab.table"), tableBox), mapTab,
                new Tab(b.getString("location.tab.audit"), auditBox));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("locationTabs");
        root.getChildren().addAll(top, importRow, aggRow, opRow, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.setPadding(new Insets(8));
    }

    private Button button(String id, String key, Runnable action) {
        Button bt = new Button(b.getString(key));
        bt.setId(id);
        bt.setOnAction(e -> action.run());
        return bt;
    }

    private static TableColumn<AuditEntry, String> auditCol(String name, java.util.function.Function<AuditEntry, String> f) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }

    private void unlock() {
        Project p = ctx.project().get();
        if (p == null) {
            status.setText(b.getString("location.status.noProject"));
            return;
        }
        char[] pass = passphrase.getText().toCharArray();
        passphrase.clear();
        ctx.tasks().run(b.getString("location.task.unlock"), (progress, cancel) -> {
            try {
                return UnlockedVault.openOrCreate(p, pass);
            } finally {
                java.util.Arrays.fill(pass, '\0');
            }
        }, v -> {
            lock();
            vault = v;
            k.getValueFactory().setValue(LocationService.projectK(p.catalog()));
            status.setText(b.getString("location.status.unlocked"));
            refreshDatasets();
            refreshAudit();
        });
    }

    private void lock() {
        if (vault != null) {
            vault.close();
            vault = null;
        }
        current = null;
        currentShapes = null;
        table.getItems().clear();
        table.getColumns().clear();
        updateMapChoices();
        status.setText(b.getString("location.status.locked"));
    }

    private void refreshDatasets() {
        Project p = ctx.project().get();
        if (p == null) {
            return;
        }
        List<String> names = p.catalog().list().stream()
                .filter(d -> d.kind() == DatasetKind.LOCATION && d.sensitivity() == Sensitivity.PRIVATE)
                .map(DatasetInfo::name).toList();
        dataset.getItems().setAll(names);
        if (dataset.getValue() == null && !names.isEmpty()) {
            dataset.setValue(names.get(0));
        }
    }

    private void doImport() {
        UnlockedVault v = vault;
        if (v == null || importFile.getText().isBlank()) {
            return;
        }
        Path file = Path.of(importFile.getText().strip());
        LocationImportOptions.Kind kind = LocationImportOptions.Kind.parse(importKind.getValue());
        LocationImportOptions opt = LocationImportOptions.detect(importName.getText().strip(), kind);
        ctx.tasks().run(b.getString("location.task.import"), (progress, cancel) -> kind == LocationImportOptions.Kind.PINGS
                ? PingImporter.importPings(v, file, opt, progress, cancel)
                : MeshPopulationImporter.importFile(v, file, opt, progress, cancel), info -> {
                    status.setText(MessageFormat.format(b.getString("location.import.done"), Long.toString(info.rowCount()), info.name()));
                    refreshDatasets();
                    dataset.setValue(info.name());
                    ctx.refreshCatalog();
                });
    }

    private void run(Operation op) {
        UnlockedVault v = vault;
        String ds = dataset.getValue();
        if (v == null || ds == null) {
            return;
        }
        AreaLevel level = AreaLevel.parse(by.getValue());
        if (op != Operation.AGGREGATE && !level.needsLayer()) {
            // OD, residents/visitors and dwell need area polygons: they are computed by ward
            level = AreaLevel.WARD;
            by.setValue(level.id());
            status.setText(b.getString("location.status.wardOnly"));
        }
        AreaLevel lv = level;
        TimeBand band = TimeBand.parse(time.getValue());
        int kk = k.getValue();
        int base = round.getSelectionModel().getSelectedIndex() <= 0 ? 1 : Integer.parseInt(round.getValue());
        ctx.tasks().run(b.getString("location.task.aggregate"), (progress, cancel) -> {
            Project p = v.project();
            int effective = LocationService.effectiveK(p.catalog(), kk);
            AreaLayer layer = null;
            if (lv.needsLayer()) {
                layer = AreaLayer.findWardLayer(p).map(d -> AreaLayer.fromProject(p, d.name(), AreaLayer.defaultKeyField(d)))
                        .orElseGet(AreaLayer::bundledWards);
            }
            LocationService s = new LocationService(v);
            LocationService.Result r = switch (op) {
                case OD -> s.od(ds, layer, effective, base, cancel);
                case RESIDENTS -> s.presence(ds, lv, layer, true, effective, base, cancel);
                case VISITORS -> s.presence(ds, lv, layer, false, effective, base, cancel);
                case DWELL -> s.dwell(ds, lv, layer, band, effective, base, cancel);
                case AGGREGATE -> s.aggregate(ds, lv, layer, band, effective, base, cancel);
            };
            s.recordView(r);
            return new Computed(r, LocationMaps.mappable(r) ? LocationMaps.shapes(r) : null);
        }, this::show);
    }

    private void show(Computed computed) {
        LocationService.Result r = computed.result();
        current = r;
        currentShapes = computed.shapes();
        ProtectedTable t = r.table();
        table.getColumns().clear();
        List<String> header = t.header();
        for (int i = 0; i < header.size(); i++) {
            int idx = i;
            TableColumn<List<String>, String> c = new TableColumn<>(header.get(i));
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().get(idx)));
            table.getColumns().add(c);
        }
        table.getItems().setAll(t.textRows());
        shown.setText(MessageFormat.format(b.getString("location.shown"), Integer.toString(t.cells().size()),
                Long.toString(t.primaryCount()), Integer.toString(t.k()), Long.toString(t.secondaryCount())));
        if (r.parameters().getOrDefault("areas", "").startsWith("bundled:")) {
            status.setText(b.getString("location.status.bundledWards"));
        }
        updateMapChoices();
        refreshAudit();
    }

    /** Fills the map's time and measure choices from the current result (hour 8 and the persons count first). */
    private void updateMapChoices() {
        updatingMapChoices = true;
        try {
            LocationService.Result r = current;
            if (r == null || currentShapes == null) {
                mapTime.getItems().clear();
                mapMeasure.getItems().clear();
            } else {
                List<String> times = LocationMaps.times(r.table());
                String keepTime = mapTime.getValue();
                mapTime.getItems().setAll(times);
                mapTime.setValue(keepTime != null && times.contains(keepTime) ? keepTime : times.contains("8") ? "8" : times.get(0));
                List<String> measures = LocationMaps.measures(r.table());
                mapMeasure.getItems().setAll(measures);
                mapMeasure.setValue(LocationMaps.defaultMeasure(r.table()));
            }
        } finally {
            updatingMapChoices = false;
        }
        redrawMap();
    }

    /** The map of the current result for the chosen time value and measure, or null. */
    private MapSpec mapSpec() {
        LocationService.Result r = current;
        if (r == null || currentShapes == null || mapTime.getValue() == null || mapMeasure.getValue() == null) {
            return null;
        }
        return LocationMaps.spec(r, currentShapes, mapTime.getValue(), mapMeasure.getValue());
    }

    private void redrawMap() {
        if (updatingMapChoices) {
            return;
        }
        var gc = mapCanvas.getGraphicsContext2D();
        gc.clearRect(0, 0, mapCanvas.getWidth(), mapCanvas.getHeight());
        int w = (int) mapCanvas.getWidth();
        int h = (int) mapCanvas.getHeight();
        LocationService.Result r = current;
        if (r == null) {
            mapInfo.setText(b.getString("location.map.none"));
            return;
        }
        if (currentShapes == null) {
            mapInfo.setText(b.getString("location.map.od"));
            return;
        }
        MapSpec spec;
        try {
            spec = mapSpec();
        } catch (RuntimeException e) {
            ctx.showError(b.getString("location.map.error"), e);
            return;
        }
        if (spec == null) {
            return;
        }
        java.util.Map<String, Long> values = LocationMaps.values(r.table(), mapTime.getValue(), mapMeasure.getValue());
        long hidden = values.values().stream().filter(java.util.Objects::isNull).count();
        mapInfo.setText(MessageFormat.format(b.getString("location.map.info"), mapMeasure.getValue(),
                r.table().header().get(1), mapTime.getValue(), Integer.toString(values.size()), Long.toString(hidden)));
        if (w < 10 || h < 10) {
            return;
        }
        MapRenderer.render(new FXGraphics2D(gc), spec, w, h);
    }

    private void exportMap() {
        if (current == null || currentShapes == null || vault == null) {
            return;
        }
        if (!mapFile.getText().isBlank()) {
            exportMapTo(Path.of(mapFile.getText().strip()));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG", "*.png"),
                new FileChooser.ExtensionFilter("SVG", "*.svg"));
        File f = fc.showSaveDialog(ctx.owner());
        if (f != null) {
            exportMapTo(f.toPath());
        }
    }

    private void exportMapTo(Path out) {
        LocationService.Result r = current;
        UnlockedVault v = vault;
        String t = mapTime.getValue();
        String m = mapMeasure.getValue();
        if (r == null || v == null || t == null || m == null) {
            return;
        }
        ctx.tasks().run(b.getString("location.task.map"), (progress, cancel) -> {
            new LocationService(v).exportMap(r, t, m, MAP_WIDTH, MAP_HEIGHT, out);
            return out;
        }, p -> {
            status.setText(MessageFormat.format(b.getString("location.map.exported"), p.getFileName()));
            refreshAudit();
        });
    }

    private void export() {
        LocationService.Result r = current;
        UnlockedVault v = vault;
        if (r == null || v == null) {
            return;
        }
        if (!exportFile.getText().isBlank()) {
            exportTo(Path.of(exportFile.getText().strip()));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
                new FileChooser.ExtensionFilter("Excel", "*.xlsx"));
        File f = fc.showSaveDialog(ctx.owner());
        if (f != null) {
            exportTo(f.toPath());
        }
    }

    private void exportTo(Path out) {
        LocationService.Result r = current;
        UnlockedVault v = vault;
        if (r == null || v == null) {
            return;
        }
        ctx.tasks().run(b.getString("location.export"), (progress, cancel) -> {
            new LocationService(v).export(r, out);
            return out;
        }, p -> {
            status.setText(MessageFormat.format(b.getString("location.export.done"), p.getFileName()));
            refreshAudit();
        });
    }

    private void refreshAudit() {
        Project p = ctx.project().get();
        if (p != null) {
            audit.getItems().setAll(new AuditLog(p).read());
        }
    }

    private void verifyAudit() {
        Project p = ctx.project().get();
        if (p == null) {
            return;
        }
        AuditLog.Verification res = new AuditLog(p).verify(vault == null ? null : vault.auditKey());
        auditStatus.setText(res.ok() ? MessageFormat.format(b.getString("location.audit.ok"), Integer.toString(res.entries()))
                : MessageFormat.format(b.getString("location.audit.bad"), String.join("; ", res.problems())));
        refreshAudit();
    }
}
