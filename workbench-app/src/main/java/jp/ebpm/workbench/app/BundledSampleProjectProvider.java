package jp.ebpm.workbench.app;

import java.nio.file.Path;

import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Opens a fresh copy of the bundled sample project on first start: {@link SampleProject#ensure} builds it
 * from {@code sample-data/} into {@code <workbench home>/sample-project} through the normal import APIs.
 */
public final class BundledSampleProjectProvider implements SampleProjectProvider {

    @Override
    public Path ensureSampleProject(Path workbenchHome, ProgressListener progress, Cancellation cancel) {
        return SampleProject.ensure(workbenchHome, progress, cancel);
    }
}
