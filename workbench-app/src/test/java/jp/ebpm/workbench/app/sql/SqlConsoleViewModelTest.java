package jp.ebpm.workbench.app.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.workbench.app.TestAppContext;
import jp.ebpm.workbench.app.TestProjects;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SqlConsoleViewModelTest {

    @TempDir
    Path dir;
    private Project project;
    private TestAppContext context;
    private final List<String> asked = new ArrayList<>();
    private boolean answer;

    @BeforeEach
    void open() {
        project = Project.open(TestProjects.wardProject(dir.resolve("p")));
        context = new TestAppContext(project);
    }

    @AfterEach
    void close() {
        project.close();
    }

    private SqlConsoleViewModel model() {
        return new SqlConsoleViewModel(context, s -> {
            asked.add(s);
            return answer;
        });
    }

    @Test
    void aQueryShowsItsRowsWithoutAsking(FxRobot robot) throws Exception {
        SqlConsoleViewModel m = model();
        robot.interact(() -> {
            m.sql().set("SELECT * FROM range(12000)");
            m.run();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.result().get() != null);
        // 12,000 rows exist, 10,000 are shown
        assertEquals(SqlConsoleViewModel.MAX_ROWS, m.result().get().rowCount());
        assertTrue(m.status().get().contains("truncated"));
        assertTrue(asked.isEmpty());
    }

    @Test
    void aChangeRunsOnlyWhenConfirmed(FxRobot robot) throws Exception {
        SqlConsoleViewModel m = model();
        answer = false;
        robot.interact(() -> {
            m.sql().set("DELETE FROM 区別人口");
            assertNull(m.run());
        });
        assertEquals(List.of("DELETE FROM 区別人口"), asked);
        assertEquals(2L, count());

        answer = true;
        robot.interact(m::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.status().get().contains("2 rows changed"));
        assertEquals(0L, count());
    }

    @Test
    void aFailingQueryIsReportedAsAnError(FxRobot robot) throws Exception {
        SqlConsoleViewModel m = model();
        robot.interact(() -> {
            m.sql().set("SELECT * FROM no_such_table");
            m.run();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !context.errors().isEmpty());
        assertTrue(context.errors().get(0).getMessage().contains("no_such_table"));
    }

    private long count() {
        return ((Number) project.query("SELECT count(*) FROM 区別人口", 1, Cancellation.none()).get(0, 0)).longValue();
    }
}
