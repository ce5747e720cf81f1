package jp.ebpm.analysis.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Streams a text file into another file, decoding it strictly and writing UTF-8, in chunks of
 * {@link #CHUNK} bytes, while computing the SHA-256 of the source bytes. Only one chunk (and its decoded
 * characters) is on the heap at a time. Also used with no output to hash (and optionally validate) a file.
 */
final class Transcoder {

    static final int CHUNK = 1 << 20;

    private Transcoder() {
    }

    /**
     * Transcodes {@code source} (in {@code enc}) to UTF-8 in {@code target}, or only hashes it when
     * {@code target} is null and {@code enc} is null.
     *
     * @return the SHA-256 of the source bytes, as lower-case hex
     * @throws WorkbenchException naming the line and byte offset of the first invalid bytes
     * @throws jp.ebpm.analysis.task.CancelledException when cancelled between chunks
     */
    static String run(Path source, TextEncoding enc, Path target, ProgressListener progress, Cancellation cancel) {
        String name = source.getFileName().toString();
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(source);
             OutputStream out = target == null ? OutputStream.nullOutputStream() : Files.newOutputStream(target)) {
            long total = Files.size(source);
            CharsetDecoder dec = enc == null ? null : enc.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder();
            byte[] buf = new byte[CHUNK];
            ByteBuffer bytes = ByteBuffer.allocate(CHUNK + 16);
            CharBuffer chars = CharBuffer.allocate(CHUNK + 16);
            ByteBuffer encoded = ByteBuffer.allocate(CHUNK * 3 + 64);
            long consumedBefore = 0; // source bytes fully decoded before the current buffer content
            long lines = 1;
            long done = 0;
            boolean first = true;
            while (true) {
                cancel.check();
                int n = in.read(buf);
                boolean eof = n < 0;
                if (!eof) {
                    sha.update(buf, 0, n);
                    done += n;
                    if (dec != null) {
                        bytes.put(buf, 0, n);
                    }
                }
                if (dec != null) {
                    bytes.flip();
                    int startPos = bytes.position();
                    CoderResult r = dec.decode(bytes, chars, eof);
                    if (r.isError()) {
                        long offset = consumedBefore + bytes.position();
                        chars.flip();
                        throw TextEncoding.invalidBytes(name, enc, lines + countLf(chars), offset);
                    }
                    if (eof) {
                        dec.flush(chars);
                    }
                    consumedBefore += bytes.position() - startPos;
                    bytes.compact();
                    chars.flip();
                    if (first && chars.hasRemaining() && chars.get(0) == '\uFEFF') {
                        chars.position(1);
                    }
                    first = false;
                    lines += countLf(chars);
                    encoded.clear();
                    utf8.encode(chars, encoded, eof);
                    out.write(encoded.array(), 0, encoded.position());
                    chars.clear();
                } else if (!eof) {
                    out.write(buf, 0, n);
                }
                progress.progress(null, done, total);
                if (eof) {
                    break;
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new WorkbenchException("Reading or writing failed: " + e.getMessage(), name, null, null, e);
        }
    }

    private static long countLf(CharBuffer cb) {
        long n = 0;
        for (int i = cb.position(); i < cb.limit(); i++) {
            if (cb.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** SHA-256 of a whole file, read as a stream. */
    static String sha256(Path file, ProgressListener progress, Cancellation cancel) {
        return run(file, null, null, progress, cancel);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
