package jp.ebpm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

class EmptySampleProjectProviderTest {

    @TempDir
    Path home;

    @Test
    void createsAnEmptyProjectOnceAndKeepsItAfterwards() {
        EmptySampleProjectProvider provider = new EmptySampleProjectProvider();
        Path dir = provider.ensureSampleProject(home, ProgressListener.NONE, Cancellation.none());
        assertEquals(home.resolve(EmptySampleProjectProvider.FOLDER), dir);
        try (Project p = Project.open(dir)) {
            assertTrue(p.catalog().list().isEmpty());
            TestProjects.addDataset(p, "t", "SELECT 1 AS x", DatasetKind.TABLE, Sensitivity.OPEN);
        }
        provider.ensureSampleProject(home, ProgressListener.NONE, Cancellation.none());
        try (Project p = Project.open(dir)) {
            assertEquals(1, p.catalog().list().size());
        }
    }
}
