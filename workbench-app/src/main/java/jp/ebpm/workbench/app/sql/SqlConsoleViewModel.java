package jp.ebpm.workbench.app.sql;

import java.text.NumberFormat;
import java.util.function.Predicate;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

import jp.ebpm.analysis.privacy.guard.SqlConsoleGuard;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.QueryResult;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.Bundles;
import jp.ebpm.workbench.app.data.ResultRowSource;
import jp.ebpm.workbench.app.data.RowSource;

/**
 * The SQL console: a read-only statement runs through {@code Project.query} (at most
 * {@value #MAX_ROWS} rows shown); a statement that changes data ({@link Sql#isReadOnly} false) runs
 * through {@code Project.execute} only after the user confirmed it, and the catalog is reloaded.
 */
public final class SqlConsoleViewModel {

    /** Rows shown at most; more are reported as truncated. */
    public static final int MAX_ROWS = 10_000;

    private final AppContext context;
    private final Predicate<String> confirmChange;
    private final StringProperty sql = new SimpleStringProperty("");
    private final ObjectProperty<RowSource> result = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();

    /**
     * @param context       the main window
     * @param confirmChange asks the user whether the given data-changing statement may run
     */
    public SqlConsoleViewModel(AppContext context, Predicate<String> confirmChange) {
        this.context = context;
        this.confirmChange = confirmChange;
    }

    public StringProperty sql() {
        return sql;
    }

    public ObjectProperty<RowSource> result() {
        return result;
    }

    /** One line about the last run: row count, truncation, or rows changed. */
    public StringProperty status() {
        return status;
    }

    public BooleanProperty running() {
        return running;
    }

    /**
     * Runs the statement in a task.
     *
     * @return the task, or {@code null} when nothing runs (empty text, no project, not confirmed)
     */
    public Task<?> run() {
        Project project = context.project().get();
        String statement = sql.get() == null ? "" : sql.get().strip();
        if (project == null || statement.isEmpty() || running.get()) {
            return null;
        }
        Task<?> task;
        if (Sql.isReadOnly(statement)) {
            task = context.tasks().run(text("sql.task.query"),
                    (p, c) -> {
                        SqlConsoleGuard.checkPlainQuery(project, statement);
                        return project.query(statement, MAX_ROWS, c);
                    }, this::showResult);
        } else {
            if (!confirmChange.test(statement)) {
                status.set(text("sql.status.notRun"));
                return null;
            }
            task = context.tasks().run(text("sql.task.execute"), (p, c) -> {
                SqlConsoleGuard.checkPlainQuery(project, statement);
                return project.execute(statement);
            }, n -> {
                status.set(n < 0 ? text("sql.status.done") : text("sql.status.changed", n));
                result.set(null);
                context.refreshCatalog();
            });
        }
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
