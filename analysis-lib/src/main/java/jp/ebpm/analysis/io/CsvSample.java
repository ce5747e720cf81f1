package jp.ebpm.analysis.io;

import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Detects the dialect of the decoded sample of a delimited text file, split into records by
 * {@link DelimitedText} (Apache Commons CSV): the delimiter among {@code , TAB ; |}, the title lines above the
 * table and whether the first row is a header.
 *
 * <p>Delimiter rule: for each candidate, the rows of the sample are split; the candidate that gives the most
 * rows with the most common field count (that count being at least 2) wins; ties go to the order
 * {@code , TAB ; |}. A file with a single column gets {@code ,}.
 */
final class CsvSample {

    private CsvSample() {
    }

    /**
     * Splits a sample into records (blank lines included) with {@link DelimitedText}. With {@code complete}
     * false a record cut at the end of the sample is left out.
     */
    static List<DelimitedText.Record> parse(String text, char delim, int maxRows, boolean complete, String fileName) {
        return DelimitedText.records(text, delim, maxRows, complete, fileName);
    }

    /** Parses a complete text (tests and small files). */
    static List<DelimitedText.Record> parse(String text, char delim, int maxRows) {
        return parse(text, delim, maxRows, true, null);
    }

    /** Detects the delimiter of a sample. */
    static char detectDelimiter(String text) {
        char best = ',';
        long bestScore = 0;
        for (char d : DelimitedText.DELIMITERS) {
            List<DelimitedText.Record> rows;
            try {
                rows = nonBlank(parse(text, d, 2000, false, null));
            } catch (WorkbenchException e) {
                continue;
            }
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

    static List<DelimitedText.Record> nonBlank(List<DelimitedText.Record> rows) {
        return rows.stream().filter(r -> !r.blank()).toList();
    }

    /** The most common number of fields among rows (the larger one on ties). */
    static int modalWidth(List<DelimitedText.Record> rows) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (DelimitedText.Record r : rows) {
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
    static int detectSkipLines(List<DelimitedText.Record> rows) {
        int width = modalWidth(nonBlank(rows));
        for (DelimitedText.Record r : rows) {
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
    static boolean detectHeader(List<DelimitedText.Record> rows) {
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
        ColumnNames.checkHeader(names, fileName, line, where);
    }

    /**
     * Checks that every row of the sample has the table's number of fields. With {@code shorterAllowed}
     * (statistics tables: note lines under the table) only rows with more fields are refused.
     *
     * @throws WorkbenchException naming the first ragged line
     */
    static void checkWidths(List<DelimitedText.Record> rows, int width, String fileName, boolean shorterAllowed) {
        for (DelimitedText.Record r : rows) {
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
