package jp.ebpm.workbench.kpi;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.jfree.chart.fx.ChartViewer;

import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportInfo;
import jp.ebpm.analysis.export.xlsx.SourceRef;
import jp.ebpm.analysis.kpi.GradingTable;
import jp.ebpm.analysis.kpi.KpiEvaluation;
import jp.ebpm.analysis.kpi.KpiFiles;
import jp.ebpm.analysis.kpi.KpiRegister;
import jp.ebpm.analysis.kpi.KpiReport;
import jp.ebpm.analysis.kpi.KpiStatus;
import jp.ebpm.analysis.kpi.KpiStore;
import jp.ebpm.analysis.kpi.YearStyle;
import jp.ebpm.analysis.report.KpiReportJob;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.export.OutputNames;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.FileDialogs;

/** The KPI dashboard view. Library work (reading, saving, exporting) runs as background tasks. */
final class KpiView {

    static final String DEFAULT_DATASET = "KPI登録簿";

    private final AppContext context;
    private final ResourceBundle b;
    private final KpiViewModel vm = new KpiViewModel();
    private final BorderPane root = new BorderPane();
    private final TableView<KpiEvaluation> table = new TableView<>(vm.rows);
    private final javafx.scene.layout.StackPane chart = new javafx.scene.layout.StackPane();
    private final TextField actualField = new TextField();
    private final Label editLabel = new Label();
    private final Label editError = new Label();
    private final Label status = new Label();
    private String datasetName = DEFAULT_DATASET;

    KpiView(AppContext context) {
        this.context = context;
        this.b = context.bundle("kpi");
        build();
        context.project().addListener((o, a, p) -> loadFromProject(p));
        loadFromProject(context.project().get());
    }

    Node root() {
        return root;
    }

    KpiViewModel model() {
        return vm;
    }

    private void build() {
        Button open = new Button(b.getString("kpi.open"));
        open.setId("kpiOpen");
        open.setOnAction(e -> chooseFile());
        Button save = new Button(b.getString("kpi.save"));
        save.setId("kpiSave");
        save.setOnAction(e -> saveToProject());
        save.disableProperty().bind(context.project().isNull());
        Button export = new Button(b.getString("kpi.export"));
        export.setId("kpiExport");
        export.setOnAction(e -> chooseExport());
        export.disableProperty().bind(vm.loading.or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.register.get().kpis().isEmpty(), vm.register)));
        ComboBox<String> measure = new ComboBox<>(vm.measures);
        measure.setId("measureFilter");
        measure.valueProperty().bindBidirectional(vm.measure);
        measure.setConverter(converter(s -> s == null || s.isEmpty() ? b.getString("kpi.measure.all") : s));
        ComboBox<Integer> year = new ComboBox<>(vm.years);
        year.setId("yearSelect");
        year.valueProperty().bindBidirectional(vm.fiscalYear);
        year.setConverter(converter(y -> y == null ? "" : vm.label(y)));
        root.setTop(new ToolBar(open, save, export, new Label(b.getString("kpi.measure")), measure,
                new Label(b.getString("kpi.fiscalYear")), year));

        table.setId("kpiTable");
        jp.ebpm.workbench.app.Placeholders.empty(table, context.bundle("main"));
        // status and grade first after the name, so they stay visible in a narrow window
        table.getColumns().add(column("kpi.col.id", e -> e.kpi().id()));
        TableColumn<KpiEvaluation, String> measureCol = column("kpi.col.measure", e -> e.kpi().measure());
        measureCol.setPrefWidth(110);
        table.getColumns().add(measureCol);
        TableColumn<KpiEvaluation, String> name = column("kpi.col.name", e -> e.kpi().name());
        name.setPrefWidth(240);
        table.getColumns().add(name);
        TableColumn<KpiEvaluation, String> st = column("kpi.col.status", e -> b.getString("kpi.status." + e.status().id()));
        st.setCellFactory(c -> new StatusCell());
        table.getColumns().add(st);
        table.getColumns().add(column("kpi.col.grade", KpiEvaluation::grade));
        table.getColumns().add(column("kpi.col.progress", e -> e.progressRate() == null ? ""
                : String.format("%.1f%%", e.progressRate() * 100)));
        table.getColumns().add(column("kpi.col.actual", e -> e.actual() == null ? "" : num(e.actual(), e.kpi().unit())));
        table.getColumns().add(column("kpi.col.baseline", e -> num(e.kpi().baselineValue(), e.kpi().unit())));
        table.getColumns().add(column("kpi.col.target", e -> num(e.kpi().targetValue(), e.kpi().unit())));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> showSelected());
        vm.rows.addListener((ListChangeListener<KpiEvaluation>) c -> showSelected());

        chart.setPrefSize(520, 340);
        actualField.setId("actualField");
        actualField.setPromptText(b.getString("kpi.edit.prompt"));
        Button set = new Button(b.getString("kpi.edit.set"));
        set.setId("setActual");
        set.setOnAction(e -> applyActual());
        actualField.setOnAction(e -> applyActual());
        editError.setId("editError");
        editError.setStyle("-fx-text-fill: #9C0006;");
        HBox edit = new HBox(8, editLabel, actualField, set);
        VBox right = new VBox(8, chart, edit, editError);
        right.setPadding(new Insets(8));
        VBox.setVgrow(chart, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, right);
        split.setDividerPositions(0.58);
        root.setCenter(split);
        status.setId("kpiStatus");
        status.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(status);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    private TableColumn<KpiEvaluation, String> column(String key, java.util.function.Function<KpiEvaluation, String> f) {
        TableColumn<KpiEvaluation, String> c = new TableColumn<>(b.getString(key));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }

    private static String num(double v, String unit) {
        String s = v == Math.rint(v) ? String.format("%,.0f", v) : String.format("%,.1f", v);
        return s + unit;
    }

    /** Colours the status cell like the report (KpiReport colours). */
    private final class StatusCell extends TableCell<KpiEvaluation, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            KpiEvaluation e = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (e == null) {
                setText(null);
                setStyle("");
                return;
            }
            setText(item);
            String[] c = switch (e.status()) {
                case ACHIEVED -> new String[] {KpiReport.ACHIEVED_FILL, KpiReport.ACHIEVED_FONT};
                case ON_TRACK -> new String[] {KpiReport.ON_TRACK_FILL, KpiReport.ON_TRACK_FONT};
                case BEHIND -> new String[] {KpiReport.BEHIND_FILL, KpiReport.BEHIND_FONT};
                case NO_DATA -> new String[] {KpiReport.NO_DATA_FILL, KpiReport.NO_DATA_FONT};
            };
            setStyle("-fx-background-color: #" + c[0] + "; -fx-text-fill: #" + c[1] + ";");
            getStyleClass().removeIf(s -> s.startsWith("kpi-status-"));
            getStyleClass().add("kpi-status-" + e.status().id());
        }
    }

    private void showSelected() {
        KpiEvaluation e = table.getSelectionModel().getSelectedItem();
        Integer fy = vm.fiscalYear.get();
        editLabel.setText(fy == null ? "" : String.format(b.getString("kpi.edit.label"), vm.label(fy)));
        chart.setVisible(e != null);
        if (e == null) {
            return;
        }
        // a fresh viewer per chart (a reused ChartViewer can paint the next chart's background black)
        ChartViewer viewer = new ChartViewer(KpiChart.create(e.kpi(), b));
        viewer.setId("kpiChart");
        chart.getChildren().setAll(viewer);
        actualField.setText(e.kpi().actual(e.fiscalYear()).isPresent() ? numPlain(e.kpi().actual(e.fiscalYear()).getAsDouble()) : "");
    }

    private static String numPlain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    void applyActual() {
        KpiEvaluation e = table.getSelectionModel().getSelectedItem();
        if (e == null) {
            editError.setText(b.getString("kpi.edit.select"));
            return;
        }
        String id = e.kpi().id();
        Optional<String> err = vm.setActual(id, actualField.getText(), b);
        editError.setText(err.orElse(""));
        if (err.isEmpty()) {
            for (KpiEvaluation row : vm.rows) {
                if (row.kpi().id().equals(id)) {
                    table.getSelectionModel().select(row);
                }
            }
            status.setText(b.getString("kpi.edit.unsaved"));
        }
    }

    /** Marks the register as being replaced until the task ends (whatever its outcome). */
    private <T> javafx.concurrent.Task<T> loading(javafx.concurrent.Task<T> task) {
        vm.loading.set(true);
        task.stateProperty().addListener((o, a, st) -> {
            if (st == javafx.concurrent.Worker.State.SUCCEEDED || st == javafx.concurrent.Worker.State.FAILED
                    || st == javafx.concurrent.Worker.State.CANCELLED) {
                vm.loading.set(false);
            }
        });
        return task;
    }

    private void loadFromProject(Project p) {
        if (p == null) {
            return;
        }
        loading(context.tasks().run(b.getString("kpi.loading"), (progress, cancel) -> {
            GradingTable g = GradingTable.of(p);
            YearStyle ys = p.catalog().setting(YearStyle.SETTING).map(YearStyle::parse).orElse(YearStyle.ERA);
            List<String> names = KpiStore.datasets(p);
            KpiRegister reg = names.isEmpty() ? null : KpiStore.load(p, names.get(0));
            SourceRef src = names.isEmpty() ? null : ref(p, names.get(0));
            return new Object[] {g, ys, names.isEmpty() ? null : names.get(0), reg, src};
        }, r -> {
            vm.grading.set((GradingTable) r[0]);
            vm.yearStyle.set((YearStyle) r[1]);
            if (r[3] != null) {
                datasetName = (String) r[2];
                vm.load((KpiRegister) r[3], (SourceRef) r[4]);
                status.setText(String.format(b.getString("kpi.loaded"), datasetName, vm.register.get().kpis().size()));
            }
        }));
    }

    private static SourceRef ref(Project p, String name) {
        var d = p.catalog().get(name);
        return new SourceRef(d.name(), d.sourceFile(), d.sourceSha256(), d.license());
    }

    private void chooseFile() {
        FileDialogs.open(context, b.getString("kpi.open"), new FileChooser.ExtensionFilter(b.getString("kpi.filter"), "*.xlsx", "*.csv"))
                .ifPresent(this::openFile);
    }

    /** Reads a register file in the background; until it is shown, the report cannot be exported. */
    javafx.concurrent.Task<Object[]> openFile(Path file) {
        return loading(context.tasks().run(b.getString("kpi.loading"), (progress, cancel) -> new Object[] {KpiFiles.read(file),
            SourceRef.ofFile(file, "")}, r -> {
                vm.load((KpiRegister) r[0], (SourceRef) r[1]);
                status.setText(String.format(b.getString("kpi.loaded"), file.getFileName(), vm.register.get().kpis().size()));
            }));
    }

    /** Stores the register in the project (dataset {@value #DEFAULT_DATASET} or the one it came from). */
    void saveToProject() {
        Project p = context.project().get();
        if (p == null) {
            return;
        }
        KpiRegister reg = vm.register.get();
        SourceRef src = vm.source.get();
        String name = datasetName;
        context.tasks().run(b.getString("kpi.saving"), (progress, cancel) -> {
            KpiStore.save(p, name, reg, src.file(), src.sha256(), b.getString("kpi.dataset.description"));
            return name;
        }, n -> {
            vm.markSaved();
            context.refreshCatalog();
            status.setText(String.format(b.getString("kpi.saved"), n));
        });
    }

    private void chooseExport() {
        Integer fy = vm.fiscalYear.get();
        String name = OutputNames.kpiReport(datasetName, fy == null ? null : vm.label(fy));
        FileDialogs.save(context, b.getString("kpi.export"), name, new FileChooser.ExtensionFilter("Excel", "*.xlsx"))
                .ifPresent(this::exportTo);
    }

    /**
     * Writes the KPI report of the register on screen for the selected fiscal year in the background: its title is
     * Japanese like its sheets ({@link KpiReport#DEFAULT_TITLE}); organisation and author come from the settings.
     * Nothing is written while another register is being read.
     *
     * @return the task, or null when there is nothing to export
     */
    javafx.concurrent.Task<Path> exportTo(Path out) {
        KpiViewModel.Snapshot snap = vm.forReport().orElse(null);
        if (snap == null) {
            return null;
        }
        String author = context.author();
        String organization = context.organization();
        return context.tasks().run(b.getString("kpi.exporting"), (progress, cancel) -> {
            ReportInfo info = ReportInfo.of(KpiReport.DEFAULT_TITLE, organization, LocalDate.now(), author, "EBPM Workbench");
            KpiReportJob.write(snap.register(), Provenance.of(List.of(snap.source()), author, Instant.now()), snap.fiscalYear(),
                    snap.grading(), snap.yearStyle(), info, out);
            return out;
        }, o -> status.setText(String.format(b.getString("kpi.exported"), o.getFileName())));
    }

    /** For tests: the status text of the statuses shown. */
    List<KpiStatus> statuses() {
        return vm.rows.stream().map(KpiEvaluation::status).toList();
    }

    TableView<KpiEvaluation> table() {
        return table;
    }
}
