package jp.ebpm.analysis.io;

/**
 * Where data came from, as every reader of this package reports it (and the catalog, reports' source sheets
 * and the command line show it).
 *
 * @param fileName the file's name (never its full path)
 * @param sha256   SHA-256 of the file's bytes, lower-case hex
 * @param encoding text encoding as read ({@link TextEncoding#label()}), or {@code null} for binary formats
 * @param skipped  records left out while reading (blank lines, notes under a table), 0 when none
 * @since 0.1
 */
public record SourceInfo(String fileName, String sha256, String encoding, long skipped) {

    /**
     * SHA-256 of a file's bytes, read as a stream.
     *
     * @throws jp.ebpm.analysis.WorkbenchException when the file cannot be read
     */
    public static String sha256(java.nio.file.Path file) {
        return Transcoder.sha256(file, jp.ebpm.analysis.task.ProgressListener.NONE, jp.ebpm.analysis.task.Cancellation.none());
    }
}
