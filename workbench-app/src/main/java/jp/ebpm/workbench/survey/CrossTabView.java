package jp.ebpm.workbench.survey;

import java.io.File;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.ProjectCodebooks;
import jp.ebpm.analysis.survey.CrossTab;
import jp.ebpm.analysis.survey.CrossTabEngine;
import jp.ebpm.analysis.survey.CrossTabExport;
import jp.ebpm.analysis.survey.CrossTabResult;
import jp.ebpm.analysis.survey.CrossTabSpec;
import jp.ebpm.analysis.survey.WeightKind;
import jp.ebpm.analysis.survey.SurveyTitles;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.ShownResult;

/**
 * The survey tab. A variable list (drag a variable onto rows / columns / layer / weight, or use its context
 * menu or a double-click) and three modes: cross-tab (grid with the chosen figures, ▲/▼ markers, column
 * letters, NET and missing rows; a layer selector; all statistics; a chart beside it), multiple response
 * ({@link MultipleResponseView}) and Likert ({@link LikertView}). Copy as TSV copies the table shown; the
 * .xlsx export writes the overall and every layer table. All database work runs through
 * {@code context.tasks()}.
 */
final class CrossTabView {

    /** Analysis modes. */
    enum Mode { CROSSTAB, MULTIPLE_RESPONSE, LIKERT }

    private final AppContext context;
    private final ResourceBundle text;
    private final BorderPane root = new BorderPane();
    private final ComboBox<Mode> mode = new ComboBox<>(FXCollections.observableArrayList(Mode.values()));
    private final ComboBox<String> dataset = new ComboBox<>();
    private final ComboBox<String> rows = new ComboBox<>();
    private final ComboBox<String> cols = new ComboBox<>();
    private final ComboBox<String> layer = new ComboBox<>();
    private final ComboBox<String> weight = new ComboBox<>();
    private final CheckBox sampling = new CheckBox();
    private final ComboBox<String> layerSelect = new ComboBox<>();
    private final TableView<List<String>> table = GridTable.create("result");
    private final Label stats = new Label();
    private final Label legend = new Label();
    private final Button copy = new Button();
    private final Button export = new Button();
    private final VBox modeControls = new VBox();
    private final BorderPane center = new BorderPane();
    private final List<DatasetInfo> datasets = new ArrayList<>();
    private final VariableList variables;
    private final CrossTabOptions options;
    private final NetEditor netEditor;
    private final CrossTabChart chart;
    private final MultipleResponseView multipleResponse;
    private final LikertView likert;
    private final CrossTabViewModel vm;
    private Node crossTabControls;
    private Node crossTabCenter;
    private Codebook codebook = Codebook.empty();
    private List<String> columns = List.of();

    CrossTabView(AppContext context) {
        this.context = context;
        this.text = context.bundle("survey");
        this.vm = new CrossTabViewModel(context, text.getString("survey.task.run"));
        this.variables = new VariableList(text);
        this.options = new CrossTabOptions(text, this::showSelected);
        this.netEditor = new NetEditor(text, this::rowScale);
        this.chart = new CrossTabChart(context, text);
        this.multipleResponse = new MultipleResponseView(context, text);
        this.likert = new LikertView(context, text);
        build();
        context.project().addListener((obs, old, p) -> loadDatasets());
        // a dataset imported elsewhere (File > Import) is offered here at once
        context.catalogRevision().addListener((obs, old, n) -> loadDatasets());
        loadDatasets();
    }

    BorderPane root() {
        return root;
    }

    private void build() {
        mode.setId("mode");
        dataset.setId("dataset");
        rows.setId("rows");
        cols.setId("cols");
        layer.setId("layer");
        weight.setId("weight");
        sampling.setId("sampling");
        layerSelect.setId("layerSelect");
        stats.setId("stats");
        jp.ebpm.workbench.app.Placeholders.empty(table, context.bundle("main"));
        copy.setId("copy");
        export.setId("export");
        mode.setValue(Mode.CROSSTAB);
        for (ComboBox<String> b : List.of(rows, cols, layer, weight)) {
            b.setPrefWidth(170);
        }
        dataset.setPrefWidth(220);
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(Mode m) {
                return m == null ? "" : text.getString(switch (m) {
                    case CROSSTAB -> "survey.mode.crosstab";
                    case MULTIPLE_RESPONSE -> "survey.mode.mr";
                    case LIKERT -> "survey.mode.likert";
                });
            }

            @Override
            public Mode fromString(String s) {
                return null;
            }
        });
        mode.valueProperty().addListener((obs, o, m) -> showMode(m));
        sampling.setText(text.getString("survey.weight.sampling"));
        Button run = new Button(text.getString("survey.run"));
        run.setId("run");
        run.setDefaultButton(true);
        run.setOnAction(e -> run());
        copy.setText(text.getString("survey.copy"));
        copy.setOnAction(e -> copyTsv());
        export.setText(text.getString("survey.export"));
        export.setOnAction(e -> chooseExport());
        bindToViewModel();
        chart.bindBusy(vm.result.computing());
        Button codebookButton = new Button(text.getString("survey.codebook"));
        codebookButton.setId("codebook");
        codebookButton.setOnAction(e -> openCodebookEditor());
        Button rakeButton = new Button(context.bundle("rake").getString("rake.open"));
        rakeButton.setId("rake");
        rakeButton.setOnAction(e -> openRakeDialog());
        dataset.valueProperty().addListener((obs, old, name) -> {
            fillVariables(name);
            loadStoredCodebook(name);
        });
        layerSelect.setDisable(true);
        layerSelect.getSelectionModel().selectedIndexProperty().addListener((obs, o, n) -> showSelected());

        VBox weightBox = labelled("survey.weight", weight);
        FlowPane common = new FlowPane(8, 6, labelled("survey.mode", mode), labelled("survey.dataset", dataset), weightBox,
                sampling, codebookButton, rakeButton, run);
        common.setAlignment(Pos.BOTTOM_LEFT);
        common.setPadding(new Insets(6));

        VBox rowsBox = labelled("survey.rows", rows);
        VBox colsBox = labelled("survey.cols", cols);
        VBox layerBox = labelled("survey.layer", layer);
        for (VBox b : List.of(rowsBox, colsBox, layerBox, weightBox)) {
            b.setPadding(new Insets(2));
        }
        Label dropHint = new Label(text.getString("survey.drop.hint"));
        dropHint.setStyle("-fx-opacity: 0.7;");
        FlowPane targets = new FlowPane(8, 6, rowsBox, colsBox, layerBox);
        ToggleButton optionsToggle = new ToggleButton(text.getString("survey.options.title"));
        optionsToggle.setId("optionsToggle");
        ToggleButton netToggle = new ToggleButton(text.getString("survey.net.pane"));
        netToggle.setId("netToggle");
        VBox optionsNode = options.node();
        VBox netNode = netEditor.node();
        for (VBox panel : List.of(optionsNode, netNode)) {
            panel.setPadding(new Insets(4));
            panel.setStyle("-fx-border-color: #c8c8c8; -fx-border-radius: 4;");
        }
        optionsNode.visibleProperty().bind(optionsToggle.selectedProperty());
        optionsNode.managedProperty().bind(optionsToggle.selectedProperty());
        netNode.visibleProperty().bind(netToggle.selectedProperty());
        netNode.managedProperty().bind(netToggle.selectedProperty());
        HBox toggles = new HBox(8, optionsToggle, netToggle, dropHint);
        toggles.setAlignment(Pos.CENTER_LEFT);
        HBox panes = new HBox(8, optionsNode, netNode);
        VBox ctControls = new VBox(4, targets, toggles, panes);
        ctControls.setPadding(new Insets(0, 6, 6, 6));
        crossTabControls = ctControls;

        variables.addTarget(text.getString("survey.assign.rows"), rows, rowsBox);
        variables.addTarget(text.getString("survey.assign.cols"), cols, colsBox);
        variables.addTarget(text.getString("survey.assign.layer"), layer, layerBox);
        variables.addTarget(text.getString("survey.assign.weight"), weight, weightBox);
        variables.addTarget(text.getString("survey.assign.banner"), multipleResponse.banner(), multipleResponse.banner());
        variables.addTarget(text.getString("survey.assign.banner"), likert.banner(), likert.banner());

        // the table gets the space; the chart beside it can be hidden (and comes back where it was)
        ToggleButton chartToggle = new ToggleButton(text.getString("survey.chart.show"));
        chartToggle.setId("chartToggle");
        chartToggle.setTooltip(new javafx.scene.control.Tooltip(text.getString("survey.chart.show.tip")));
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox tableBar = new HBox(6, new Label(text.getString("survey.layer.show")), layerSelect, grow, chartToggle);
        tableBar.setAlignment(Pos.CENTER_LEFT);
        tableBar.setPadding(new Insets(0, 0, 4, 0));
        BorderPane tablePane = new BorderPane(table);
        tablePane.setTop(tableBar);
        // at the default window size the table takes the whole width; "Chart" shows the chart beside it
        SplitPane split = new SplitPane(tablePane);
        SplitPane.setResizableWithParent(chart.node(), false);
        chartToggle.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                split.getItems().setAll(tablePane, chart.node());
                split.setDividerPositions(0.64);
            } else {
                split.getItems().setAll(tablePane);
            }
        });
        legend.setWrapText(true);
        legend.setText(MessageFormat.format(text.getString("survey.legend"), "0.05"));
        stats.setWrapText(true);
        VBox ctBottom = new VBox(4, stats, legend);
        BorderPane ctCenter = new BorderPane(split);
        ctCenter.setBottom(ctBottom);
        crossTabCenter = ctCenter;

        VBox varBox = new VBox(2, new Label(text.getString("survey.variables")), variables.node());
        VBox.setVgrow(variables.node(), Priority.ALWAYS);
        varBox.setPrefWidth(200);
        varBox.setPadding(new Insets(6));

        center.setPadding(new Insets(0, 6, 0, 0));
        HBox buttons = new HBox(8, copy, export);
        buttons.setPadding(new Insets(6));
        root.setTop(new VBox(common, modeControls));
        root.setLeft(varBox);
        root.setCenter(center);
        root.setBottom(buttons);
        showMode(Mode.CROSSTAB);
    }

    private VBox labelled(String key, Node n) {
        return new VBox(2, new Label(text.getString(key)), n);
    }

    private void showMode(Mode m) {
        Mode current = m == null ? Mode.CROSSTAB : m;
        switch (current) {
            case MULTIPLE_RESPONSE -> {
                modeControls.getChildren().setAll(multipleResponse.controls());
                center.setCenter(multipleResponse.result());
            }
            case LIKERT -> {
                modeControls.getChildren().setAll(likert.controls());
                center.setCenter(likert.result());
            }
            default -> {
                modeControls.getChildren().setAll(crossTabControls);
                center.setCenter(crossTabCenter);
            }
        }
        // copy and export act on what the current mode shows, and are off while it is being recomputed
        ShownResult<?> out = switch (current) {
            case MULTIPLE_RESPONSE -> multipleResponse.shown;
            case LIKERT -> likert.shown;
            default -> vm.result;
        };
        copy.disableProperty().unbind();
        export.disableProperty().unbind();
        copy.disableProperty().bind(out.outputDisabled());
        export.disableProperty().bind(out.outputDisabled());
    }

    /** The choices of the cross-tab mode live in the view model; the boxes show them. */
    private void bindToViewModel() {
        vm.dataset.bind(dataset.valueProperty());
        vm.rows.bind(rows.valueProperty());
        vm.cols.bind(cols.valueProperty());
        vm.layer.bind(javafx.beans.binding.Bindings.createStringBinding(() -> optional(layer), layer.valueProperty()));
        vm.weight.bind(javafx.beans.binding.Bindings.createStringBinding(() -> optional(weight), weight.valueProperty()));
        vm.sampling.bind(sampling.selectedProperty());
    }

    private void loadDatasets() {
        Project p = context.project().get();
        if (p == null) {
            return;
        }
        context.tasks().run(text.getString("survey.task.datasets"), (progress, cancel) -> p.catalog().list(), list -> {
            datasets.clear();
            datasets.addAll(list);
            // survey datasets first; the first survey is preselected so the variables show at once
            List<String> names = list.stream()
                    .sorted(java.util.Comparator.comparing((DatasetInfo d) -> d.kind() != jp.ebpm.analysis.store.DatasetKind.SURVEY))
                    .map(DatasetInfo::name).toList();
            if (!dataset.getItems().equals(names)) {
                // in place: the chosen dataset stays chosen (and its variables, weight and options with it)
                dataset.getItems().setAll(names);
            }
            if (dataset.getValue() == null) {
                list.stream().filter(d -> d.kind() == jp.ebpm.analysis.store.DatasetKind.SURVEY).findFirst()
                        .ifPresent(d -> dataset.setValue(d.name()));
            }
        });
    }

    private void fillVariables(String name) {
        columns = datasets.stream().filter(d -> d.name().equals(name)).findFirst()
                .map(DatasetInfo::columnNames).orElse(List.of());
        rows.setItems(FXCollections.observableArrayList(columns));
        cols.setItems(FXCollections.observableArrayList(columns));
        List<String> optional = new ArrayList<>();
        optional.add(text.getString("survey.none"));
        optional.addAll(columns);
        layer.setItems(FXCollections.observableArrayList(optional));
        weight.setItems(FXCollections.observableArrayList(optional));
        layer.getSelectionModel().select(0);
        weight.getSelectionModel().select(0);
        variables.setColumns(columns);
        multipleResponse.setSource(columns, codebook);
        likert.setSource(columns, codebook);
    }

    private String optional(ComboBox<String> box) {
        String v = box.getValue();
        return v == null || v.equals(text.getString("survey.none")) ? null : v;
    }

    private WeightKind weightKind() {
        return vm.weightKind();
    }

    private void run() {
        Project p = context.project().get();
        if (p == null || dataset.getValue() == null) {
            context.showError(text.getString("survey.title"), new IllegalArgumentException(text.getString("survey.error.choose")));
            return;
        }
        switch (mode.getValue() == null ? Mode.CROSSTAB : mode.getValue()) {
            case MULTIPLE_RESPONSE -> multipleResponse.run(p, dataset.getValue(), optional(weight), weightKind());
            case LIKERT -> likert.run(p, dataset.getValue(), optional(weight), weightKind());
            default -> runCrossTab(p);
        }
    }

    /** The codebook categories of the row variable in order, without missing codes (empty without a codebook entry). */
    List<String> rowScale() {
        return rows.getValue() == null ? List.of() : codebook.variable(rows.getValue())
                .map(v -> v.values().stream().map(Codebook.Value::code).filter(c -> !v.missingCodes().contains(c)).toList())
                .orElse(List.of());
    }

    /** The request of the current choices (the library prepares it), or null when rows or columns are missing. */
    CrossTabSpec spec() {
        return vm.spec(options.showMissing(), options.alpha(), netEditor.nets());
    }

    CrossTabViewModel viewModel() {
        return vm;
    }

    private void runCrossTab(Project p) {
        CrossTabSpec spec = spec();
        if (spec == null) {
            context.showError(text.getString("survey.title"), new IllegalArgumentException(text.getString("survey.error.choose")));
            return;
        }
        vm.run(p, spec, this::show);
    }

    private void show(CrossTabResult r) {
        List<String> choices = new ArrayList<>();
        choices.add(text.getString("survey.layer.overall"));
        for (CrossTab t : r.layers()) {
            choices.add(r.spec().layerVar() + " = " + t.layer().label());
        }
        layerSelect.setItems(FXCollections.observableArrayList(choices));
        layerSelect.setDisable(r.layers().isEmpty());
        layerSelect.getSelectionModel().select(0);
        legend.setText(MessageFormat.format(text.getString("survey.legend"), String.format(Locale.ROOT, "%.2f", r.spec().alpha())));
        showSelected();
    }

    /** The table the layer selector shows (overall, or one layer), or null before the first run. */
    CrossTab selectedTable() {
        CrossTabResult result = vm.result.shown().get();
        if (result == null) {
            return null;
        }
        int k = layerSelect.getSelectionModel().getSelectedIndex();
        return k <= 0 || k > result.layers().size() ? result.overall() : result.layers().get(k - 1);
    }

    private CrossTabGrid.Labels labels() {
        List<String> names = new ArrayList<>();
        for (CrossTabGrid.Figure f : CrossTabGrid.Figure.values()) {
            names.add(CrossTabOptions.figureName(text, f));
        }
        return new CrossTabGrid.Labels(text.getString("survey.col.category"), text.getString("survey.stats.base"),
                text.getString("survey.col.total"), "NET: ", text.getString("survey.tip.wilson"), names,
                java.util.Map.of(jp.ebpm.analysis.survey.LikertSummary.TOP2, text.getString("survey.likert.top2"),
                        jp.ebpm.analysis.survey.LikertSummary.BOTTOM2, text.getString("survey.likert.bottom2")));
    }

    /** Shows the selected table: grid, statistics and chart. */
    private void showSelected() {
        CrossTab t = selectedTable();
        if (t == null) {
            return;
        }
        CrossTabResult result = vm.result.shown().get();
        GridTable.show(table, CrossTabGrid.grid(t, options.figures(), labels()));
        stats.setText(String.join("\n", CrossTabStats.lines(result, t, text)));
        chart.show(t, SurveyTitles.table(result.spec(), t.layer(), english()),
                jp.ebpm.analysis.survey.chart.SurveyCharts.orderedRows(result.spec()));
    }

    /** The TSV of the table shown in the current mode, or empty while a new one is computed. */
    String tsv() {
        return switch (mode.getValue() == null ? Mode.CROSSTAB : mode.getValue()) {
            case MULTIPLE_RESPONSE -> multipleResponse.tsv();
            case LIKERT -> likert.tsv();
            default -> {
                CrossTab t = vm.result.forOutput().isPresent() ? selectedTable() : null;
                yield t == null ? "" : CrossTabGrid.grid(t, options.figures(), labels()).tsv();
            }
        };
    }

    /** Asks where to write the workbook of the current mode (in the project's exports/ folder). */
    private void chooseExport() {
        Mode m = mode.getValue() == null ? Mode.CROSSTAB : mode.getValue();
        String name = switch (m) {
            case MULTIPLE_RESPONSE -> "multiple-response.xlsx";
            case LIKERT -> "likert.xlsx";
            default -> vm.suggestedName();
        };
        jp.ebpm.workbench.app.FileDialogs.save(context, text.getString("survey.export.title"), name,
                new FileChooser.ExtensionFilter("Excel", "*.xlsx")).ifPresent(f -> exportXlsx(m, f));
    }

    /** Writes the workbook of the table the mode shows (none while it is being recomputed). */
    javafx.concurrent.Task<java.nio.file.Path> exportXlsx(Mode m, java.nio.file.Path file) {
        Project p = context.project().get();
        java.util.function.Consumer<java.nio.file.Path> done = f -> context.showInfo(text.getString("survey.title"),
                MessageFormat.format(text.getString("survey.export.done"), f.getFileName()));
        return switch (m) {
            case MULTIPLE_RESPONSE -> multipleResponse.exportXlsx(p, file, context.organization(), context.author(), done);
            case LIKERT -> likert.exportXlsx(p, file, context.organization(), context.author(), done);
            default -> vm.exportXlsx(p, file, context.organization(), context.author(), text.getString("survey.task.export"),
                    vm.result.forOutput().isPresent() ? chart.chart() : null, done);
        };
    }

    private void copyTsv() {
        ClipboardContent content = new ClipboardContent();
        content.putString(tsv());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Opens the codebook editor of the selected dataset; a saved codebook is used at once. */
    private void openCodebookEditor() {
        String name = dataset.getValue();
        if (context.project().get() == null || name == null) {
            context.showError(text.getString("survey.title"),
                    new IllegalArgumentException(context.bundle("rake").getString("rake.error.dataset")));
            return;
        }
        new CodebookEditor(context, name, columnsOf(name), codebook, this::useCodebook).show();
    }

    /** Opens the weighting (raking) dialog of the selected dataset. */
    private void openRakeDialog() {
        String name = dataset.getValue();
        if (context.project().get() == null || name == null) {
            context.showError(text.getString("survey.title"),
                    new IllegalArgumentException(context.bundle("rake").getString("rake.error.dataset")));
            return;
        }
        new RakeDialog(context, name, List.copyOf(datasets), codebook, this::weightWritten).show();
    }

    private List<String> columnsOf(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst().map(DatasetInfo::columnNames).orElse(List.of());
    }

    /** Uses the codebook stored with the dataset (none: no codebook). */
    private void loadStoredCodebook(String name) {
        Project p = context.project().get();
        useCodebook(Codebook.empty());
        if (p == null || name == null) {
            return;
        }
        context.tasks().run(text.getString("survey.codebook"), (progress, cancel) -> ProjectCodebooks.load(p, name),
                stored -> {
                    if (name.equals(dataset.getValue())) {
                        useCodebook(stored.orElse(Codebook.empty()));
                    }
                });
    }

    /** After raking: re-reads the columns, keeps the choices, and selects the new weight as sampling weight. */
    private void weightWritten(String column) {
        Project p = context.project().get();
        String name = dataset.getValue();
        context.refreshCatalog();
        context.tasks().run(text.getString("survey.task.datasets"), (progress, cancel) -> p.catalog().list(), list -> {
            datasets.clear();
            datasets.addAll(list);
            String r = rows.getValue();
            String c = cols.getValue();
            String l = layer.getValue();
            fillVariables(name);
            rows.setValue(r);
            cols.setValue(c);
            if (l != null) {
                layer.setValue(l);
            }
            weight.setValue(column);
            sampling.setSelected(true);
        });
    }

    /** Uses a codebook for labels, category order and missing codes of the next tables. */
    void useCodebook(Codebook cb) {
        this.codebook = cb == null ? Codebook.empty() : cb;
        vm.codebook.set(codebook);
        variables.setCodebook(codebook);
        multipleResponse.setSource(columns, codebook);
        likert.setSource(columns, codebook);
    }

    private boolean english() {
        return !"ja".equals(text.getLocale().getLanguage());
    }

    // package-private handles for tests
    VariableList variableList() {
        return variables;
    }

    NetEditor netEditor() {
        return netEditor;
    }

    CrossTabOptions options() {
        return options;
    }

    CrossTabChart chart() {
        return chart;
    }

    MultipleResponseView multipleResponse() {
        return multipleResponse;
    }

    LikertView likert() {
        return likert;
    }
}
