package jp.ebpm.analysis;

import java.util.Optional;

/**
 * The library's domain exception: a problem the user can act on, with a message in plain words that
 * names the file, the line (or sheet and cell) and the column where they apply. The message never
 * contains a stack trace and never contains private values (raw ids, coordinates).
 *
 * @since 0.1
 */
public class WorkbenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final Long line;
    private final String column;

    public WorkbenchException(String message) {
        this(message, null, null, null, null);
    }

    public WorkbenchException(String message, Throwable cause) {
        this(message, null, null, null, cause);
    }

    /**
     * @param message what is wrong, in plain words
     * @param file    the file's name (not its full path), or {@code null}
     * @param line    1-based line number (or spreadsheet row), or {@code null}
     * @param column  column name or letter, or {@code null}
     * @param cause   underlying cause, or {@code null}
     */
    public WorkbenchException(String message, String file, Long line, String column, Throwable cause) {
        super(compose(message, file, line, column), cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String compose(String message, String file, Long line, String column) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line != null) {
                sb.append(", line ").append(line);
            }
            if (column != null) {
                sb.append(", column \"").append(column).append('"');
            }
            sb.append(": ");
        }
        return sb.append(message).toString();
    }

    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    public Optional<Long> line() {
        return Optional.ofNullable(line);
    }

    public Optional<String> column() {
        return Optional.ofNullable(column);
    }
}
