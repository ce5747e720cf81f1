package jp.ebpm.workbench.app.sql;

import java.text.NumberFormat;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.QueryResult;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.Bundles;
import jp.ebpm.workbench.app.data.ResultRowSource;
import jp.ebpm.workbench.app.data.RowSource;

/**
 * The SQL console: the text runs through {@code Project.query}, which accepts only one pure query over the
 * catalog's non-private datasets (checked with DuckDB's own parser; no writes, no files, no internal
 * tables) and shows at most {@value #MAX_ROWS} rows. Anything else — INSERT, DELETE, CREATE, COPY, ATTACH,
 * EXPLAIN ANALYZE, several statements — is refused with the reason; data changes go through the import and
 * analysis functions, never through typed SQL.
 */
public final class SqlConsoleViewModel {

    /** Rows shown at most; more are reported as truncated. */
    public static final int MAX_ROWS = 10_000;

    private final AppContext context;
    private final StringProperty sql = new SimpleStringProperty("");
    private final ObjectProperty<RowSource> result = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();

    /**
     * @param context the main window
     */
    public SqlConsoleViewModel(AppContext context) {
        this.context = context;
    }

    public StringProperty sql() {
        return sql;
    }

    public ObjectProperty<RowSource> result() {
        return result;
    }

    /** One line about the last run: row count or truncation. */
    public StringProperty status() {
        return status;
    }

    public BooleanProperty running() {
        return running;
    }

    /**
     * Runs the query in a task; a refused or failing text is reported through the task's error.
     *
     * @return the task, or {@code null} when nothing runs (empty text, no project, already running)
     */
    public Task<?> run() {
        Project project = context.project().get();
        String statement = sql.get() == null ? "" : sql.get().strip();
        if (project == null || statement.isEmpty() || running.get()) {
            return null;
        }
        Task<?> task = context.tasks().run(text("sql.task.query"), (p, c) -> project.query(statement, MAX_ROWS, c),
                this::showResult);
        running.set(true);
        task.runningProperty().addListener((o, was, is) -> running.set(is));
        return task;
    }

    private void showResult(QueryResult r) {
        result.set(new ResultRowSource(r));
        String rows = NumberFormat.getIntegerInstance(context.bundle("main").getLocale()).format(r.rowCount());
        status.set(r.truncated() ? text("sql.status.truncated", rows) : text("sql.status.rows", rows));
    }

    private String text(String key, Object... args) {
        return Bundles.format(context.bundle("main"), key, args);
    }
}
