package jp.ebpm.workbench.survey;

import java.io.File;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.jfree.chart.fx.ChartViewer;

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
import jp.ebpm.analysis.survey.chart.SurveyCharts;
import jp.ebpm.workbench.app.AppContext;

/**
 * The cross-tab builder: choose the dataset and the row, column, layer and weight variables; the result
 * grid shows counts, column %, ▲/▼ markers and significance letters, with a 100% stacked bar chart beside
 * it and the statistics below. All database work runs through {@code context.tasks()}.
 */
final class CrossTabView {

    private final AppContext context;
    private final ResourceBundle text;
    private final BorderPane root = new BorderPane();
    private final ComboBox<String> dataset = new ComboBox<>();
    private final ComboBox<String> rows = new ComboBox<>();
    private final ComboBox<String> cols = new ComboBox<>();
    private final ComboBox<String> layer = new ComboBox<>();
    private final ComboBox<String> weight = new ComboBox<>();
    private final CheckBox sampling = new CheckBox();
    private final TableView<List<String>> table = new TableView<>();
    private final ChartViewer chart = new ChartViewer();
    private final Label stats = new Label();
    private final Button copy = new Button();
    private final Button export = new Button();
    private final List<DatasetInfo> datasets = new ArrayList<>();
    private CrossTabResult result;
    private Codebook codebook = Codebook.empty();

    CrossTabView(AppContext context) {
        this.context = context;
        this.text = context.bundle("survey");
        build();
        context.project().addListener((obs, old, p) -> loadDatasets());
        loadDatasets();
    }

    BorderPane root() {
        return root;
    }

    private void build() {
        dataset.setId("dataset");
        rows.setId("rows");
        cols.setId("cols");
        layer.setId("layer");
        weight.setId("weight");
        sampling.setId("sampling");
        table.setId("result");
        stats.setId("stats");
        copy.setId("copy");
        export.setId("export");
        sampling.setText(text.getString("survey.weight.sampling"));
        Button run = new Button(text.getString("survey.run"));
        run.setId("run");
        run.setDefaultButton(true);
        run.setOnAction(e -> run());
        copy.setText(text.getString("survey.copy"));
        copy.setOnAction(e -> copyTsv());
        copy.setDisable(true);
        export.setText(text.getString("survey.export"));
        export.setOnAction(e -> exportXlsx());
        export.setDisable(true);
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
        FlowPane builder = new FlowPane(8, 6,
                labelled("survey.dataset", dataset), labelled("survey.rows", rows), labelled("survey.cols", cols),
                labelled("survey.layer", layer), labelled("survey.weight", weight), sampling, codebookButton, rakeButton, run);
        builder.setPadding(new Insets(6));
        SplitPane split = new SplitPane(table, chart);
        split.setDividerPositions(0.55);
        Label legend = new Label(text.getString("survey.legend"));
        legend.setWrapText(true);
        stats.setWrapText(true);
        VBox bottom = new VBox(4, stats, legend, new HBox(8, copy, export));
        bottom.setPadding(new Insets(6));
        root.setTop(builder);
        root.setCenter(split);
        root.setBottom(bottom);
    }

    private VBox labelled(String key, javafx.scene.Node n) {
        return new VBox(2, new Label(text.getString(key)), n);
    }

    private void loadDatasets() {
        Project p = context.project().get();
        if (p == null) {
            return;
        }
        context.tasks().run(text.getString("survey.task.datasets"), (progress, cancel) -> p.catalog().list(), list -> {
            datasets.clear();
            datasets.addAll(list);
            dataset.setItems(FXCollections.observableArrayList(list.stream().map(DatasetInfo::name).toList()));
        });
    }

    private void fillVariables(String name) {
        List<String> columns = datasets.stream().filter(d -> d.name().equals(name)).findFirst()
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
    }

    private String optional(ComboBox<String> box) {
        String v = box.getValue();
        return v == null || v.equals(text.getString("survey.none")) ? null : v;
    }

    private void run() {
        Project p = context.project().get();
        if (p == null || dataset.getValue() == null || rows.getValue() == null || cols.getValue() == null) {
            context.showError(text.getString("survey.title"), new IllegalArgumentException(text.getString("survey.error.choose")));
            return;
        }
        String w = optional(weight);
        CrossTabSpec spec = new CrossTabSpec(dataset.getValue(), rows.getValue(), cols.getValue(), optional(layer), w,
                w == null ? WeightKind.NONE : sampling.isSelected() ? WeightKind.SAMPLING : WeightKind.FREQUENCY,
                codebook, false, 0.05, List.of());
        context.tasks().run(text.getString("survey.task.run"), (progress, cancel) -> CrossTabEngine.run(p, spec, progress, cancel),
                this::show);
    }

    private void show(CrossTabResult r) {
        this.result = r;
        CrossTab t = r.overall();
        List<String> header = CrossTabGrid.header(t, text.getString("survey.col.category"));
        table.getColumns().clear();
        for (int c = 0; c < header.size(); c++) {
            int k = c;
            TableColumn<List<String>, String> col = new TableColumn<>(header.get(c));
            col.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().get(k)));
            col.setSortable(false);
            table.getColumns().add(col);
        }
        table.setItems(FXCollections.observableArrayList(CrossTabGrid.rows(t, text.getString("survey.stats.base"))));
        chart.setChart(SurveyCharts.stackedPercent(t, r.spec().rowVar() + " × " + r.spec().colVar()));
        List<String> lines = new ArrayList<>();
        lines.add(MessageFormat.format(text.getString("survey.stats.pearson"), fmt(t.tests().pearson().statistic()),
                fmt(t.tests().pearson().df()), fmt(t.tests().pearson().p())));
        lines.add(MessageFormat.format(text.getString("survey.stats.cramer"), fmt(t.tests().cramersV())));
        if (t.tests().fisher() != null) {
            lines.add(MessageFormat.format(text.getString("survey.stats.fisher"), fmt(t.tests().fisher().pTwoSided())));
        }
        if (t.raoScott() != null) {
            lines.add(MessageFormat.format(text.getString("survey.stats.raoscott"), fmt(t.raoScott().f()), fmt(t.raoScott().ndf()),
                    fmt(t.raoScott().ddf()), fmt(t.raoScott().p())));
        }
        lines.addAll(t.warnings());
        stats.setText(String.join("\n", lines));
        copy.setDisable(false);
        export.setDisable(false);
    }

    /** The TSV of the current grid, or empty. */
    String tsv() {
        if (result == null) {
            return "";
        }
        CrossTab t = result.overall();
        return CrossTabGrid.tsv(CrossTabGrid.header(t, text.getString("survey.col.category")),
                CrossTabGrid.rows(t, text.getString("survey.stats.base")));
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
    }

    private void exportXlsx() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.getString("survey.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel", "*.xlsx"));
        chooser.setInitialFileName("crosstab.xlsx");
        File f = chooser.showSaveDialog(context.owner());
        if (f == null || result == null) {
            return;
        }
        CrossTabResult r = result;
        context.tasks().run(text.getString("survey.task.export"), (progress, cancel) -> {
            CrossTabExport.writeXlsx(r, f.toPath());
            return f;
        }, done -> { });
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) < 1e-3 && v != 0 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
