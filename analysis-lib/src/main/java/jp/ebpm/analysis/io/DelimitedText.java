package jp.ebpm.analysis.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Delimited text (CSV, TSV) split into records by Apache Commons CSV with the RFC 4180 rules: fields may be
 * quoted with {@code "}, quotes are doubled inside, quoted fields may hold delimiters and line breaks. Every
 * record carries the true 1-based line it starts on, so messages name the line a user sees in an editor.
 * This is the only CSV parser of the library: small files (registers, codebooks, margins, spec files) come
 * through {@link #read}; large tables are parsed by DuckDB's {@code read_csv} ({@link Importer}), and large
 * files in encodings DuckDB cannot read are streamed through {@link RecordStream}.
 *
 * <p>Limits: a record with more than {@link #MAX_FIELDS} fields is refused at once (a file with a wrong
 * delimiter or a binary file otherwise becomes a table of a hundred thousand columns).
 *
 * @since 0.1
 */
public final class DelimitedText {

    /** The most fields a record may have: {@value}, Excel's column limit. */
    public static final int MAX_FIELDS = 16_384;

    /** The delimiters recognised when none is chosen, in order of preference on ties. */
    static final char[] DELIMITERS = {',', '\t', ';', '|'};

    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
    private static final Pattern AT_LINE = Pattern.compile("line:? ?([\\d,]+)");

    /**
     * One record.
     *
     * @param line   1-based physical line the record starts on
     * @param fields the fields, unquoted
     */
    public record Record(long line, List<String> fields) {

        public Record {
            fields = List.copyOf(fields);
        }

        /** The field at a 0-based position, or {@code ""} beyond the end. */
        public String field(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }

        /** Whether the record is a blank line. */
        public boolean blank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private DelimitedText() {
    }

    /**
     * Reads a small delimited file: encoding detected (or chosen) by {@link TextFile}, delimiter detected among
     * {@code , TAB ; |} unless given, blank lines skipped (and counted in {@link SourceInfo#skipped()}).
     *
     * @param encoding  {@code null}/{@code auto} to detect, else a name {@link TextEncoding#parse} knows
     * @param delimiter the delimiter, or {@code null} to detect
     * @throws WorkbenchException naming file, line and column for bad bytes, unclosed quotes or too many fields
     */
    public static ReadResult<List<Record>> read(Path file, String encoding, Character delimiter) {
        ReadResult<String> text = TextFile.read(file, encoding);
        String name = text.source().fileName();
        char d = delimiter != null ? delimiter : CsvSample.detectDelimiter(text.value());
        List<Record> all = records(text.value(), d, Integer.MAX_VALUE, true, name);
        List<Record> out = all.stream().filter(r -> !r.blank()).toList();
        SourceInfo s = text.source();
        return new ReadResult<>(out, new SourceInfo(s.fileName(), s.sha256(), s.encoding(), all.size() - out.size()),
                text.warnings());
    }

    /**
     * Splits text into records; blank records are skipped. A quote left open is an error naming the line
     * where it opened.
     */
    public static List<Record> parse(String text, char delimiter, String fileName) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return records(t, delimiter, Integer.MAX_VALUE, true, fileName).stream().filter(r -> !r.blank()).toList();
    }

    static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote('"').setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false).setAllowMissingColumnNames(true).setTrim(false).get();
    }

    /**
     * Splits text into at most {@code maxRows} records, blank lines included (as one empty field). With
     * {@code complete} false (a sample cut at a line end) a quote still open at the end of the text ends the
     * records silently: the record continues beyond the sample.
     */
    static List<Record> records(String text, char delimiter, int maxRows, boolean complete, String fileName) {
        int[] lineStarts = lineStarts(text);
        List<Record> out = new ArrayList<>();
        try (CSVParser p = format(delimiter).parse(new StringReader(text))) {
            Iterator<CSVRecord> it = p.iterator();
            while (out.size() < maxRows) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException e) {
                    if (!complete && e.getMessage() != null && e.getMessage().contains("EOF")) {
                        break;
                    }
                    throw syntax(e.getCause() == null ? e : e.getCause(), fileName, out, text, lineStarts);
                }
                long line = lineOf(lineStarts, r.getCharacterPosition());
                checkWidth(r.size(), fileName, line);
                out.add(new Record(line, r.toList()));
            }
        } catch (IOException e) {
            throw syntax(e, fileName, out, text, lineStarts);
        }
        return out;
    }

    static void checkWidth(int fields, String fileName, long line) {
        if (fields > MAX_FIELDS) {
            throw new WorkbenchException("This line has " + fields + " fields, more than the " + MAX_FIELDS + " columns a table"
                    + " may have (Excel's limit). The file is probably not a table with this delimiter: choose the delimiter"
                    + " by hand or check the file.", fileName, line, null, null);
        }
    }

    /** The error for a quote that is never closed or text after a closing quote. */
    private static WorkbenchException syntax(Throwable e, String fileName, List<Record> done, String text, int[] lineStarts) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        long line = done.isEmpty() ? 1 : done.get(done.size() - 1).line() + 1;
        Matcher sl = START_LINE.matcher(m);
        if (m.contains("EOF")) {
            if (sl.find()) {
                line = Long.parseLong(sl.group(1));
            }
            return new WorkbenchException("A quoted field that starts on this line is never closed (a \" is missing).",
                    fileName, line, null, null);
        }
        Matcher al = AT_LINE.matcher(m);
        if (al.find()) {
            line = Long.parseLong(al.group(1).replace(",", ""));
        }
        return new WorkbenchException("A quoted field is followed by other text before the next delimiter (a \" too many,"
                + " or a quote that should be doubled).", fileName, line, null, null);
    }

    /** Offsets where each line starts (LF, CRLF or lone CR end a line). */
    static int[] lineStarts(String text) {
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /** 1-based line of a character offset. */
    static long lineOf(int[] lineStarts, long offset) {
        int i = Arrays.binarySearch(lineStarts, (int) offset);
        return (i >= 0 ? i : -i - 2) + 1L;
    }
}
