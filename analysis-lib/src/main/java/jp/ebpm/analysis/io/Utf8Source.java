package jp.ebpm.analysis.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * A delimited text file made ready for DuckDB's {@code read_csv}, which reads only UTF-8 offline: a UTF-8 file
 * is used in place; a file in CP932, EUC-JP or UTF-16 is decoded strictly and written as a UTF-8 copy in a
 * temporary folder, which {@link #close()} deletes. This is the importer's staging rule, offered to every
 * feature that hands a large text file to DuckDB (survey tables read for a cross-tab, for instance).
 *
 * <p>Not for private data: a staged copy is plaintext on disk. Private ping files in other encodings are
 * streamed through {@link RecordStream} instead (see {@code docs/import.md}).
 *
 * @since 0.1
 */
public final class Utf8Source implements AutoCloseable {

    private final Path path;
    private final Path staged;
    private final TextEncoding encoding;

    private Utf8Source(Path path, Path staged, TextEncoding encoding) {
        this.path = path;
        this.staged = staged;
        this.encoding = encoding;
    }

    /**
     * Detects (or takes) the encoding and stages the file when it is not UTF-8.
     *
     * @param encoding {@code null}/{@code auto} to detect, else a name {@link TextEncoding#parse} knows
     * @param tmpDir   folder for the staged copy, or {@code null} for the system's temporary folder
     * @throws WorkbenchException naming file and line for bytes invalid in the encoding
     */
    public static Utf8Source open(Path file, String encoding, Path tmpDir) {
        String name = file.getFileName().toString();
        TextEncoding enc = TextEncoding.sample(file, encoding).encoding();
        if (enc.isUtf8()) {
            return new Utf8Source(file, null, enc);
        }
        Path tmp = null;
        try {
            tmp = tmpDir == null ? Files.createTempFile("wb-utf8-", ".csv") : Files.createTempFile(tmpDir, "wb-utf8-", ".csv");
            Transcoder.run(file, enc, tmp, ProgressListener.NONE, Cancellation.none());
            return new Utf8Source(tmp, tmp, enc);
        } catch (IOException e) {
            ImportSupport.deleteQuietly(tmp);
            throw new WorkbenchException("Cannot write a temporary file (" + e.getMessage() + ").", name, null, null, e);
        } catch (RuntimeException e) {
            ImportSupport.deleteQuietly(tmp);
            throw e;
        }
    }

    /** The UTF-8 file to read: the original or the staged copy. */
    public Path path() {
        return path;
    }

    /** The encoding of the original file. */
    public TextEncoding encoding() {
        return encoding;
    }

    /**
     * The plain-words error (file, line, column) for an error of DuckDB's {@code read_csv} on this source.
     */
    public WorkbenchException readError(java.sql.SQLException e, String fileName) {
        return DuckErrors.csv(e, fileName, encoding);
    }

    /** Deletes the staged copy, if any. */
    @Override
    public void close() {
        ImportSupport.deleteQuietly(staged);
    }
}
