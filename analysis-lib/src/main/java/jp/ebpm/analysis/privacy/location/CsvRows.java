package jp.ebpm.analysis.privacy.location;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a CSV file (RFC 4180 quoting; comma, tab or semicolon as found in the header) row by row in Java, so that no transcoded copy is written to
 * disk. The encoding is UTF-8 (a BOM is skipped) unless the first 1 MiB is not valid UTF-8, then
 * windows-31j (CP932, the Windows variant of Shift_JIS).
 */
final class CsvRows implements Closeable {

    private final BufferedReader reader;
    private final Charset charset;
    private long line;
    private char delimiter = 0;

    CsvRows(Path file) throws IOException {
        this.charset = detect(file);
        InputStream in = Files.newInputStream(file);
        this.reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    static Charset detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 20);
        }
        int len = head.length;
        // do not judge a multi-byte character cut at the end of the sample
        while (len > 0 && len > head.length - 4 && (head[len - 1] & 0x80) != 0 && head.length == 1 << 20) {
            len--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, len));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-31j");
        }
    }

    Charset charset() {
        return charset;
    }

    /** The 1-based line number where the last returned row started. */
    long line() {
        return line;
    }

    /** The next row, or {@code null} at the end; blank lines are skipped. */
    List<String> next() throws IOException {
        String s = reader.readLine();
        line++;
        while (s != null && s.isBlank()) {
            s = reader.readLine();
            line++;
        }
        if (s == null) {
            return null;
        }
        if (delimiter == 0) {
            // decided on the header line: comma, else tab, else semicolon
            delimiter = s.indexOf(',') >= 0 ? ',' : s.indexOf('\t') >= 0 ? '\t' : s.indexOf(';') >= 0 ? ';' : ',';
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i >= s.length()) {
                if (quoted) {
                    String more = reader.readLine();
                    if (more == null) {
                        break;
                    }
                    cur.append('\n');
                    s = more;
                    i = 0;
                    continue;
                }
                break;
            }
            char ch = s.charAt(i++);
            if (quoted) {
                if (ch == '"') {
                    if (i < s.length() && s.charAt(i) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == delimiter) {
                out.add(cur.toString());
                cur.setLength(0);
            } else if (ch == '"' && cur.length() == 0) {
                quoted = true;
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
