package jp.ebpm.analysis.task;

/**
 * Receives progress of a long operation of the library. Implementations must be cheap and thread-safe:
 * the library calls them from the worker thread. The UI adapts this to
 * {@code javafx.concurrent.Task#updateProgress}; the command line prints nothing or a simple bar.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = (message, done, total) -> { };

    /**
     * Reports progress.
     *
     * @param message what is being done, in the user's words (may be {@code null} to keep the last one)
     * @param done    work done so far, in any unit
     * @param total   the total of that unit, or {@code -1} when unknown
     */
    void progress(String message, long done, long total);
}
