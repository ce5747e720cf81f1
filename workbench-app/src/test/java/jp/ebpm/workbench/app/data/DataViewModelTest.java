package jp.ebpm.workbench.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.store.ColumnSummary;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.workbench.app.TestAppContext;
import jp.ebpm.workbench.app.TestProjects;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DataViewModelTest {

    @TempDir
    Path dir;
    private Project project;
    private final java.util.concurrent.ExecutorService pages = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        pages.shutdownNow();
        if (project != null) {
            project.close();
        }
    }

    @Test
    void openingCountsOnceAndHoldsTheFirstPage(FxRobot robot) throws Exception {
        project = Project.create(dir.resolve("p"));
        TestProjects.addDataset(project, "nums", "SELECT range AS n FROM range(1234)", DatasetKind.TABLE, Sensitivity.OPEN);
        // rows added by SQL after the import: the catalog still says 1234, the view must show 1300
        project.execute("INSERT INTO nums SELECT range FROM range(1234, 1300)");
        DataViewModel m = new DataViewModel(new TestAppContext(project), pages, Platform::runLater);
        robot.interact(() -> m.show("nums"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.rows().get() != null);
        RowSource rows = m.rows().get();
        assertEquals(1300, rows.rowCount());
        assertEquals(499L, rows.value(499, 0));
        assertEquals("", m.notice().get());

        robot.interact(m::summarize);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !m.summary().isEmpty());
        ColumnSummary s = m.summary().get(0);
        assertEquals("n", s.name());
        assertEquals(1300, s.nonNull());
        // mean of 0..1299 = 1299 / 2 = 649.5 (hand computation)
        assertEquals(649.5, s.mean(), 1e-9);
    }

    @Test
    void aPrivateDatasetShowsANoticeAndNoRows(FxRobot robot) throws Exception {
        project = Project.create(dir.resolve("q"));
        TestProjects.addDataset(project, "people", "SELECT 1 AS id", DatasetKind.TABLE, Sensitivity.PRIVATE);
        DataViewModel m = new DataViewModel(new TestAppContext(project), pages, Platform::runLater);
        robot.interact(() -> m.show("people"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.dataset().get() != null);
        assertNull(m.rows().get());
        assertTrue(m.notice().get().contains("aggregates"));
        robot.interact(m::summarize);
        assertTrue(m.summary().isEmpty());
    }
}
