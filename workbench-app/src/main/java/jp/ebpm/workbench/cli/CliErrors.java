package jp.ebpm.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.CancelledException;

/**
 * What the command line prints when a command fails: one line in plain words (the CLI speaks English, as every
 * library message does), never a Java class name or a stack trace. {@code --verbose} adds the technical detail
 * (the cause chain with stack traces) below that line.
 */
final class CliErrors {

    /** A qualified Java class name of an exception or error, with an optional ": " after it. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\(?\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*\\)?");
    /** A bare class name such as NoSuchFileException or RecordFormatException. */
    private static final Pattern BARE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*(?:Exception|Error)\\b:?\\s*");
    private static final int MAX = 600;

    private CliErrors() {
    }

    /** The one line shown to the user for an error. */
    static String line(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof WorkbenchException) {
                return clean(t.getMessage());
            }
        }
        if (error instanceof CancelledException) {
            return "Cancelled; nothing was changed.";
        }
        if (error instanceof OutOfMemoryError) {
            return "Not enough memory for this operation. Start the workbench with more memory (for example java -Xmx4g"
                    + " -jar workbench.jar ...) or use a smaller file.";
        }
        if (error instanceof StackOverflowError) {
            return "The input is nested too deeply to be read. Check the file.";
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof NoSuchFileException e) {
                return "The file or folder does not exist: " + e.getFile();
            }
            if (t instanceof AccessDeniedException e) {
                return "Permission denied: " + e.getFile();
            }
            if (t instanceof FileAlreadyExistsException e) {
                return "The file already exists: " + e.getFile();
            }
            if (t instanceof NotDirectoryException e) {
                return "Not a folder: " + e.getFile();
            }
            if (t instanceof java.nio.file.InvalidPathException e) {
                return "Not a valid file name: " + e.getInput();
            }
        }
        if (error instanceof IllegalArgumentException && error.getMessage() != null && !error.getMessage().isBlank()) {
            return clean(error.getMessage());
        }
        if (error instanceof java.io.IOException || error instanceof java.io.UncheckedIOException) {
            return "A file could not be read or written" + detail(error) + ".";
        }
        return "An unexpected error stopped the command" + detail(error) + ". Run it again with --verbose for the details,"
                + " and report it with that output.";
    }

    private static String detail(Throwable error) {
        String m = error.getMessage() == null ? "" : clean(error.getMessage());
        return m.isBlank() ? "" : " (" + m + ")";
    }

    /** One line without Java class names, at most {@value #MAX} characters. */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        String s = JAVA_NAME.matcher(message).replaceAll("");
        s = BARE_NAME.matcher(s).replaceAll("");
        s = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").replaceAll("\\(\\s*\\)", "").strip();
        return s.length() > MAX ? s.substring(0, MAX - 1) + "…" : s;
    }

    /** Prints the line, and with {@code verbose} the technical detail. */
    static void print(PrintWriter err, Throwable error, boolean verbose) {
        err.println("error: " + line(error));
        if (verbose) {
            err.println("details (--verbose):");
            error.printStackTrace(err);
        }
        err.flush();
    }
}
