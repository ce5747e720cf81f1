package jp.ebpm.scale;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Spark failures into one line a data holder can act on: a bad row raised inside a task
 * ({@code raise_error} with the {@link #MARK}) is reported with its own message; other failures with the innermost
 * cause's message, without Spark's stack traces.
 */
final class Failures {

    /** Prefix of messages raised inside tasks for bad input rows. */
    static final String MARK = "bad input: ";
    private static final Pattern RAISED = Pattern.compile("(" + Pattern.quote(MARK) + ".*?)(\\s+SQLSTATE.*)?$", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("^\\[[A-Z_.]+\\]\\s*");

    private Failures() {
    }

    /** A single-quoted Spark SQL string literal. */
    static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The user-facing message of a failure. */
    static String sparkMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains(MARK)) {
                Matcher x = RAISED.matcher(m.substring(m.indexOf(MARK)));
                if (x.find()) {
                    return firstLine(x.group(1));
                }
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() != null ? root.getMessage() : e.getMessage();
        if (m == null) {
            return root.getClass().getSimpleName();
        }
        return CLASS.matcher(firstLine(m)).replaceFirst("");
    }

    private static String firstLine(String m) {
        int i = m.indexOf('\n');
        return (i < 0 ? m : m.substring(0, i)).strip();
    }
}
