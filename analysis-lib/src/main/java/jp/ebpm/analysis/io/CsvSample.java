package jp.ebpm.analysis.io;

import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Parses the decoded sample of a delimited text file (RFC 4180: fields may be quoted with {@code "}, quotes
 * doubled inside) and detects its dialect: the delimiter among {@code , TAB ; |}, the title lines above the
 * table and whether the first row is a header.
 *
 * <p>Delimiter rule: for each candidate, the rows of the sample are split; the candidate that gives the most
 * rows with the most common field count (that count being at least 2) wins; ties go to the order
 * {@code , TAB ; |}. A file with a single column gets {@code ,}.
 */
final class CsvSample {

    static final char[] DELIMITERS = {',', '\t', ';', '|'};

    /** One record of the sample with the 1-based physical line it starts on. */
    record Row(long line, List<String> fields) {
        boolean blank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private CsvSample() {
    }

    /** Splits text into records. A quote left open at the end of a complete sample is reported. */
    static List<Row> parse(String text, char delim, int maxRows) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        long line = 1;
        long start = 1;
        int n = text.length();
        for (int i = 0; i < n && rows.size() < maxRows; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    f.append(c);
                }
            } else if (c == '"' && f.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delim) {
                fields.add(f.toString());
                f.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                continue;
            } else if (c == '\n' || c == '\r') {
                fields.add(f.toString());
                rows.add(new Row(start, List.copyOf(fields)));
                fields.clear();
                f.setLength(0);
                wasQuoted = false;
                line++;
                start = line;
            } else {
                f.append(c);
            }
        }
        if ((f.length() > 0 || !fields.isEmpty() || wasQuoted) && rows.size() < maxRows) {
            fields.add(f.toString());
            rows.add(new Row(start, List.copyOf(fields)));
        }
        return rows;
    }

    /** Detects the delimiter of a sample. */
    static char detectDelimiter(String text) {
        char best = ',';
        long bestScore = 0;
        for (char d : DELIMITERS) {
            List<Row> rows = nonBlank(parse(text, d, 2000));
            int mode = modalWidth(rows);
            if (mode < 2) {
                continue;
            }
            long score = rows.stream().filter(r -> r.fields().size() == mode).count();
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    static List<Row> nonBlank(List<Row> rows) {
        return rows.stream().filter(r -> !r.blank()).toList();
    }

    /** The most common number of fields among rows (the larger one on ties). */
    static int modalWidth(List<Row> rows) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (Row r : rows) {
            counts.merge(r.fields().size(), 1, Integer::sum);
        }
        int best = 0;
        int bestCount = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() > best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /**
     * Title lines above the table: the leading rows that are blank or have fewer fields than the table
     * (a title in the first cell, a date line). Returns the number of physical lines to skip.
     */
    static int detectSkipLines(List<Row> rows) {
        int width = modalWidth(nonBlank(rows));
        for (Row r : rows) {
            if (!r.blank() && r.fields().size() >= width) {
                return (int) (r.line() - 1);
            }
        }
        return 0;
    }

    /**
     * Whether the first row is a header: it is unless one of its fields looks like a number or a date
     * (then the file has no header and the row is data).
     */
    static boolean detectHeader(List<Row> rows) {
        if (rows.isEmpty()) {
            return false;
        }
        List<String> first = rows.get(0).fields();
        for (String v : first) {
            if (looksNumeric(v)) {
                return false;
            }
        }
        return true;
    }

    static boolean looksNumeric(String v) {
        String s = v.strip().replace(",", "");
        if (s.isEmpty()) {
            return false;
        }
        return s.matches("[-+]?\\d+(\\.\\d*)?([eE][-+]?\\d+)?") || s.matches("\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}.*");
    }

    /**
     * Checks column names: none empty, none repeated (case-insensitive, as SQL sees them).
     *
     * @throws WorkbenchException naming the line and column
     */
    static void checkNames(List<String> names, String fileName, long line, String where) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.isBlank()) {
                throw new WorkbenchException("Column " + (i + 1) + " has no name in the header" + where
                        + ". Give every column a name (or import without a header).", fileName, line, String.valueOf(i + 1), null);
            }
            Integer prev = seen.putIfAbsent(n.toLowerCase(java.util.Locale.ROOT), i + 1);
            if (prev != null) {
                throw new WorkbenchException("The column name \"" + n + "\" appears twice in the header" + where
                        + " (columns " + prev + " and " + (i + 1) + "). Column names must be unique.", fileName, line, n, null);
            }
        }
    }

    /**
     * Checks that every row of the sample has the table's number of fields. With {@code shorterAllowed}
     * (statistics tables: note lines under the table) only rows with more fields are refused.
     *
     * @throws WorkbenchException naming the first ragged line
     */
    static void checkWidths(List<Row> rows, int width, String fileName, boolean shorterAllowed) {
        for (Row r : rows) {
            if (r.blank()) {
                continue;
            }
            if (r.fields().size() > width || (r.fields().size() < width && !shorterAllowed)) {
                throw ragged(fileName, r.line(), width, r.fields().size());
            }
        }
    }

    static WorkbenchException ragged(String fileName, long line, int expected, int found) {
        return new WorkbenchException("This line has " + found + (found == 1 ? " field" : " fields") + " but the table has "
                + expected + " columns. Every line must have the same number of fields; check for a missing or extra"
                + " delimiter or an unclosed quote.", fileName, line, null, null);
    }
}
