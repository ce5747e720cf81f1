package jp.ebpm.workbench.app.data;

import java.util.ResourceBundle;
import java.util.concurrent.Executor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import jp.ebpm.analysis.store.ColumnSummary;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.QueryResult;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.Bundles;

/**
 * State of the data view: the dataset shown, its rows as a {@link PagedRowSource}, a notice instead of
 * rows for private datasets, and the column summary. Opening reads the catalog entry, one
 * {@code count(*)} and the first page in a task; later pages are read as the user scrolls.
 */
public final class DataViewModel {

    /** Rows per page read from DuckDB. */
    public static final int PAGE_SIZE = 500;
    /** Pages kept in memory (20,000 rows). */
    public static final int MAX_PAGES = 40;

    private final AppContext context;
    private final Executor pageReader;
    private final Executor fx;
    private final ObjectProperty<DatasetInfo> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<RowSource> rows = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObservableList<ColumnSummary> summary = FXCollections.observableArrayList();
    private final BooleanProperty summarizing = new SimpleBooleanProperty();
    private int generation;

    /**
     * @param context    the main window
     * @param pageReader reads pages in the background
     * @param fx         runs on the FX thread ({@code Platform::runLater})
     */
    public DataViewModel(AppContext context, Executor pageReader, Executor fx) {
        this.context = context;
        this.pageReader = pageReader;
        this.fx = fx;
        context.project().addListener((obs, old, now) -> clear());
    }

    public ObjectProperty<DatasetInfo> dataset() {
        return dataset;
    }

    public ObjectProperty<RowSource> rows() {
        return rows;
    }

    /** A message shown instead of the rows, or empty. */
    public StringProperty notice() {
        return notice;
    }

    public ObservableList<ColumnSummary> summary() {
        return summary;
    }

    public BooleanProperty summarizing() {
        return summarizing;
    }

    /** Opens a dataset of the current project. */
    public void show(String name) {
        Project project = context.project().get();
        if (project == null) {
            return;
        }
        int g = ++generation;
        context.tasks().run(text("data.task.open", name), (p, c) -> open(project, name),
                opened -> {
                    if (g == generation && project == context.project().get()) {
                        if (opened == null) {
                            clear();
                        } else {
                            apply(project, opened);
                        }
                    }
                });
    }

    /** Reads the shown dataset again (its rows may have changed); clears the view when it is gone. */
    public void reload() {
        DatasetInfo shown = dataset.get();
        if (shown != null) {
            show(shown.name());
        }
    }

    /** Computes the column summary of the shown dataset in a task. */
    public void summarize() {
        DatasetInfo info = dataset.get();
        Project project = context.project().get();
        if (info == null || project == null || info.sensitivity() == Sensitivity.PRIVATE) {
            return;
        }
        int g = generation;
        summarizing.set(true);
        var task = context.tasks().run(text("data.task.summary", info.name()),
                (p, c) -> project.catalog().summarize(info.name()),
                list -> {
                    if (g == generation) {
                        summary.setAll(list);
                    }
                });
        task.runningProperty().addListener((o, was, is) -> summarizing.set(is));
    }

    /** Shows nothing (no project, or the dataset was removed). */
    public void clear() {
        generation++;
        dataset.set(null);
        rows.set(null);
        notice.set("");
        summary.clear();
    }

    private record Opened(DatasetInfo info, int rowCount, QueryResult firstPage) {
    }

    /** Reads what the view needs, or {@code null} when the dataset no longer exists. */
    private static Opened open(Project project, String name) {
        DatasetInfo info = project.catalog().find(name).orElse(null);
        if (info == null) {
            return null;
        }
        if (info.sensitivity() == Sensitivity.PRIVATE) {
            return new Opened(info, 0, null);
        }
        // One count when the dataset is opened (the catalog's figure is stale after SQL changes);
        // scrolling never counts again.
        QueryResult count = project.query("SELECT count(*) FROM " + Sql.ident(name), 1, Cancellation.none());
        long n = ((Number) count.get(0, 0)).longValue();
        QueryResult first = project.catalog().page(name, 0, PAGE_SIZE);
        return new Opened(info, (int) Math.min(n, Integer.MAX_VALUE - 1), first);
    }

    private void apply(Project project, Opened opened) {
        DatasetInfo info = opened.info();
        summary.clear();
        dataset.set(info);
        if (opened.firstPage() == null) {
            rows.set(null);
            notice.set(text("data.private", info.name()));
            return;
        }
        String name = info.name();
        PagedRowSource source = new PagedRowSource(opened.firstPage().columns(), opened.rowCount(), PAGE_SIZE,
                MAX_PAGES, (offset, limit) -> project.catalog().page(name, offset, limit), pageReader, fx);
        source.seed(0, opened.firstPage());
        source.setOnError(e -> {
            // a page read that failed because another dataset or project was opened meanwhile is not news
            if (rows.get() == source) {
                context.showError(text("data.error.read", name), e);
            }
        });
        notice.set("");
        rows.set(source);
    }

    private String text(String key, Object... args) {
        ResourceBundle b = context.bundle("main");
        return Bundles.format(b, key, args);
    }
}
