package jp.ebpm.analysis.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Sql;

/**
 * Reads a large delimited file record by record, never holding the file and never writing a copy of it: for
 * private data (location pings) whose plaintext must not land on disk.
 *
 * <ul>
 *   <li>UTF-8 files are parsed by DuckDB's {@code read_csv} on the caller's (in-memory) connection and streamed
 *       over JDBC, all columns as text; line numbers are the header line plus the record count (exact unless a
 *       quoted value spans lines).</li>
 *   <li>CP932, EUC-JP and UTF-16 files, which DuckDB cannot decode offline, are decoded strictly as a stream in
 *       Java and parsed by Apache Commons CSV, with true line numbers. No transcoded copy is written.</li>
 * </ul>
 * The encoding and delimiter are detected from the first bytes ({@link TextEncoding}, {@link CsvSample}); the
 * first non-blank record is the header. Blank lines are skipped.
 *
 * @since 0.1
 */
public abstract class RecordStream implements AutoCloseable {

    private final List<String> header;
    private final TextEncoding encoding;
    final String fileName;

    RecordStream(List<String> header, TextEncoding encoding, String fileName) {
        this.header = List.copyOf(header);
        this.encoding = encoding;
        this.fileName = fileName;
    }

    /**
     * Opens a file.
     *
     * @param encoding {@code null}/{@code auto} to detect, else a name {@link TextEncoding#parse} knows
     * @param duck     a connection on which DuckDB may read UTF-8 files (an in-memory database), or {@code null}
     *                 to parse every file in Java
     * @throws WorkbenchException naming file and line for bad bytes, mixed encodings, or a file without header
     */
    public static RecordStream open(Path file, String encoding, Connection duck) {
        String name = file.getFileName().toString();
        TextEncoding.Sample s = TextEncoding.sample(file, encoding);
        byte[] sample = s.bytes();
        boolean complete = s.complete();
        TextEncoding enc = s.encoding();
        String text = TextEncoding.decodeSample(sample, enc, complete, name);
        char delim = CsvSample.detectDelimiter(text);
        List<DelimitedText.Record> head = CsvSample.parse(text, delim, 50, complete && sample.length <= TextEncoding.TEXT_BYTES, name);
        DelimitedText.Record header = head.stream().filter(r -> !r.blank()).findFirst()
                .orElseThrow(() -> new WorkbenchException("The file holds no data (only blank lines).", name, null, null, null));
        if (enc.isUtf8() && duck != null) {
            return new Duck(file, header, delim, enc, duck);
        }
        return new Java(file, header, delim, enc);
    }

    /** The header's field names. */
    public List<String> header() {
        return header;
    }

    /** The encoding read. */
    public TextEncoding encoding() {
        return encoding;
    }

    /** The next record (its fields, as text), or {@code null} at the end. */
    public abstract DelimitedText.Record next();

    @Override
    public abstract void close();

    /** DuckDB's read_csv streamed over JDBC. */
    private static final class Duck extends RecordStream {
        private final Statement st;
        private final ResultSet rs;
        private final int width;
        private long line;

        Duck(Path file, DelimitedText.Record header, char delim, TextEncoding enc, Connection c) {
            super(header.fields(), enc, file.getFileName().toString());
            this.width = header.fields().size();
            this.line = header.line();
            String src = "read_csv(" + Sql.literal(file.toAbsolutePath().toString()) + ", delim=" + Sql.literal(String.valueOf(delim))
                    + ", quote='\"', escape='\"', header=false, skip=" + header.line() + ", all_varchar=true, strict_mode=true,"
                    + " ignore_errors=false, null_padding=false, columns={" + columns(width) + "})";
            try {
                this.st = c.createStatement();
                this.rs = st.executeQuery("SELECT * FROM " + src);
            } catch (SQLException e) {
                throw DuckErrors.csv(e, fileName, enc);
            }
        }

        private static String columns(int n) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                sb.append(i > 1 ? ", " : "").append("'c").append(i).append("': 'VARCHAR'");
            }
            return sb.toString();
        }

        @Override
        public DelimitedText.Record next() {
            try {
                if (!rs.next()) {
                    return null;
                }
                line++;
                List<String> r = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    String v = rs.getString(i);
                    r.add(v == null ? "" : v);
                }
                return new DelimitedText.Record(line, r);
            } catch (SQLException e) {
                throw DuckErrors.csv(e, fileName, encoding());
            }
        }

        @Override
        public void close() {
            try {
                rs.close();
                st.close();
            } catch (SQLException ignored) {
                // closing a finished read
            }
        }
    }

    /** Strict decoding in Java and Commons CSV. */
    private static final class Java extends RecordStream {
        private final InputStream in;
        private final CSVParser parser;
        private final Iterator<CSVRecord> it;

        Java(Path file, DelimitedText.Record header, char delim, TextEncoding enc) {
            super(header.fields(), enc, file.getFileName().toString());
            try {
                this.in = Files.newInputStream(file);
                if (enc.bomLength() > 0) {
                    in.skipNBytes(enc.bomLength());
                }
                Reader r = new InputStreamReader(in, enc.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
                this.parser = DelimitedText.format(delim).parse(r);
                this.it = parser.iterator();
            } catch (IOException e) {
                throw new WorkbenchException("The file cannot be read (" + e.getMessage() + ").", fileName, null, null, e);
            }
            DelimitedText.Record h;
            do {
                h = next();
            } while (h != null && h.line() < header.line());
        }

        @Override
        public DelimitedText.Record next() {
            while (true) {
                long before = parser.getCurrentLineNumber();
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        return null;
                    }
                    r = it.next();
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof CharacterCodingException) {
                        throw TextEncoding.invalidBytes(fileName, encoding(), parser.getCurrentLineNumber() + 1, -1);
                    }
                    String m = String.valueOf(e.getMessage());
                    throw new WorkbenchException(m.contains("EOF")
                            ? "A quoted field that starts on this line is never closed (a \" is missing)."
                            : "A quoted field is followed by other text before the next delimiter.", fileName, before + 1, null, e);
                }
                DelimitedText.checkWidth(r.size(), fileName, before + 1);
                DelimitedText.Record rec = new DelimitedText.Record(before + 1, r.toList());
                if (!rec.blank()) {
                    return rec;
                }
            }
        }

        @Override
        public void close() {
            try {
                parser.close();
                in.close();
            } catch (IOException ignored) {
                // closing a finished read
            }
        }
    }
}
