package jp.ebpm.analysis.task;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancel flag shared between the caller (UI, command line) and a long operation of the library.
 * Operations call {@link #check()} between chunks of work; it throws {@link CancelledException} when
 * the flag is set or the worker thread was interrupted. An operation never returns a partial result.
 *
 * @since 0.1
 */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final java.util.List<Runnable> hooks = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A token that is never cancelled except by thread interruption. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Asks the operation to stop; runs the registered hooks (e.g. a JDBC statement's cancel). */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            for (Runnable hook : hooks) {
                hook.run();
            }
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Registers an action to run on cancel, e.g. cancelling a running query. Runs it at once when already
     * cancelled.
     */
    public void onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled.get()) {
            hook.run();
        }
    }

    /** Removes a hook registered with {@link #onCancel(Runnable)}. */
    public void removeHook(Runnable hook) {
        hooks.remove(hook);
    }

    /**
     * Throws when the operation should stop.
     *
     * @throws CancelledException when cancelled or the current thread was interrupted
     */
    public void check() {
        if (cancelled.get() || Thread.currentThread().isInterrupted()) {
            throw new CancelledException();
        }
    }
}
