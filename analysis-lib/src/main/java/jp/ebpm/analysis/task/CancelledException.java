package jp.ebpm.analysis.task;

/**
 * Thrown by a long operation that stopped because it was cancelled. The project is left as it was
 * before the operation started.
 *
 * @since 0.1
 */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("The operation was cancelled; nothing was changed.");
    }
}
