package jp.ebpm.scale;

/** A failure the user can act on: the message is printed as it is, without a stack trace. */
final class JobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JobException(String message) {
        super(message);
    }

    JobException(String message, Throwable cause) {
        super(message, cause);
    }
}
