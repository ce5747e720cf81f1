package jp.ebpm.analysis.io;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * Writes RFC 4180 CSV (comma, CRLF-free: {@code \n} line ends, double quotes doubled). Output is
 * whatever the given writer encodes; the command line always uses UTF-8.
 *
 * <p>With {@link #guardFormulas()} text that starts with {@code = + - @}, a tab or a carriage return is
 * prefixed with a single quote, so that spreadsheet programs never run it as a formula (CSV injection).
 * Numbers are never changed.
 *
 * @since 0.1
 */
public final class CsvWriter {

    private final Writer out;
    private final boolean guard;

    private CsvWriter(Writer out, boolean guard) {
        this.out = out;
        this.guard = guard;
    }

    /** A plain writer: values are written as they are. */
    public static CsvWriter plain(Writer out) {
        return new CsvWriter(out, false);
    }

    /** A writer for files people open in Excel: formula-like text is neutralised. */
    public static CsvWriter forSpreadsheets(Writer out) {
        return new CsvWriter(out, true);
    }

    /** Whether this writer neutralises formula-like text. */
    public boolean guardFormulas() {
        return guard;
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
        if (guard && isFormulaLike(s)) {
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

    /** Whether a spreadsheet would read this text as a formula. */
    public static boolean isFormulaLike(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    public void flush() throws IOException {
        out.flush();
    }
}
