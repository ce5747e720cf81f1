package jp.ebpm.analysis.io;

import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Splits small CSV text (codebooks, margin tables, settings) into records with the RFC 4180 rules the
 * importer uses: quoted fields may hold delimiters, doubled quotes and line breaks. A leading BOM is
 * dropped, blank records are skipped, and a quote left open is an error naming the line where it opened.
 *
 * @since 0.1
 */
public final class CsvRecords {

    /**
     * One record.
     *
     * @param line   1-based physical line the record starts on
     * @param fields the fields, unquoted
     */
    public record Record(long line, List<String> fields) {
    }

    private CsvRecords() {
    }

    /** Parses the whole text. */
    public static List<Record> parse(String text, char delimiter, String fileName) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        long open = unclosedQuoteLine(t);
        if (open > 0) {
            throw new WorkbenchException("A quoted field that starts here is never closed (a \" is missing).",
                    fileName, open, null, null);
        }
        List<Record> out = new ArrayList<>();
        for (CsvSample.Row r : CsvSample.nonBlank(CsvSample.parse(t, delimiter, Integer.MAX_VALUE))) {
            out.add(new Record(r.line(), r.fields()));
        }
        return out;
    }

    /** The line on which a still-open quote started, or 0 when every quote is closed. */
    private static long unclosedQuoteLine(String t) {
        boolean quoted = false;
        long line = 1;
        long openedAt = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                if (quoted) {
                    openedAt = line;
                }
            } else if (c == '\n') {
                line++;
            }
        }
        return quoted ? openedAt : 0;
    }
}
