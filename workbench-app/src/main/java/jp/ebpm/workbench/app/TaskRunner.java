package jp.ebpm.workbench.app;

import java.util.function.Consumer;

import javafx.concurrent.Task;

import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Runs library work in a {@link Task} off the FX thread. The work receives a {@link ProgressListener}
 * wired to the task's progress and a {@link Cancellation} wired to the task's cancel. The success
 * callback runs on the FX thread; failures are shown through {@link AppContext#showError}.
 */
public interface TaskRunner {

    /** Work that reports progress and honours cancellation. */
    @FunctionalInterface
    interface Work<T> {
        T run(ProgressListener progress, Cancellation cancel) throws Exception;
    }

    /**
     * Starts work in the background.
     *
     * @param title     shown in the status bar
     * @param work      the work (runs on a worker thread)
     * @param onSuccess called on the FX thread with the result
     * @return the running task
     */
    <T> Task<T> run(String title, Work<T> work, Consumer<T> onSuccess);
}
