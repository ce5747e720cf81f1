package jp.ebpm.analysis.io;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Turns DuckDB's CSV reader errors into plain-word {@link WorkbenchException}s naming the file, the line
 * and the column.
 */
final class DuckErrors {

    private static final Pattern LINE = Pattern.compile("CSV Error on Line: (\\d+)");
    private static final Pattern COLUMNS = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");
    private static final Pattern CONVERT = Pattern.compile("Could not convert string \"(.*?)\" to '([A-Z_ 0-9()]+)'");
    private static final Pattern COLUMN = Pattern.compile("(?:converting column|column) \"(.*?)\"");

    private DuckErrors() {
    }

    /** Maps an error of {@code read_csv} on a file. */
    static WorkbenchException csv(SQLException e, String fileName, TextEncoding enc) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        Long line = find(LINE, m, 1) == null ? null : Long.valueOf(find(LINE, m, 1));
        Matcher cols = COLUMNS.matcher(m);
        if (cols.find()) {
            return CsvSample.ragged(fileName, line == null ? 0 : line, Integer.parseInt(cols.group(1)),
                    Integer.parseInt(cols.group(2)));
        }
        if (m.contains("Invalid unicode")) {
            return new WorkbenchException("The file holds bytes that are not valid " + enc.label()
                    + " text. Choose the encoding by hand (utf-8, cp932, euc-jp) or save the file again.",
                    fileName, line, null, e);
        }
        Matcher conv = CONVERT.matcher(m);
        if (conv.find()) {
            String column = find(COLUMN, m, 1);
            return new WorkbenchException("The value \"" + conv.group(1) + "\" is not a " + typeWord(conv.group(2))
                    + " (the column's type, " + conv.group(2).trim() + ", was taken from the first rows or chosen by you)."
                    + " Import this column as text (type VARCHAR) or correct the value.", fileName, line, column, e);
        }
        if (m.contains("Value with unterminated quote") || m.contains("unterminated quote")) {
            return new WorkbenchException("A quoted value is not closed (a \" is missing).", fileName, line, null, e);
        }
        if (m.contains("Maximum line size")) {
            return new WorkbenchException("A line is too long; the file may not be a delimited text file.", fileName, line, null, e);
        }
        String first = m.lines().filter(s -> !s.isBlank()).skip(m.startsWith("Invalid Input Error: Attempting") ? 1 : 0)
                .findFirst().orElse(m);
        return new WorkbenchException("The file could not be read: " + first, fileName, line, null, e);
    }

    static String typeWord(String duckType) {
        String t = duckType.trim().toUpperCase(java.util.Locale.ROOT);
        return switch (t) {
            case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT" -> "whole number";
            case "DOUBLE", "FLOAT", "REAL" -> "number";
            case "DATE" -> "date";
            case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE" -> "date and time";
            case "TIME" -> "time of day";
            case "BOOLEAN" -> "true/false value";
            default -> t;
        };
    }

    private static String find(Pattern p, String s, int group) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(group) : null;
    }
}
