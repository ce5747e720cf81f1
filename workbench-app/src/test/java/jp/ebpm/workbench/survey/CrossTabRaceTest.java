package jp.ebpm.workbench.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.TestAppContext;

/**
 * Issue 11 item 2 for the Cross-tab tab: while a new table is computed, Export writes nothing (the table on screen is
 * about to change); afterwards it writes the table on screen; a slow older run never replaces a newer result.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CrossTabRaceTest {

    static final String SURVEY = "市民アンケート2018";

    @TempDir
    static Path dir;
    static Project project;

    @BeforeAll
    static void sample() throws IOException {
        project = Project.open(jp.ebpm.workbench.app.TestProjects.surveySample(dir));
    }

    @AfterAll
    static void close() {
        project.close();
    }

    private static CrossTabViewModel model(TestAppContext ctx, String rows, String cols) {
        CrossTabViewModel vm = new CrossTabViewModel(ctx, "test");
        vm.dataset.set(SURVEY);
        vm.rows.set(rows);
        vm.cols.set(cols);
        return vm;
    }

    @Test
    void exportWaitsForTheTableBeingComputedAndWritesTheOneOnScreen(FxRobot robot) throws Exception {
        TestAppContext ctx = new TestAppContext(project);
        CrossTabViewModel vm = model(ctx, "q5", "sex");
        robot.interact(() -> vm.run(project, vm.spec(false, 0.05, List.of()), r -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.result.forOutput().isPresent());
        CountDownLatch slow = ctx.holdTasks();
        robot.interact(() -> {
            vm.cols.set("ward");
            vm.run(project, vm.spec(false, 0.05, List.of()), r -> { });
        });
        Path out = dir.resolve("while-computing.xlsx");
        robot.interact(() -> {
            assertTrue(vm.result.outputDisabled().get(), "export and copy are off while computing");
            assertNull(vm.exportXlsx(project, out, "", "", "export", null, f -> { }));
        });
        ctx.stopHolding();
        slow.countDown();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.result.forOutput().isPresent());
        assertEquals("ward", vm.result.forOutput().orElseThrow().spec().colVar());
        assertTrue(!Files.exists(out));
        robot.interact(() -> vm.exportXlsx(project, out, "川崎市 総務企画局", "テスト 太郎", "export", null, f -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(out) && Files.size(out) > 1000);
        String all = text(out);
        assertTrue(all.contains("お住まいの区"), "the ward table on screen, with question texts");
        assertTrue(all.contains("川崎市 総務企画局") && all.contains("テスト 太郎"), "cover fields");
        assertTrue(all.contains("SHA-256"), "source file and hash on the sources sheet");
    }

    @Test
    void aSlowOlderRunNeverReplacesANewerResult(FxRobot robot) throws Exception {
        TestAppContext ctx = new TestAppContext(project);
        CrossTabViewModel vm = model(ctx, "q5", "sex");
        CountDownLatch first = ctx.holdTasks();
        robot.interact(() -> vm.run(project, vm.spec(false, 0.05, List.of()), r -> { }));
        ctx.stopHolding();
        robot.interact(() -> {
            vm.cols.set("ward");
            vm.run(project, vm.spec(false, 0.05, List.of()), r -> { });
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.result.forOutput().isPresent());
        first.countDown();
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ward", vm.result.forOutput().orElseThrow().spec().colVar(), "the older sex table arrived later and was dropped");
    }

    private static String text(Path xlsx) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> sb.append(cell).append('\n'))));
        }
        return sb.toString();
    }
}
