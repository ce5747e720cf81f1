package jp.ebpm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;

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
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.app.TestAppContext;

/**
 * Issue 11 item 2 ("export what is shown") for the Evaluation tab: while a new result is computed (the task is held
 * mid-computation), Export and Copy are off and write nothing; afterwards they write the result on screen; a slow
 * older run never replaces a newer result.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class EvaluationRaceTest {

    @TempDir
    static Path home;
    static Project project;
    EvaluationView view;
    TestAppContext context;

    @BeforeAll
    static void sample() {
        project = Project.open(SampleProject.ensure(home, ProgressListener.NONE, Cancellation.none()));
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @Start
    void start(Stage stage) {
        context = new TestAppContext(project);
        context.setOwner(stage);
        view = new EvaluationView(context);
        stage.setScene(new Scene((Parent) view.root(), 1280, 800));
        stage.show();
    }

    private static void waitFor(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void settled() throws Exception {
        // the background look-ups of the defaults (years, reference row) are done
        waitFor(() -> view.pyramid.vm.years.get().equals("2015,2020") && !view.lq.vm.referenceArea.get().isBlank());
    }

    @Test
    void regressionExportAndCopyWaitForTheModelBeingFittedAndWriteTheOneOnScreen(FxRobot robot) throws Exception {
        settled();
        RegressionPane r = view.regression;
        Button export = robot.lookup("#evalRegExport").queryButton();
        Button copy = robot.lookup("#evalRegCopy").queryButton();
        assertTrue(export.isDisabled() && copy.isDisabled(), "nothing to export before the first model");
        robot.interact(r::run);
        waitFor(() -> r.vm.result.forOutput().isPresent());
        assertFalse(export.isDisabled());
        // the slow second model: without the period effects
        CountDownLatch slow = context.holdTasks();
        robot.interact(() -> {
            r.vm.regressors.remove("factor(fiscal_year)");
            r.run();
        });
        Path out = home.resolve("regression-while-fitting.xlsx");
        robot.interact(() -> {
            assertTrue(export.isDisabled() && copy.isDisabled(), "export and copy are off while the new model is fitted");
            assertNull(r.exportTo(out), "no export task while fitting");
            assertEquals("", r.vm.clipboardText());
        });
        context.stopHolding();
        slow.countDown();
        waitFor(() -> r.vm.result.forOutput().isPresent());
        assertEquals("online_rate ~ measure_in_place + factor(ward)", r.vm.result.shown().get().result().formula());
        assertFalse(Files.exists(out), "nothing was written while fitting");
        robot.interact(() -> r.exportTo(out));
        waitFor(() -> Files.exists(out) && Files.size(out) > 1000);
        String all = text(out);
        assertTrue(all.contains("factor(ward)") && !all.contains("factor(fiscal_year)"), "the model on screen");
        assertTrue(context.errors().isEmpty(), () -> context.errors().toString());
    }

    @Test
    void aSlowOlderFitNeverReplacesANewerOne(FxRobot robot) throws Exception {
        settled();
        RegressionPane r = view.regression;
        CountDownLatch first = context.holdTasks();
        robot.interact(r::run); // the full model, held
        context.stopHolding();
        robot.interact(() -> {
            r.vm.regressors.remove("factor(fiscal_year)");
            r.run();
        });
        waitFor(() -> r.vm.result.forOutput().isPresent());
        first.countDown();
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("online_rate ~ measure_in_place + factor(ward)", r.vm.result.forOutput().orElseThrow().result().formula(),
                "the older full model arrived later and was dropped");
    }

    @Test
    void didAndPyramidExportsAreOffWhileANewResultIsComputed(FxRobot robot) throws Exception {
        settled();
        DidPane d = view.did;
        robot.interact(d::run);
        waitFor(() -> d.vm.result.forOutput().isPresent());
        CountDownLatch slow = context.holdTasks();
        robot.interact(() -> {
            d.vm.fixedEffects.set(false);
            d.vm.treated.set("first_wave");
            d.vm.start.set("2019");
            d.run();
        });
        Button didExport = robot.lookup("#evalDidExport").queryButton();
        Path didOut = home.resolve("did-while-estimating.xlsx");
        robot.interact(() -> {
            assertTrue(didExport.isDisabled());
            assertNull(d.exportTo(didOut));
        });
        PyramidPane py = view.pyramid;
        robot.interact(py::run);
        Button pyrExport = robot.lookup("#evalPyrExport").queryButton();
        robot.interact(() -> {
            assertTrue(pyrExport.isDisabled());
            assertNull(py.exportTo(home.resolve("pyramid-while-drawing.xlsx")));
        });
        context.stopHolding();
        slow.countDown();
        waitFor(() -> d.vm.result.forOutput().isPresent() && py.vm.result.forOutput().isPresent());
        // docs/evaluation.md: the 2×2 estimate with first_wave from 2019 is 5.02
        assertEquals(5.02, d.vm.result.shown().get().result().effect(), 0.005);
        robot.interact(() -> d.exportTo(didOut));
        waitFor(() -> Files.exists(didOut) && Files.size(didOut) > 1000);
        String did = text(didOut);
        assertTrue(did.contains("2x2") && !did.contains("twfe"), "the 2×2 estimate on screen");
        assertFalse(Files.exists(home.resolve("pyramid-while-drawing.xlsx")));
        assertTrue(context.errors().isEmpty(), () -> context.errors().toString());
    }

    @Test
    void anotherIndustryMapOffersNoExportUntilItIsShownThenExportsIt(FxRobot robot) throws Exception {
        settled();
        LqPane lq = view.lq;
        robot.interact(lq::run);
        waitFor(() -> lq.vm.result.forOutput().isPresent());
        assertEquals("製造業", lq.vm.result.shown().get().industry());
        Button export = robot.lookup("#evalLqExport").queryButton();
        CountDownLatch slow = context.holdTasks();
        robot.interact(() -> lq.vm.mapIndustry.set("情報通信業"));
        Path out = home.resolve("lq.xlsx");
        robot.interact(() -> {
            assertTrue(export.isDisabled(), "the map on screen is about to change");
            assertNull(lq.exportTo(out));
        });
        context.stopHolding();
        slow.countDown();
        waitFor(() -> lq.vm.result.forOutput().isPresent());
        assertEquals("情報通信業", lq.vm.result.shown().get().industry());
        robot.interact(() -> lq.exportTo(out));
        waitFor(() -> Files.exists(out) && Files.size(out) > 1000);
        String all = text(out);
        assertTrue(all.contains("全国(参考・合成)"), "the reference of the table on screen: " + all.substring(0, Math.min(400, all.length())));
        assertTrue(all.contains("kawasaki_wards"), "the map's layer is a source");
        assertTrue(all.contains("Location quotient 情報通信業") && !all.contains("Location quotient 製造業"), "the map on screen");
        assertTrue(context.errors().isEmpty(), () -> context.errors().toString());
    }

    private static String text(Path xlsx) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> sb.append(cell).append('\n'))));
        }
        return sb.toString();
    }
}
