package jp.ebpm.analysis.io;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * The one CSV writer of the workbench: every CSV file or CSV text the tool writes goes through it. RFC 4180
 * (comma, {@code \n} line ends, double quotes doubled); output is whatever the given writer encodes (the
 * command line always uses UTF-8).
 *
 * <p>Formula neutralisation (CSV injection), the same rule as the .xlsx writer: text that starts with
 * {@code = + - @}, a tab or a carriage return is prefixed with a single quote, so that spreadsheet programs
 * never run it as a formula. Numbers stay numbers: numeric values and text that is a plain decimal number
 * (e.g. {@code -3.5} copied through from an input file) are written unchanged. Readers of the workbench's
 * own files drop the quote again ({@link #unguard}).
 *
 * @since 0.1
 */
public final class CsvWriter {

    /** A plain decimal number written as text, e.g. {@code -3.5}, {@code +81}, {@code 1e-3}. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final Writer out;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /** A writer; formula-like text is neutralised. */
    public static CsvWriter forSpreadsheets(Writer out) {
        return new CsvWriter(out);
    }

    /**
     * The same writer as {@link #forSpreadsheets}: there is no unguarded CSV output any more.
     *
     * @deprecated use {@link #forSpreadsheets}
     */
    @Deprecated
    public static CsvWriter plain(Writer out) {
        return new CsvWriter(out);
    }

    /** Whether this writer neutralises formula-like text (always). */
    public boolean guardFormulas() {
        return true;
    }

    /** Writes a header and rows to a UTF-8 file (replaced). */
    public static void write(java.nio.file.Path file, List<String> header, Iterable<? extends List<?>> rows) throws IOException {
        try (Writer w = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            write(w, header, rows);
        }
    }

    /**
     * Writes a header and rows to a UTF-8 file, or to {@code standardOutput} when the destination is
     * {@code -} (the command line's convention).
     */
    public static void write(String destination, Writer standardOutput, List<String> header,
                             Iterable<? extends List<?>> rows) throws IOException {
        if (destination.equals("-")) {
            write(standardOutput, header, rows);
        } else {
            write(java.nio.file.Path.of(destination), header, rows);
        }
    }

    /** Writes a header and rows to a writer and flushes it. */
    public static void write(Writer w, List<String> header, Iterable<? extends List<?>> rows) throws IOException {
        CsvWriter c = new CsvWriter(w);
        c.row(header);
        for (List<?> r : rows) {
            c.row(r);
        }
        c.flush();
    }

    /** A number as CSV text: integral values without a decimal point, NaN as empty. */
    public static Object number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v;
        }
        return v;
    }

    /** Writes one record. */
    public void row(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(values.get(i)));
        }
        out.write('\n');
    }

    /** Writes one record. */
    public void row(Object... values) throws IOException {
        row(java.util.Arrays.asList(values));
    }

    private String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        String s = v instanceof TemporalAccessor t && !(v instanceof java.time.Instant)
                ? formatTemporal(t, v) : v.toString();
        if (needsGuard(s)) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static String formatTemporal(TemporalAccessor t, Object v) {
        if (v instanceof java.time.LocalDateTime ldt) {
            return ldt.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).replace('T', ' ');
        }
        return v.toString();
    }

    /**
     * Whether a spreadsheet could read this text as a formula: it starts with {@code = + - @}, a tab or a
     * carriage return (the rule of OWASP's "CSV Injection" page, also used for .xlsx text cells). A lone
     * {@code -} or {@code +} (the usual "none" mark of statistics tables) is not a formula.
     */
    public static boolean isFormulaLike(String s) {
        if (s.isEmpty() || s.equals("-") || s.equals("+")) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Whether this writer prefixes the text: formula-like and not a plain number (numbers stay numbers). */
    private static boolean needsGuard(String s) {
        return isFormulaLike(s) && !NUMBER.matcher(s).matches();
    }

    /**
     * The same neutralisation as an SQL expression, for CSV files that DuckDB writes itself ({@code COPY ... TO}):
     * {@code textExpression} (a VARCHAR expression) gets a leading {@code '} exactly where this writer would add one.
     */
    public static String guardSql(String textExpression) {
        String e = "(" + textExpression + ")";
        return "CASE WHEN " + e + " NOT IN ('-', '+') AND regexp_matches(" + e + ", '^[-=+@\t\r]')"
                + " AND NOT regexp_full_match(" + e + ", '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?')"
                + " THEN '''' || " + e + " ELSE " + e + " END";
    }

    /** Undoes the neutralisation: a leading {@code '} before text this writer would prefix is dropped. */
    public static String unguard(String s) {
        return s != null && s.length() >= 2 && s.charAt(0) == '\'' && needsGuard(s.substring(1)) ? s.substring(1) : s;
    }

    public void flush() throws IOException {
        out.flush();
    }
}
