package jp.ebpm.workbench.survey;

import java.io.File;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;

import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.Margin;
import jp.ebpm.analysis.survey.MarginIo;
import jp.ebpm.analysis.survey.ProjectCodebooks;
import jp.ebpm.analysis.survey.RakeOptions;
import jp.ebpm.analysis.survey.RakeResult;
import jp.ebpm.analysis.survey.Raking;
import jp.ebpm.workbench.app.AppContext;

/**
 * Rakes a survey dataset to population margins, as {@code workbench rake} does (the same library call,
 * {@link Raking#rakeInto}): margins are variable(s) → a statistics dataset of the project or a CSV file,
 * with trimming bounds, tolerance, iteration limit and the name of the weight column to write. The run is a
 * task with progress and cancel (a cancelled or failed run leaves the dataset unchanged); the dialog then
 * shows the convergence report, the weight summary, Kish's design effect and the effective sample size,
 * and the achieved total of every margin category.
 */
final class RakeDialog {

    /** A finished run: the raking result and the codebook that labels its categories. */
    private record Run(RakeResult result, Codebook labels) {
    }

    /** One margin line: variables and their population source. */
    private final class MarginRow {
        final ComboBox<String> variables = new ComboBox<>();
        final ComboBox<String> source = new ComboBox<>();
        /** Source shown in the combo → the SOURCE part of the margin spec. */
        final Map<String, String> specs = new LinkedHashMap<>(sourceSpecs);
        final HBox box;

        MarginRow(int index) {
            variables.setId("rake-vars-" + index);
            source.setId("rake-source-" + index);
            variables.setEditable(true);
            variables.setItems(FXCollections.observableArrayList(columns));
            variables.setPromptText(text.getString("rake.margin.vars.prompt"));
            variables.setPrefWidth(200);
            source.setItems(FXCollections.observableArrayList(specs.keySet()));
            source.setPrefWidth(260);
            defaultSource().ifPresent(source::setValue);
            Button file = new Button(text.getString("rake.margin.file"));
            file.setId("rake-file-" + index);
            file.setOnAction(e -> chooseFile());
            Button remove = new Button(text.getString("rake.margin.remove"));
            remove.setId("rake-remove-" + index);
            box = new HBox(6, variables, new Label("→"), source, file, remove);
            remove.setOnAction(e -> {
                margins.remove(this);
                marginBox.getChildren().remove(box);
            });
        }

        private void chooseFile() {
            jp.ebpm.workbench.app.FileDialogs.open(context, stage, text.getString("rake.margin.file"),
                    new FileChooser.ExtensionFilter("CSV", "*.csv")).ifPresent(f -> useFile(f.toAbsolutePath().toString()));
        }

        void useFile(String path) {
            String shown = MessageFormat.format(text.getString("rake.margin.fileSource"), new File(path).getName());
            specs.put(shown, path);
            source.getItems().setAll(specs.keySet());
            source.setValue(shown);
        }

        /** The {@code VARS=SOURCE} spec, or null when incomplete. */
        String spec() {
            String v = variables.getEditor() != null && variables.isEditable() && variables.getEditor().getText() != null
                    && !variables.getEditor().getText().isBlank() ? variables.getEditor().getText() : variables.getValue();
            String s = source.getValue() == null ? null : specs.get(source.getValue());
            if (v == null || v.isBlank() || s == null) {
                return null;
            }
            return v.replace('×', '+').replaceAll("\\s+", "") + "=" + s;
        }
    }

    private final AppContext context;
    private final ResourceBundle text;
    private final Project project;
    private final String dataset;
    private final List<String> columns;
    private final Map<String, String> sourceSpecs = new LinkedHashMap<>();
    private final String defaultSource;
    private final Consumer<String> onWeightWritten;
    private final Codebook fallbackCodebook;
    private Codebook codebook = Codebook.empty();
    private final Stage stage = new Stage();
    private final List<MarginRow> margins = new ArrayList<>();
    private final VBox marginBox = new VBox(4);
    private final ComboBox<String> baseWeight = new ComboBox<>();
    private final TextField lower = new TextField();
    private final TextField upper = new TextField();
    private final TextField epsilon = new TextField("1e-10");
    private final TextField maxIterations = new TextField("1000");
    private final TextField outWeight = new TextField("rake_weight");
    private final javafx.scene.control.CheckBox leaveOut = new javafx.scene.control.CheckBox();
    private final Button run = new Button();
    private final Button stop = new Button();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label report = new Label();
    private final TableView<RakeResult.MarginCheck> checks = new TableView<>();
    private Task<Run> running;
    private RakeResult result;

    /**
     * @param dataset         the survey dataset to rake
     * @param datasets        the project's datasets (population sources are offered from them)
     * @param codebook        labels for the margin categories when the dataset has no stored codebook (may be empty)
     * @param onWeightWritten called on the FX thread with the weight column name after it was written
     */
    RakeDialog(AppContext context, String dataset, List<DatasetInfo> datasets, Codebook codebook,
               Consumer<String> onWeightWritten) {
        this.context = context;
        this.fallbackCodebook = codebook == null ? Codebook.empty() : codebook;
        this.text = context.bundle("rake");
        this.project = context.project().get();
        this.dataset = dataset;
        this.columns = datasets.stream().filter(d -> d.name().equals(dataset)).findFirst().map(DatasetInfo::columnNames)
                .orElse(List.of());
        this.onWeightWritten = onWeightWritten;
        String firstStatistics = null;
        // statistics datasets first: they are the usual population tables; among them the likeliest population table
        // of this survey first: the most columns named like the survey's (ward, sex, age_group), then the narrowest
        List<DatasetInfo> sorted = new ArrayList<>(datasets);
        sorted.sort(java.util.Comparator.comparing((DatasetInfo d) -> d.kind() != DatasetKind.STATISTICS)
                .thenComparing(d -> -shared(d, columns)).thenComparing(d -> d.columnNames().size()));
        for (DatasetInfo d : sorted) {
            if (d.name().equals(dataset) || d.kind() == DatasetKind.BOUNDARY || d.kind() == DatasetKind.POINTS
                    || d.kind() == DatasetKind.KPI || d.kind() == DatasetKind.LOCATION) {
                continue;
            }
            sourceSpecs.put(d.name(), "@" + d.name());
            if (firstStatistics == null && d.kind() == DatasetKind.STATISTICS) {
                firstStatistics = d.name();
            }
        }
        this.defaultSource = firstStatistics;
        build();
    }

    /** How many columns a dataset shares (by name) with the survey. */
    private static long shared(DatasetInfo d, List<String> surveyColumns) {
        return d.columnNames().stream().filter(surveyColumns::contains).count();
    }

    private java.util.Optional<String> defaultSource() {
        return java.util.Optional.ofNullable(defaultSource);
    }

    void show() {
        stage.show();
    }

    Stage stage() {
        return stage;
    }

    /** The last result, or null. */
    RakeResult result() {
        return result;
    }

    private void build() {
        stage.setTitle(MessageFormat.format(text.getString("rake.title"), dataset));
        if (context.owner() != null) {
            stage.initOwner(context.owner());
            stage.initModality(Modality.WINDOW_MODAL);
        }
        baseWeight.setId("rake-base");
        lower.setId("rake-trim-lower");
        upper.setId("rake-trim-upper");
        epsilon.setId("rake-epsilon");
        maxIterations.setId("rake-max-iterations");
        outWeight.setId("rake-out");
        leaveOut.setId("rake-leave-out");
        leaveOut.setText(text.getString("rake.leaveOut"));
        leaveOut.setWrapText(true);
        run.setId("rake-run");
        stop.setId("rake-stop");
        progress.setId("rake-progress");
        status.setId("rake-status");
        report.setId("rake-report");
        checks.setId("rake-margins");
        List<String> base = new ArrayList<>();
        base.add(text.getString("rake.none"));
        base.addAll(columns);
        baseWeight.setItems(FXCollections.observableArrayList(base));
        baseWeight.getSelectionModel().select(0);
        lower.setPromptText(text.getString("rake.trim.none"));
        upper.setPromptText(text.getString("rake.trim.none"));
        lower.setPrefColumnCount(6);
        upper.setPrefColumnCount(6);

        addMargin();
        Button add = new Button(text.getString("rake.margin.add"));
        add.setId("rake-margin-add");
        add.setOnAction(e -> addMargin());
        Label marginHint = new Label(text.getString("rake.margin.hint"));
        marginHint.setWrapText(true);

        GridPane options = new GridPane();
        options.setHgap(8);
        options.setVgap(6);
        options.addRow(0, new Label(text.getString("rake.base")), baseWeight);
        options.addRow(1, new Label(text.getString("rake.trim")), new HBox(6, lower, new Label("–"), upper));
        options.addRow(2, new Label(text.getString("rake.epsilon")), epsilon);
        options.addRow(3, new Label(text.getString("rake.maxIterations")), maxIterations);
        options.addRow(4, new Label(text.getString("rake.out")), outWeight);
        options.add(leaveOut, 0, 5, 2, 1);

        run.setText(text.getString("rake.run"));
        run.setDefaultButton(true);
        run.setOnAction(e -> start());
        stop.setText(text.getString("rake.stop"));
        stop.setDisable(true);
        stop.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        Button close = new Button(text.getString("rake.close"));
        close.setId("rake-close");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
            stage.close();
        });
        progress.setPrefWidth(220);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, run, stop, progress, gap, close);
        status.setWrapText(true);
        report.setWrapText(true);
        report.setStyle("-fx-font-family: monospace;");

        TableColumn<RakeResult.MarginCheck, String> m = column("rake.col.margin", c -> c.margin());
        TableColumn<RakeResult.MarginCheck, String> cat = column("rake.col.category", this::categoryLabel);
        TableColumn<RakeResult.MarginCheck, String> target = column("rake.col.target", c -> number(c.target(), 1));
        TableColumn<RakeResult.MarginCheck, String> achieved = column("rake.col.achieved", c -> number(c.achieved(), 1));
        TableColumn<RakeResult.MarginCheck, String> error = column("rake.col.error",
                c -> c.target() > 0 ? String.format(Locale.ROOT, "%.2e", Math.abs(c.achieved() - c.target()) / c.target()) : "-");
        checks.getColumns().setAll(List.of(m, cat, target, achieved, error));
        checks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        checks.setPrefHeight(200);

        VBox top = new VBox(6, new Label(text.getString("rake.margins")), marginBox, add, marginHint, options, actions, status);
        VBox bottom = new VBox(6, report, checks);
        VBox.setVgrow(checks, Priority.ALWAYS);
        BorderPane root = new BorderPane(bottom);
        root.setTop(top);
        BorderPane.setMargin(bottom, new Insets(8, 0, 0, 0));
        root.setPadding(new Insets(8));
        Scene scene = new Scene(root, 820, 720);
        if (context.owner() != null && context.owner().getScene() != null) {
            scene.getStylesheets().addAll(context.owner().getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    /** The category codes of a margin check with their codebook labels, e.g. {@code 14131 川崎区 / 2 女性}. */
    private String categoryLabel(RakeResult.MarginCheck c) {
        String[] vars = c.margin().split("×");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < c.category().size(); i++) {
            String code = c.category().get(i);
            String label = i < vars.length ? codebook.variable(vars[i]).flatMap(v -> v.value(code)).map(Codebook.Value::label)
                    .orElse(null) : null;
            parts.add(label == null || label.equals(code) ? code : code + " " + label);
        }
        return String.join(" / ", parts);
    }

    private TableColumn<RakeResult.MarginCheck, String> column(String key,
                                                              java.util.function.Function<RakeResult.MarginCheck, String> value) {
        TableColumn<RakeResult.MarginCheck, String> c = new TableColumn<>(text.getString(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setSortable(false);
        return c;
    }

    private void addMargin() {
        MarginRow row = new MarginRow(margins.size());
        margins.add(row);
        marginBox.getChildren().add(row.box);
    }

    /** Sets margin line {@code i} (adding lines as needed): variables (e.g. {@code sex+age_group}) and a dataset source. */
    void setMargin(int i, String variables, String datasetName) {
        while (margins.size() <= i) {
            addMargin();
        }
        MarginRow row = margins.get(i);
        row.variables.setValue(variables);
        row.variables.getEditor().setText(variables);
        row.source.setValue(datasetName);
    }

    private void start() {
        List<String> specs = new ArrayList<>();
        for (MarginRow r : margins) {
            String s = r.spec();
            if (s != null) {
                specs.add(s);
            }
        }
        if (specs.isEmpty()) {
            status.setText(text.getString("rake.error.margins"));
            return;
        }
        String out = outWeight.getText() == null ? "" : outWeight.getText().trim();
        if (out.isEmpty()) {
            status.setText(text.getString("rake.error.out"));
            return;
        }
        RakeOptions opt;
        try {
            String b = baseWeight.getValue() == null || baseWeight.getSelectionModel().getSelectedIndex() == 0 ? null : baseWeight.getValue();
            opt = new RakeOptions(b, Double.parseDouble(epsilon.getText().trim()), Integer.parseInt(maxIterations.getText().trim()),
                    bound(lower), bound(upper), leaveOut.isSelected());
        } catch (IllegalArgumentException e) {
            status.setText(MessageFormat.format(text.getString("rake.error.options"), e.getMessage()));
            return;
        }
        status.setText(MessageFormat.format(text.getString("rake.running"), String.join("  ", specs)));
        run.setDisable(true);
        stop.setDisable(false);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        Task<Run> task = context.tasks().run(text.getString("rake.task"), (listener, cancel) -> {
            List<Margin> ms = MarginIo.parseAll(specs, null, project);
            cancel.check();
            RakeResult r;
            try {
                r = Raking.rakeInto(project, dataset, ms, relativeBounds(opt, ms), out, listener, cancel);
            } catch (jp.ebpm.analysis.survey.RakingGap gap) {
                // name the category by its codebook labels and suggest collapsing or dropping it, in the UI's language
                String category = gap.category(ProjectCodebooks.load(project, dataset).orElse(fallbackCodebook));
                String key = gap.kind() == jp.ebpm.analysis.survey.RakingGap.Kind.NO_TARGET ? "rake.gap.noTarget"
                        : "rake.gap.noRespondents";
                throw new jp.ebpm.analysis.WorkbenchException(MessageFormat.format(text.getString(key), category,
                        String.join("+", gap.variables())), gap);
            }
            return new Run(r, ProjectCodebooks.load(project, dataset).orElse(fallbackCodebook));
        }, r -> {
            codebook = r.labels();
            show(r.result(), out);
        });
        running = task;
        task.progressProperty().addListener((obs, old, p) -> {
            if (p.doubleValue() >= 0) {
                progress.setProgress(p.doubleValue());
            }
        });
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.CANCELLED || state == Worker.State.FAILED) {
                running = null;
                run.setDisable(false);
                stop.setDisable(true);
                progress.setProgress(0);
                status.setText(state == Worker.State.CANCELLED ? text.getString("rake.cancelled")
                        : MessageFormat.format(text.getString("rake.failed"), message(task.getException())));
            }
        });
    }

    /**
     * Without a base weight, the bounds typed in the dialog are factors of the mean weight N/n (population
     * total over respondents), the weight every respondent would get without raking; the library bounds the
     * adjustment of the base weight, which is 1 here, so they are scaled by N/n. With a base weight column,
     * they are factors of that weight, as the library and {@code workbench rake --trim} take them.
     */
    private RakeOptions relativeBounds(RakeOptions opt, List<Margin> ms) {
        if (opt.baseWeight() != null || (opt.lowerBound() == null && opt.upperBound() == null)) {
            return opt;
        }
        double total = ms.get(0).total();
        long n = project.catalog().get(dataset).rowCount();
        double mean = Math.abs(total - 1.0) < 1e-9 || n == 0 ? 1.0 : total / n;
        return opt.withBounds(opt.lowerBound() == null ? null : opt.lowerBound() * mean,
                opt.upperBound() == null ? null : opt.upperBound() * mean);
    }

    private static String message(Throwable t) {
        return t == null ? "" : t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static Double bound(TextField f) {
        String s = f.getText() == null ? "" : f.getText().trim();
        return s.isEmpty() ? null : Double.valueOf(s);
    }

    private void show(RakeResult r, String column) {
        running = null;
        result = r;
        run.setDisable(false);
        stop.setDisable(true);
        progress.setProgress(1);
        double mean = r.respondents() == 0 ? Double.NaN : r.sumWeights() / r.respondents();
        report.setMinHeight(Region.USE_PREF_SIZE);
        report.setText(MessageFormat.format(text.getString("rake.report"),
                r.converged() ? text.getString("rake.yes") : text.getString("rake.no"), r.iterations(),
                String.format(Locale.ROOT, "%.3e", r.maxRelativeDeviation()), String.format(Locale.ROOT, "%,d", r.respondents()),
                number(r.sumWeights(), 1), number(r.minWeight(), 4), number(r.maxWeight(), 4), number(mean, 4),
                String.format(Locale.ROOT, "%,d", r.trimmed()), number(r.kishDesignEffect(), 4), number(r.effectiveN(), 1)));
        if (r.leftOut() > 0) {
            List<String> cats = new ArrayList<>();
            for (RakeResult.LeftOut l : r.leftOutCategories()) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < l.codes().size(); i++) {
                    String v = i < l.variables().size() ? l.variables().get(i) : "";
                    String code = l.codes().get(i);
                    String label = codebook.variable(v).flatMap(x -> x.value(code)).map(Codebook.Value::label).orElse(null);
                    parts.add(label == null ? code : label);
                }
                cats.add(String.join("×", parts) + " " + l.respondents());
            }
            report.setText(report.getText() + "\n" + MessageFormat.format(text.getString("rake.report.leftOut"),
                    String.format(Locale.ROOT, "%,d", r.leftOut()), String.join(", ", cats),
                    String.join(", ", r.leftOutCategories().stream().map(l -> String.join("×", l.variables())).distinct().toList())));
        }
        checks.setItems(FXCollections.observableArrayList(r.margins()));
        status.setText(MessageFormat.format(text.getString(r.converged() ? "rake.done" : "rake.done.notConverged"), column, dataset));
        onWeightWritten.accept(column);
    }

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
