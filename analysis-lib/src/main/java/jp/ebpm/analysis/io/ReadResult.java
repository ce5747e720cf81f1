package jp.ebpm.analysis.io;

import java.util.List;

/**
 * What a reader of this package returns: the value read, where it came from, and what the user should know
 * about it in plain words. The caller decides how to show the warnings (a dialog in the app, stderr in the
 * command line, the sources sheet of a report); readers never print.
 *
 * @param value    the data read
 * @param source   file, SHA-256, encoding and skipped count
 * @param warnings things the user should know, in plain words
 * @param <T>      the kind of data
 * @since 0.1
 */
public record ReadResult<T>(T value, SourceInfo source, List<String> warnings) {

    public ReadResult {
        warnings = List.copyOf(warnings);
    }
}
