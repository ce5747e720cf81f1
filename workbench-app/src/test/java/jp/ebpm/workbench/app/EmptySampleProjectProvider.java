package jp.ebpm.workbench.app;

import java.nio.file.Files;
import java.nio.file.Path;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Test double of the first-start provider: an empty project named {@value #FOLDER} in the workbench
 * folder, so window tests start fast without importing the bundled sample data.
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
