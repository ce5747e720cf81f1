package jp.ebpm.workbench.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.kpi.KpiEvaluation;
import jp.ebpm.analysis.kpi.KpiFiles;
import jp.ebpm.analysis.kpi.KpiStatus;
import jp.ebpm.analysis.kpi.KpiStore;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.TestAppContext;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class KpiFeatureTest {

    @TempDir
    Path dir;
    Project project;
    KpiView view;
    TestAppContext context;

    @Start
    void start(Stage stage) throws IOException {
        Path csv = dir.resolve("kpi-register-sample.csv");
        try (InputStream in = getClass().getResourceAsStream("kpi-register-sample.csv")) {
            Files.copy(in, csv);
        }
        project = Project.create(dir.resolve("proj"));
        KpiStore.save(project, KpiView.DEFAULT_DATASET, KpiFiles.read(csv), csv.getFileName().toString(), null, "sample");
        context = new TestAppContext(project);
        view = new KpiView(context);
        assertEquals("KPI", new KpiFeature().title(context));
        stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1200, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        project.close();
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, c);
    }

    @Test
    void showsRegisterFiltersEditsAndExports(FxRobot robot) throws Exception {
        waitFor(() -> view.table().getItems().size() == 14);
        assertEquals(2021, view.model().fiscalYear.get());
        // sample: K06 has no FY2021 actual
        assertEquals(KpiStatus.NO_DATA, view.model().rows.get(5).status());
        // cells render after the items arrive: wait for them
        waitFor(() -> robot.lookup(".kpi-status-achieved").queryAll().size() > 0);

        robot.interact(() -> view.model().measure.set("施策7 情報システムの最適化"));
        assertEquals(3, view.table().getItems().size());
        robot.interact(() -> view.model().measure.set(KpiViewModel.ALL));
        assertEquals(14, view.table().getItems().size());

        robot.interact(() -> view.table().getSelectionModel().select(5));
        assertNotNull(robot.lookup("#kpiChart").queryAs(ChartViewer.class).getChart());
        robot.clickOn("#actualField").eraseText(20).write("abc");
        robot.clickOn("#setActual");
        assertTrue(robot.lookup("#editError").queryAs(Label.class).getText().contains("abc"));

        robot.clickOn("#actualField").eraseText(20).write("170,000");
        robot.clickOn("#setActual");
        assertEquals("", robot.lookup("#editError").queryAs(Label.class).getText());
        KpiEvaluation k06 = view.model().rows.get(5);
        // hand: (170000-112671)/(179000-112671) = 57329/66329 = 0.8643 -> behind, grade A
        assertEquals(57329.0 / 66329.0, k06.progressRate(), 1e-12);
        assertEquals(KpiStatus.BEHIND, k06.status());
        assertEquals("A", k06.grade());

        robot.interact(() -> view.saveToProject());
        waitFor(() -> KpiStore.load(project, KpiView.DEFAULT_DATASET).find("K06").orElseThrow().actual(2021).isPresent());
        assertEquals(170000.0, KpiStore.load(project, KpiView.DEFAULT_DATASET).find("K06").orElseThrow().actual(2021).getAsDouble());

        Path out = dir.resolve("kpi-report.xlsx");
        robot.interact(() -> view.exportTo(out));
        waitFor(() -> Files.exists(out));
        assertTrue(Files.size(out) > 10_000);
        assertTrue(context.errors().isEmpty(), () -> context.errors().toString());
    }

    @Test
    void bundlesHaveTheSameKeys() {
        ResourceBundle en = ResourceBundle.getBundle("jp.ebpm.workbench.i18n.kpi", Locale.ROOT);
        ResourceBundle ja = ResourceBundle.getBundle("jp.ebpm.workbench.i18n.kpi", Locale.JAPANESE);
        assertEquals(en.keySet(), ja.keySet());
        assertEquals("遅れ", ja.getString("kpi.status.behind"));
    }

    /**
     * Issue 11 item 2 for the KPI tab: while another register is being read, Export is off and writes nothing, so a
     * report can never mix the register on screen with the source of the next one.
     */
    @Test
    void exportIsOffWhileAnotherRegisterIsRead(FxRobot robot) throws Exception {
        waitFor(() -> view.table().getItems().size() == 14);
        javafx.scene.control.Button export = robot.lookup("#kpiExport").queryButton();
        assertTrue(!export.isDisabled());
        Path other = dir.resolve("other.csv");
        try (InputStream in = getClass().getResourceAsStream("kpi-register-sample.csv")) {
            Files.copy(in, other);
        }
        java.util.concurrent.CountDownLatch slow = context.holdTasks();
        robot.interact(() -> view.openFile(other));
        assertTrue(export.isDisabled(), "off while the other register is read");
        Path out = dir.resolve("while-reading.xlsx");
        robot.interact(() -> org.junit.jupiter.api.Assertions.assertNull(view.exportTo(out)));
        context.stopHolding();
        slow.countDown();
        waitFor(() -> !export.isDisabled());
        assertEquals("other.csv", view.model().source.get().name());
        assertTrue(!Files.exists(out));
        robot.interact(() -> view.exportTo(out));
        waitFor(() -> Files.exists(out) && Files.size(out) > 1000);
        // the report title is Japanese like its sheets, whatever the UI language
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(out.toFile(), null, true)) {
            String cover = wb.getSheetName(0);
            boolean found = false;
            for (var row : wb.getSheetAt(0)) {
                for (var cell : row) {
                    if (cell.toString().contains("KPI進捗状況報告")) {
                        found = true;
                    }
                }
            }
            assertTrue(found, "title on the cover: " + cover);
        }
    }
}
