package jp.ebpm.workbench.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * The real {@link TaskRunner}: each piece of work runs as a {@link Task} on a small pool of daemon threads.
 * The library's {@link ProgressListener} is wired to the task's progress and message, cancelling the task
 * also cancels the library's {@link Cancellation}, and running tasks are listed for the status bar.
 * A failure goes to the error handler (a dialog with the plain message); a cancel is not an error.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    /** A task shown in the status bar. */
    public record RunningTask(String title, Task<?> task, Cancellation cancellation) {

        /** Stops the task and asks the library to stop. */
        public void cancel() {
            cancellation.cancel();
            task.cancel(true);
        }
    }

    private final ExecutorService executor;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private final BiConsumer<String, Throwable> onError;

    /**
     * @param threads number of worker threads
     * @param onError shows a failure (called on the FX thread with the task title and the error)
     */
    public FxTaskRunner(int threads, BiConsumer<String, Throwable> onError) {
        this.onError = onError;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "workbench-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, daemons);
    }

    /** The tasks now running (FX thread only). */
    public ObservableList<RunningTask> running() {
        return running;
    }

    @Override
    public <T> Task<T> run(String title, Work<T> work, Consumer<T> onSuccess) {
        Cancellation cancellation = new Cancellation();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                ProgressListener listener = (message, done, total) -> {
                    if (message != null) {
                        updateMessage(message);
                    }
                    updateProgress(done, total);
                };
                return work.run(listener, cancellation);
            }

            @Override
            protected void cancelled() {
                cancellation.cancel();
            }
        };
        RunningTask entry = new RunningTask(title, task, cancellation);
        task.setOnSucceeded(e -> {
            running.remove(entry);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.remove(entry);
            Throwable error = task.getException();
            if (!(error instanceof CancelledException)) {
                onError.accept(title, error);
            }
        });
        task.setOnCancelled(e -> running.remove(entry));
        onFx(() -> {
            if (task.getState() == Worker.State.READY || task.getState() == Worker.State.SCHEDULED
                    || task.getState() == Worker.State.RUNNING) {
                running.add(entry);
            }
        });
        executor.execute(task);
        return task;
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** Cancels every running task and stops the threads. */
    @Override
    public void close() {
        onFx(() -> java.util.List.copyOf(running).forEach(RunningTask::cancel));
        executor.shutdownNow();
    }
}
