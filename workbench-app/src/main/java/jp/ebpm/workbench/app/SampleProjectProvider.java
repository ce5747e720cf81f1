package jp.ebpm.workbench.app;

import java.nio.file.Path;

import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Supplies the project opened on the very first start (no recent project): a fresh copy of the bundled
 * sample project in the user's workbench folder. The bundled files are never modified.
 */
@FunctionalInterface
public interface SampleProjectProvider {

    /**
     * Makes sure the sample project exists in the workbench folder and returns its folder. Runs on a
     * worker thread.
     *
     * @param workbenchHome the user's workbench folder ({@code ~/EBPM-Workbench} or {@code workbench.home})
     * @param progress      progress of copying or importing the sample data
     * @param cancel        cancel flag; on cancel nothing is left half-made
     * @return the folder of a project that {@code Project.open} accepts
     */
    Path ensureSampleProject(Path workbenchHome, ProgressListener progress, Cancellation cancel);
}
