package jp.ebpm.analysis.io;

import java.nio.file.Path;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Imports files into a project: CSV/TSV, Excel (.xlsx, .xls), Parquet and statistics tables. The format is
 * chosen by content and extension. An import lands whole (one transaction) or leaves the project exactly
 * as it was; errors name the file, the line (or sheet and cell) and the column.
 *
 * @since 0.1
 */
public final class Importer {

    private Importer() {
    }

    /** Reads the first rows and detected settings without changing the project. */
    public static ImportPreview preview(Path file, ImportOptions options) {
        throw new UnsupportedOperationException("Importer.preview: being implemented (issue #2)");
    }

    /** Imports a file as a new dataset. */
    public static ImportResult importFile(Project project, Path file, ImportOptions options,
                                          ProgressListener progress, Cancellation cancel) {
        throw new UnsupportedOperationException("Importer.importFile: being implemented (issue #2)");
    }
}
