package jp.ebpm.workbench.app;

import jp.ebpm.analysis.WorkbenchException;

/** The plain message of an error as the user sees it: never a stack trace or an exception class path. */
public final class ErrorText {

    private ErrorText() {
    }

    /**
     * The message of the first {@link WorkbenchException} in the cause chain; else the error's own
     * message; else its simple class name.
     */
    public static String of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof WorkbenchException) {
                return t.getMessage();
            }
        }
        if (error == null) {
            return "";
        }
        String m = error.getMessage();
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
    }
}
