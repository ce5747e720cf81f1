package jp.ebpm.workbench.app;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * The result a view shows, and the computation that will replace it: "export what is shown". Every export, copy
 * and save of a view takes its object from {@link #forOutput()}, which is empty while a new result is being computed
 * (the table on screen is about to change) and before the first one; buttons bind their disabled state to
 * {@link #outputDisabled()}. A result that arrives after a newer computation was started is dropped, so a slow old
 * task can never replace what a newer one shows. FX thread only.
 *
 * @param <T> the result type (an immutable object: what is exported is exactly what was shown)
 */
public final class ShownResult<T> {

    private final ReadOnlyObjectWrapper<T> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    private final BooleanBinding disabled = computing.or(shown.isNull());
    private long generation;

    /** The result on screen, or null. */
    public ReadOnlyObjectProperty<T> shown() {
        return shown.getReadOnlyProperty();
    }

    /** True while a computation whose result will replace the shown one runs. */
    public ReadOnlyBooleanProperty computing() {
        return computing.getReadOnlyProperty();
    }

    /** True when nothing may be exported: nothing shown yet, or a new result is being computed. */
    public BooleanBinding outputDisabled() {
        return disabled;
    }

    /** The result to export, copy or save: the one on screen, or empty while a new one is computed. */
    public Optional<T> forOutput() {
        return computing.get() ? Optional.empty() : Optional.ofNullable(shown.get());
    }

    /** Marks the start of a computation; returns its ticket for {@link #finish} / {@link #abandon}. */
    public long begin() {
        computing.set(true);
        return ++generation;
    }

    /** Shows the result of the computation with this ticket, unless a newer one was started since. */
    public boolean finish(long ticket, T value) {
        if (ticket != generation) {
            return false;
        }
        shown.set(value);
        computing.set(false);
        return true;
    }

    /** The computation with this ticket failed or was cancelled: the old result stays shown and may be exported. */
    public void abandon(long ticket) {
        if (ticket == generation) {
            computing.set(false);
        }
    }

    /** Clears the shown result (e.g. the project was closed or the vault locked). */
    public void clear() {
        generation++;
        computing.set(false);
        shown.set(null);
    }

    /**
     * Runs work through the task runner; its result becomes the shown one (then {@code onShown} runs), unless a newer
     * computation was started meanwhile. A failure or cancel leaves the old result shown.
     */
    public Task<T> compute(TaskRunner tasks, String title, TaskRunner.Work<T> work, Consumer<T> onShown) {
        long ticket = begin();
        Task<T> task = tasks.run(title, work, value -> {
            if (finish(ticket, value)) {
                onShown.accept(value);
            }
        });
        task.stateProperty().addListener((o, a, state) -> {
            if (state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                abandon(ticket);
            }
        });
        if (task.getState() == Worker.State.FAILED || task.getState() == Worker.State.CANCELLED) {
            abandon(ticket);
        }
        return task;
    }
}
