package jp.ebpm.workbench.app.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
        return new SqlConsoleViewModel(context);
    }

    @Test
    void aQueryShowsItsFirstRows(FxRobot robot) throws Exception {
        SqlConsoleViewModel m = model();
        robot.interact(() -> {
            m.sql().set("SELECT * FROM range(12000)");
            m.run();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.result().get() != null);
        // 12,000 rows exist, 10,000 are shown
        assertEquals(SqlConsoleViewModel.MAX_ROWS, m.result().get().rowCount());
        assertTrue(m.status().get().contains("truncated"));
    }

    @Test
    void statementsThatWouldChangeDataAreRefusedAndChangeNothing(FxRobot robot) throws Exception {
        // issue 16: the console used to run these after a confirmation (or, for EXPLAIN ANALYZE, as a query)
        List<String> statements = List.of("DELETE FROM 区別人口", "EXPLAIN ANALYZE DELETE FROM 区別人口",
                "WITH x AS (SELECT 1) DELETE FROM 区別人口", "SELECT 1; DELETE FROM 区別人口");
        for (String sql : statements) {
            context.errors().clear();
            SqlConsoleViewModel m = model();
            robot.interact(() -> {
                m.sql().set(sql);
                m.run();
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !context.errors().isEmpty());
            assertTrue(context.errors().get(0).getMessage().startsWith("Refused") || context.errors().get(0).getMessage()
                    .startsWith("Only one query"), sql + ": " + context.errors().get(0).getMessage());
            assertNull(m.result().get());
            assertEquals(2L, count(), sql);
        }
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
