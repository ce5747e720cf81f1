package jp.ebpm.workbench.location;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.jfree.fx.FXGraphics2D;

import jp.ebpm.analysis.gis.map.MapRenderer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.privacy.audit.AuditEntry;
import jp.ebpm.analysis.privacy.audit.AuditLog;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.privacy.location.LocationMaps;
import jp.ebpm.analysis.privacy.location.LocationService;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.FileDialogs;

/**
 * The view of {@link LocationFeature}; its state is in {@link LocationViewModel}. Private results reach the table,
 * the grid and the map only as {@link ProtectedTable}s from {@link LocationService}, and each one shown or exported
 * is recorded in the audit log. Area names are shown beside the codes; "Area × time" is also shown as a grid (areas
 * × time values). The export buttons are off while a new table is being computed, so a file always holds the table
 * on screen.
 */
final class LocationView {

    /** Size of exported maps. */
    static final int MAP_WIDTH = 1200;
    static final int MAP_HEIGHT = 900;

    private final AppContext ctx;
    private final ResourceBundle b;
    private final LocationViewModel vm;
    private final VBox root = new VBox(8);
    private final PasswordField passphrase = new PasswordField();
    private final PasswordField confirm = new PasswordField();
    private final Label firstTime = new Label();
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
    private final TableView<List<String>> grid = new TableView<>();
    private final Label shown = new Label();
    private final TextField exportFile = new TextField();
    private final TableView<AuditEntry> audit = new TableView<>();
    private final Label auditStatus = new Label();
    private final ComboBox<String> mapTime = new ComboBox<>();
    private final ChoiceBox<String> mapMeasure = new ChoiceBox<>();
    private final TextField mapFile = new TextField();
    private final Label mapInfo = new Label();
    private final Canvas mapCanvas = new Canvas(800, 500);
    private boolean updatingMapChoices;

    LocationView(AppContext ctx) {
        this.ctx = ctx;
        this.b = ctx.bundle("location");
        this.vm = new LocationViewModel(ctx, b);
        this.round = new ChoiceBox<>(FXCollections.observableArrayList(b.getString("location.round.none"), "5", "10"));
        build();
        ctx.project().addListener((obs, old, now) -> {
            vm.lock();
            updateFirstTime();
        });
        vm.status.set(b.getString(ctx.project().get() == null ? "location.status.noProject" : "location.status.locked"));
        updateFirstTime();
    }

    Node root() {
        return root;
    }

    LocationViewModel viewModel() {
        return vm;
    }

    private void build() {
        passphrase.setId("locationPassphrase");
        passphrase.setPromptText(b.getString("location.passphrase.prompt"));
        confirm.setId("locationPassphraseConfirm");
        confirm.setPromptText(b.getString("location.passphrase.confirm"));
        firstTime.setId("locationFirstTime");
        firstTime.setText(b.getString("location.passphrase.first"));
        firstTime.setWrapText(true);
        firstTime.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        firstTime.setStyle("-fx-text-fill: #8a4b00;");
        Button unlock = button("locationUnlock", "location.unlock", this::unlock);
        Button lockButton = button("locationLock", "location.lock", vm::lock);
        status.setId("locationStatus");
        status.textProperty().bind(vm.status);
        status.setWrapText(true);
        passphrase.setPrefColumnCount(22);
        confirm.setPrefColumnCount(16);
        passphrase.setOnAction(e -> unlock());
        confirm.setOnAction(e -> unlock());
        HBox top = new HBox(8, passphrase, confirm, unlock, lockButton);
        top.setAlignment(Pos.CENTER_LEFT);
        // the status has a line of its own and wraps, so it is never cut
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        importFile.setId("locationImportFile");
        importName.setId("locationImportName");
        importKind.setId("locationImportKind");
        importKind.setValue("pings");
        Button browse = button("locationBrowse", "location.import.browse", () -> FileDialogs.open(ctx,
                b.getString("location.import.file"), new FileChooser.ExtensionFilter("CSV / Parquet", "*.csv", "*.parquet"))
                .ifPresent(f -> importFile.setText(f.toString())));
        Button doImport = button("locationImport", "location.import.run", this::doImport);
        HBox importRow = new HBox(8, label("location.import.file"), importFile, browse, label("location.import.name"), importName,
                label("location.import.kind"), importKind, doImport);
        importRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(importFile, Priority.ALWAYS);
        importName.setPrefColumnCount(8);

        dataset.setId("locationDataset");
        dataset.setItems(vm.datasets);
        dataset.valueProperty().bindBidirectional(vm.dataset);
        by.setId("locationBy");
        by.valueProperty().bindBidirectional(vm.by);
        by.setConverter(ids("location.by."));
        time.setId("locationTime");
        time.valueProperty().bindBidirectional(vm.time);
        time.setConverter(ids("location.time."));
        importKind.setConverter(ids("location.import.kind."));
        k.setId("locationK");
        k.setEditable(true);
        k.setPrefWidth(80);
        k.getValueFactory().valueProperty().bindBidirectional(vm.k);
        round.setId("locationRound");
        round.setValue(round.getItems().get(0));
        round.valueProperty().addListener((o, a, v) -> vm.roundBase.set(round.getSelectionModel().getSelectedIndex() <= 0 ? 1
                : Integer.parseInt(v)));
        Button aggregate = button("locationAggregate", "location.aggregate", () -> vm.run(LocationViewModel.Operation.AGGREGATE));
        Button od = button("locationOd", "location.od", () -> vm.run(LocationViewModel.Operation.OD));
        Button residents = button("locationResidents", "location.residents", () -> vm.run(LocationViewModel.Operation.RESIDENTS));
        Button visitors = button("locationVisitors", "location.visitors", () -> vm.run(LocationViewModel.Operation.VISITORS));
        Button dwell = button("locationDwell", "location.dwell", () -> vm.run(LocationViewModel.Operation.DWELL));
        for (Button op : List.of(aggregate, od, residents, visitors, dwell)) {
            op.disableProperty().bind(vm.vault.isNull());
        }
        Button export = button("locationExport", "location.export", this::export);
        export.disableProperty().bind(vm.result.outputDisabled());
        exportFile.setId("locationExportFile");
        exportFile.setPromptText(b.getString("location.export.prompt"));
        FlowPane aggRow = new FlowPane(8, 6, box("location.dataset", dataset), box("location.by", by), box("location.time", time),
                box("location.k", k), box("location.round", round));
        aggRow.setAlignment(Pos.CENTER_LEFT);
        HBox opRow = new HBox(8, aggregate, od, residents, visitors, dwell, exportFile, export);
        opRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(exportFile, Priority.ALWAYS);

        table.setId("locationResult");
        for (TableView<?> t : List.of(table, grid, audit)) {
            jp.ebpm.workbench.app.Placeholders.empty(t, ctx.bundle("main"));
        }
        shown.setId("locationShown");
        shown.setWrapText(true);
        VBox tableBox = new VBox(6, shown, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        grid.setId("locationGrid");
        grid.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label gridHint = new Label(b.getString("location.grid.hint"));
        gridHint.setWrapText(true);
        VBox gridBox = new VBox(6, gridHint, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);

        audit.setId("locationAudit");
        audit.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        auditStatus.setId("locationAuditStatus");
        audit.setItems(vm.audit);
        audit.getColumns().add(auditCol("location.audit.col.seq", 50, e -> Long.toString(e.seq())));
        audit.getColumns().add(auditCol("location.audit.col.time", 170, AuditEntry::time));
        audit.getColumns().add(auditCol("location.audit.col.user", 90, AuditEntry::user));
        audit.getColumns().add(auditCol("location.audit.col.operation", 150, AuditEntry::operation));
        audit.getColumns().add(auditCol("location.audit.col.dataset", 110, AuditEntry::dataset));
        audit.getColumns().add(auditCol("location.audit.col.k", 40, e -> Integer.toString(e.k())));
        audit.getColumns().add(auditCol("location.audit.col.parameters", 260, e -> parameters(e.parameters())));
        audit.getColumns().add(auditCol("location.audit.col.output", 260, AuditEntry::output));
        audit.getColumns().add(auditCol("location.audit.col.sha256", 200, AuditEntry::outputSha256));
        Button refresh = button("locationRefreshAudit", "location.audit.refresh", vm::refreshAudit);
        Button verify = button("locationVerifyAudit", "location.audit.verify", () -> auditStatus.setText(vm.verifyAudit()));
        Button exportLog = button("locationExportAudit", "location.audit.export", () -> {
            if (ctx.project().get() != null) {
                FileDialogs.save(ctx, b.getString("location.audit.export"), "audit-log.jsonl",
                        new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"))
                        .ifPresent(f -> new AuditLog(ctx.project().get()).export(f));
            }
        });
        HBox auditBar = new HBox(8, refresh, verify, exportLog, auditStatus);
        auditBar.setAlignment(Pos.CENTER_LEFT);
        VBox auditBox = new VBox(6, auditBar, audit);
        VBox.setVgrow(audit, Priority.ALWAYS);

        mapTime.setId("locationMapTime");
        mapMeasure.setId("locationMapMeasure");
        mapFile.setId("locationMapFile");
        mapFile.setPromptText("map.png / map.svg");
        mapInfo.setId("locationMapInfo");
        mapInfo.setWrapText(true);
        mapInfo.setText(b.getString("location.map.none"));
        mapCanvas.setId("locationMap");
        mapTime.valueProperty().addListener((o, a, v) -> redrawMap());
        mapMeasure.valueProperty().addListener((o, a, v) -> {
            redrawMap();
            showGrid();
        });
        Button exportMap = button("locationExportMap", "location.map.export", this::exportMap);
        exportMap.disableProperty().bind(vm.result.outputDisabled());
        HBox mapControls = new HBox(8, label("location.map.time"), mapTime, label("location.map.measure"), mapMeasure, mapFile,
                exportMap);
        mapControls.setAlignment(Pos.CENTER_LEFT);
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
        Tab gridTab = new Tab(b.getString("location.tab.grid"), gridBox);
        gridTab.setId("locationGridTab");
        TabPane tabs = new TabPane(new Tab(b.getString("location.tab.table"), tableBox), gridTab, mapTab,
                new Tab(b.getString("location.tab.audit"), auditBox));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("locationTabs");
        root.getChildren().addAll(top, status, firstTime, importRow, aggRow, opRow, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.setPadding(new Insets(8));

        vm.result.shown().addListener((o, a, c) -> show(c));
        vm.result.computing().addListener((o, a, busy) -> {
            if (busy) {
                shown.setText(b.getString("location.computing"));
            } else {
                summarize(vm.result.shown().get());
            }
        });
        vm.vault.addListener((o, a, v) -> updateFirstTime());
    }

    /** Shows ids (ward, hour, pings …) in the UI language; the value stays the id. */
    private javafx.util.StringConverter<String> ids(String prefix) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : b.containsKey(prefix + id) ? b.getString(prefix + id) : id;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }

    private Label label(String key) {
        Label l = new Label(b.getString(key));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private VBox box(String key, Node n) {
        return new VBox(2, label(key), n);
    }

    private Button button(String id, String key, Runnable action) {
        Button bt = new Button(b.getString(key));
        bt.setId(id);
        bt.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        bt.setOnAction(e -> action.run());
        return bt;
    }

    private TableColumn<AuditEntry, String> auditCol(String key, double width, java.util.function.Function<AuditEntry, String> f) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(b.getString(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static String parameters(Map<String, String> p) {
        StringBuilder sb = new StringBuilder();
        p.forEach((key, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(key).append('=').append(v));
        return sb.toString();
    }

    /** The confirmation field and the warning are shown only while the project has no passphrase yet. */
    private void updateFirstTime() {
        boolean first = vm.vault.get() == null && vm.firstUnlock();
        for (Node n : List.of(confirm, firstTime)) {
            n.setVisible(first);
            n.setManaged(first);
        }
    }

    private void unlock() {
        boolean first = vm.firstUnlock();
        char[] pass = passphrase.getText().toCharArray();
        char[] again = first ? confirm.getText().toCharArray() : null;
        passphrase.clear();
        confirm.clear();
        vm.unlock(pass, again);
    }

    private void doImport() {
        if (importFile.getText().isBlank()) {
            return;
        }
        vm.importFile(Path.of(importFile.getText().strip()), importName.getText().strip(), importKind.getValue());
    }

    private void show(LocationViewModel.Computed computed) {
        table.getColumns().clear();
        table.getItems().clear();
        if (computed == null) {
            shown.setText("");
            grid.getColumns().clear();
            grid.getItems().clear();
            updateMapChoices();
            return;
        }
        ProtectedTable t = computed.result().table();
        List<String> header = t.header();
        boolean od = "od".equals(computed.result().operation());
        List<Integer> keyCols = od ? List.of(0, 1) : List.of(0);
        boolean names = !computed.areaNames().isEmpty();
        for (int i = 0; i < header.size(); i++) {
            int idx = i;
            table.getColumns().add(column(header.get(i), r -> r.get(idx)));
            if (names && keyCols.contains(i)) {
                table.getColumns().add(column(header.get(i) + " " + b.getString("location.col.name"),
                        r -> computed.areaNames().getOrDefault(r.get(idx), "")));
            }
        }
        table.getItems().setAll(t.textRows());
        summarize(computed);
        updateMapChoices();
        showGrid();
    }

    /** The line above the table: cells, suppressed cells, k and the areas used. */
    private void summarize(LocationViewModel.Computed computed) {
        if (computed == null) {
            shown.setText("");
            return;
        }
        ProtectedTable t = computed.result().table();
        shown.setText(MessageFormat.format(b.getString("location.shown"), Integer.toString(t.cells().size()),
                Long.toString(t.primaryCount()), Integer.toString(t.k()), Long.toString(t.secondaryCount()))
                + " " + MessageFormat.format(b.getString("location.areas"), computed.areas()));
    }

    private static TableColumn<List<String>, String> column(String title, java.util.function.Function<List<String>, String> f) {
        TableColumn<List<String>, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }

    /** The grid: one row per area (code and name), one column per time value, the chosen measure (χ = suppressed). */
    private void showGrid() {
        grid.getColumns().clear();
        grid.getItems().clear();
        LocationViewModel.Computed c = vm.result.shown().get();
        if (c == null || "od".equals(c.result().operation())) {
            return;
        }
        ProtectedTable t = c.result().table();
        String measure = mapMeasure.getValue() != null ? mapMeasure.getValue() : LocationMaps.defaultMeasure(t);
        List<String> times = LocationMaps.times(t);
        Map<String, Map<String, Long>> byTime = new LinkedHashMap<>();
        for (String tv : times) {
            byTime.put(tv, LocationMaps.values(t, tv, measure));
        }
        LinkedHashSet<String> areas = new LinkedHashSet<>();
        t.cells().forEach(cell -> areas.add(cell.row()));
        grid.getColumns().add(column(t.header().get(0), r -> r.get(0)));
        grid.getColumns().add(column(b.getString("location.col.name"), r -> r.get(1)));
        for (int j = 0; j < times.size(); j++) {
            int idx = j + 2;
            TableColumn<List<String>, String> col = column(times.get(j), r -> r.get(idx));
            col.setPrefWidth(52);
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
            grid.getColumns().add(col);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String area : areas) {
            List<String> r = new ArrayList<>();
            r.add(area);
            r.add(c.areaNames().getOrDefault(area, ""));
            for (String tv : times) {
                Map<String, Long> v = byTime.get(tv);
                r.add(!v.containsKey(area) ? "" : v.get(area) == null ? ProtectedTable.SUPPRESSED : Long.toString(v.get(area)));
            }
            rows.add(r);
        }
        grid.getItems().setAll(rows);
        grid.setTooltip(new Tooltip(MessageFormat.format(b.getString("location.grid.tip"), measure, t.header().get(1))));
    }

    /** Fills the map's time and measure choices from the shown result (hour 8 and the persons count first). */
    private void updateMapChoices() {
        updatingMapChoices = true;
        try {
            LocationViewModel.Computed c = vm.result.shown().get();
            if (c == null || c.shapes() == null) {
                mapTime.getItems().clear();
                mapMeasure.getItems().clear();
            } else {
                ProtectedTable t = c.result().table();
                List<String> times = LocationMaps.times(t);
                String keepTime = mapTime.getValue();
                mapTime.getItems().setAll(times);
                mapTime.setValue(keepTime != null && times.contains(keepTime) ? keepTime : times.contains("8") ? "8" : times.get(0));
                List<String> measures = LocationMaps.measures(t);
                mapMeasure.getItems().setAll(measures);
                mapMeasure.setValue(LocationMaps.defaultMeasure(t));
            }
        } finally {
            updatingMapChoices = false;
        }
        redrawMap();
    }

    private void redrawMap() {
        if (updatingMapChoices) {
            return;
        }
        var gc = mapCanvas.getGraphicsContext2D();
        gc.clearRect(0, 0, mapCanvas.getWidth(), mapCanvas.getHeight());
        int w = (int) mapCanvas.getWidth();
        int h = (int) mapCanvas.getHeight();
        LocationViewModel.Computed c = vm.result.shown().get();
        if (c == null) {
            mapInfo.setText(b.getString("location.map.none"));
            return;
        }
        if (c.shapes() == null) {
            mapInfo.setText(b.getString("location.map.od"));
            return;
        }
        if (mapTime.getValue() == null || mapMeasure.getValue() == null) {
            return;
        }
        MapSpec spec;
        try {
            spec = LocationMaps.spec(c.result(), c.shapes(), mapTime.getValue(), mapMeasure.getValue());
        } catch (RuntimeException e) {
            ctx.showError(b.getString("location.map.error"), e);
            return;
        }
        Map<String, Long> values = LocationMaps.values(c.result().table(), mapTime.getValue(), mapMeasure.getValue());
        long hidden = values.values().stream().filter(java.util.Objects::isNull).count();
        mapInfo.setText(MessageFormat.format(b.getString("location.map.info"), mapMeasure.getValue(),
                c.result().table().header().get(1), mapTime.getValue(), Integer.toString(values.size()), Long.toString(hidden)));
        if (w < 10 || h < 10) {
            return;
        }
        MapRenderer.render(new FXGraphics2D(gc), spec, w, h);
    }

    private void exportMap() {
        if (!mapFile.getText().isBlank()) {
            vm.exportMap(Path.of(mapFile.getText().strip()), mapTime.getValue(), mapMeasure.getValue(), MAP_WIDTH, MAP_HEIGHT);
            return;
        }
        FileDialogs.save(ctx, b.getString("location.map.export"), vm.suggestedName("png"),
                new FileChooser.ExtensionFilter("PNG", "*.png"), new FileChooser.ExtensionFilter("SVG", "*.svg"))
                .ifPresent(f -> vm.exportMap(f, mapTime.getValue(), mapMeasure.getValue(), MAP_WIDTH, MAP_HEIGHT));
    }

    private void export() {
        if (!exportFile.getText().isBlank()) {
            vm.export(Path.of(exportFile.getText().strip()));
            return;
        }
        FileDialogs.save(ctx, b.getString("location.export"), vm.suggestedName("xlsx"),
                new FileChooser.ExtensionFilter("Excel", "*.xlsx"), new FileChooser.ExtensionFilter("CSV", "*.csv"))
                .ifPresent(vm::export);
    }
}
