package jp.ebpm.workbench.app;

import java.nio.file.Files;
import java.nio.file.Path;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * The first-start project until the bundled sample data exists (issue #2): an empty project named
 * {@value #FOLDER} in the workbench folder, so a new user sees an empty catalog and can import at once.
 * The provider that fills it from {@code sample-data/} replaces this class in {@link WorkbenchApp}.
 */
public final class EmptySampleProjectProvider implements SampleProjectProvider {

    /** Folder of the sample project inside the workbench folder. */
    public static final String FOLDER = "sample-project";

    @Override
    public Path ensureSampleProject(Path workbenchHome, ProgressListener progress, Cancellation cancel) {
        cancel.check();
        Path dir = workbenchHome.resolve(FOLDER);
        if (!Files.isRegularFile(dir.resolve(Project.DB_FILE))) {
            Project.create(dir).close();
        }
        return dir;
    }
}
