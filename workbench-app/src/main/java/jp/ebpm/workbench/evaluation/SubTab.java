package jp.ebpm.workbench.evaluation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.FileDialogs;
import jp.ebpm.workbench.app.Placeholders;
import jp.ebpm.workbench.app.ShownResult;
import jp.ebpm.workbench.app.TaskRunner;

/**
 * What the four evaluation sub-tabs share: the form on the left and the result on the right, the status line, the
 * dataset and column choices, Run and Export. The result on screen is a {@link ShownResult} ("export what is shown"):
 * Export (and Copy) take it from {@link ShownResult#forOutput()}, are off while a new result is computed, and a late
 * result of an older run is dropped. Exports ask for a file in the project's {@code exports/} folder (or the folder
 * last used) through {@link FileDialogs}; the report's cover names the organisation and author of the settings.
 *
 * @param <T> what the sub-tab shows (an immutable value: what is exported is exactly what was shown)
 */
final class SubTab<T> {

    /** Writes a shown result as an Excel report (off the FX thread). */
    @FunctionalInterface
    interface Report<T> {
        void write(Project project, T shown, Cover cover, Path out);
    }

    /** The cover and provenance of a report: organisation and author from the settings. */
    record Cover(String organization, String author) {
        ReportInfo info(String title) {
            return ReportInfo.of(title, organization, LocalDate.now(), author, "EBPM Workbench");
        }

        Provenance provenance(Project p, List<String> datasets, String weights) {
            return EvaluationReports.provenance(p, datasets, "", weights == null ? "" : weights, author);
        }
    }

    private final AppContext context;
    private final String id;
    final ResourceBundle b;
    final ShownResult<T> shown;
    final GridPane form = Forms.grid();
    /** The project's tables, all columns and the numeric columns of the chosen dataset. */
    final ObservableList<String> datasets = FXCollections.observableArrayList();
    final ObservableList<String> all = FXCollections.observableArrayList();
    final ObservableList<String> numeric = FXCollections.observableArrayList();
    final Label status = new Label();
    private final BorderPane root = new BorderPane();
    private final java.util.function.BiConsumer<Project, List<String>> suggest;

    /**
     * @param id the sub-tab's part of the node ids ({@code Reg} → {@code #evalRegRun}, {@code #evalRegExport},
     *           {@code #evalRegStatus})
     */
    SubTab(AppContext context, String id, ShownResult<T> shown, ObjectProperty<String> dataset,
           java.util.function.BiConsumer<Project, List<String>> suggest) {
        this.context = context;
        this.id = id;
        this.suggest = suggest;
        this.b = context.bundle("evaluation");
        this.shown = shown;
        dataset.addListener((o, a, d) -> {
            Project p = context.project().get();
            all.setAll(p == null ? List.of() : DatasetColumns.columns(p, d));
            numeric.setAll(p == null ? List.of() : DatasetColumns.numeric(p, d));
        });
        status.setId("eval" + id + "Status");
        status.setPadding(new Insets(4, 8, 4, 8));
        status.setWrapText(true);
    }

    AppContext context() {
        return context;
    }

    Project project() {
        return context.project().get();
    }

    Node root() {
        return root;
    }

    /**
     * A new project (or none): its tables are offered, the result of the old one is gone, and the view model keeps its
     * dataset while offered or preselects one ({@code suggest}, given the project and its tables).
     */
    void refresh(Project p) {
        shown.clear();
        datasets.setAll(p == null ? List.of() : DatasetColumns.tables(p));
        suggest.accept(p, datasets);
    }

    /** Adds "label: control" as the next row of the form. */
    void row(String key, Node control) {
        Forms.row(form, b.getString(key), control);
    }

    /** Adds a row with a chooser of {@code items} bound both ways to {@code value}. */
    void choice(String key, String controlId, ObservableList<String> items, ObjectProperty<String> value) {
        row(key, Forms.combo(controlId, items, value));
    }

    /** Adds a row with a text field bound both ways to {@code value}, with a prompt (may be null). */
    javafx.scene.control.TextField text(String key, String controlId, String prompt, javafx.beans.property.StringProperty value) {
        javafx.scene.control.TextField f = new javafx.scene.control.TextField();
        f.setId(controlId);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        row(key, f);
        return f;
    }

    /**
     * Looks something up for a default in the background (the years of a dataset, its reference row); a data error
     * gives {@code none} (no suggestion: the user fills the field in).
     */
    <R> void lookUp(String titleKey, java.util.concurrent.Callable<R> work, R none, Consumer<R> use) {
        context.tasks().run(b.getString(titleKey), (progress, cancel) -> {
            try {
                return work.call();
            } catch (jp.ebpm.analysis.WorkbenchException e) {
                return none;
            }
        }, use);
    }

    Button runButton(Runnable action) {
        Button run = new Button(b.getString("eval.run"));
        run.setId("eval" + id + "Run");
        run.setOnAction(e -> action.run());
        return run;
    }

    /**
     * The Export button: asks where to write (suggesting the shown result's default name, the command line's rule:
     * {@code EvaluationOutput.fileName} and siblings) and writes the shown result there.
     */
    Button exportButton(Function<T, String> fileName, Report<T> report) {
        Button export = new Button(b.getString("eval.export"));
        export.setId("eval" + id + "Export");
        export.disableProperty().bind(shown.outputDisabled());
        export.setOnAction(e -> shown.forOutput().ifPresent(s -> FileDialogs.save(context, b.getString("eval.export.title"),
                fileName.apply(s), new FileChooser.ExtensionFilter("Excel", "*.xlsx")).ifPresent(f -> export(f, report))));
        return export;
    }

    /** Shows the UI-language placeholder while a result table is empty. */
    <R> TableView<R> placeholder(TableView<R> table) {
        return Placeholders.empty(table, context.bundle("main"));
    }

    /**
     * Places the form (left, scrolled) and the result (right) side by side over the status line. The form keeps its
     * preferred width (no label or choice is cut to "…"); the result gets the rest of the window.
     */
    void layout(Node result) {
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setMinWidth(Region.USE_PREF_SIZE);
        controls.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, controls);
        form.setMinWidth(Region.USE_PREF_SIZE);
        ScrollPane left = new ScrollPane(form);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setMinWidth(Region.USE_PREF_SIZE); // the form's preferred width, as laid out now
        SplitPane.setResizableWithParent(left, false);
        SplitPane split = new SplitPane(left, result);
        split.setDividerPositions(0.0);
        root.setCenter(split);
        root.setBottom(status);
    }

    /** Columns of a result table share its width (the last takes what is left). */
    static <R> void fill(TableView<R> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /**
     * Asks the question (a missing choice is named on the status line and nothing runs), then computes the result to
     * show in the background; {@code onShown} runs when it is shown (not when a newer run had started meanwhile).
     *
     * @return the task, or null when nothing runs
     */
    <S> Task<T> compute(Supplier<S> question, String title, Function<S, TaskRunner.Work<T>> work, Consumer<T> onShown) {
        if (project() == null) {
            return null;
        }
        S s;
        try {
            s = question.get();
        } catch (IllegalArgumentException e) {
            status.setText(Forms.missing(b, e));
            return null;
        }
        status.setText(b.getString("eval.running"));
        Task<T> task = shown.compute(context.tasks(), title, work.apply(s), onShown);
        task.stateProperty().addListener((o, a, state) -> {
            if (state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                status.setText("");
            }
        });
        return task;
    }

    /**
     * Writes the shown result to {@code out} in the background.
     *
     * @return the task, or null while a new result is computed or before the first
     */
    Task<Path> export(Path out, Report<T> report) {
        T s = shown.forOutput().orElse(null);
        Project p = project();
        if (s == null || p == null) {
            return null;
        }
        Cover cover = new Cover(context.organization(), context.author());
        return context.tasks().run(b.getString("eval.exporting"), (progress, cancel) -> {
            report.write(p, s, cover, out);
            return out;
        }, o -> {
            String message = String.format(b.getString("eval.exported"), o.getFileName());
            status.setText(message);
            context.showInfo(b.getString("eval.title"), message);
        });
    }
}
