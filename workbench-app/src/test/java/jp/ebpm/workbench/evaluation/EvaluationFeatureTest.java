package jp.ebpm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

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

import jp.ebpm.analysis.evaluation.DidResult;
import jp.ebpm.analysis.evaluation.DiffInDiff;
import jp.ebpm.analysis.evaluation.PanelSpec;
import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.stats.regression.OlsResult;
import jp.ebpm.analysis.stats.regression.SeType;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.app.TestAppContext;

/** The Evaluation tab on the bundled sample project: each sub-tab runs its library call through the task runner. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class EvaluationFeatureTest {

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
        view = new EvaluationView(context);
        assertEquals("Evaluation", new EvaluationFeature().title(context));
        assertEquals("効果検証", new EvaluationFeature().title(new TestAppContext(project, Locale.JAPANESE)));
        stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1280, 800));
        stage.show();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void regressionStartsFromTheSyntheticPanelShowsAJournalTableAndExports(FxRobot robot) throws Exception {
        RegressionPane r = view.regression;
        // preselected on the sample project: the measure panel's two-way fixed-effects model, clustered by ward
        assertEquals("measure_panel_synthetic", r.vm.dataset.get());
        assertEquals("online_rate ~ measure_in_place + factor(ward) + factor(fiscal_year)", r.vm.formula.get());
        assertEquals(SeType.CLUSTER, r.vm.seType.get());
        assertEquals("ward", r.vm.cluster.get());
        assertTrue(r.table.getColumns().isEmpty(), "no stray (1) header before a model is fitted");
        assertEquals(context.bundle("main").getString("table.empty"), ((Label) r.table.getPlaceholder()).getText());
        // missing cluster column: a plain message, nothing run
        robot.interact(() -> r.vm.cluster.set(null));
        robot.interact(r::run);
        assertTrue(robot.lookup("#evalRegStatus").queryAs(Label.class).getText().contains("cluster"));
        assertNull(r.vm.result.shown().get());
        robot.interact(() -> r.vm.cluster.set("ward"));
        robot.interact(r::run);
        waitFor(() -> r.vm.result.forOutput().isPresent());
        DidResult d = DiffInDiff.estimate(project, PanelSpec.of("measure_panel_synthetic", "online_rate", "ward", "fiscal_year",
                "measure_in_place", null).withFixedEffects(), ProgressListener.NONE, Cancellation.none());
        OlsResult fit = r.vm.result.shown().get().result();
        int k = fit.indexOf("measure_in_place");
        assertEquals(d.effect(), fit.coef()[k], 1e-9);
        // journal style: coefficient with stars, SE in brackets on the next row (cluster SEs); the outcome heads the column
        assertEquals("online_rate", r.table.getColumns().get(1).getText());
        String[] coef = r.table.getItems().get(2 * k);
        String[] se = r.table.getItems().get(2 * k + 1);
        assertEquals("measure_in_place", coef[0]);
        assertTrue(coef[1].endsWith("***"), coef[1]);
        assertEquals("(" + jp.ebpm.analysis.stats.regression.RegressionTable.format(d.se()) + ")", se[1]);
        assertTrue(r.vm.clipboardText().contains("measure_in_place\t"));
        // another standard-error choice changes the next fit, not the table on screen
        robot.interact(() -> r.vm.seType.set(SeType.HC3));
        assertEquals("(" + jp.ebpm.analysis.stats.regression.RegressionTable.format(d.se()) + ")", r.table.getItems().get(2 * k + 1)[1]);
        Path out = home.resolve("reg.xlsx");
        robot.interact(() -> r.exportTo(out));
        waitFor(() -> Files.exists(out));
        assertTrue(context.errors().isEmpty(), () -> context.errors().toString());
    }

    @Test
    void didStartsFromTheSyntheticPanelAndShowsEffectTrendChartAndEventStudy(FxRobot robot) throws Exception {
        DidPane p = view.did;
        assertEquals("measure_panel_synthetic", p.vm.dataset.get());
        assertEquals("online_rate", p.vm.outcome.get());
        assertEquals("ward", p.vm.unit.get());
        assertEquals("fiscal_year", p.vm.period.get());
        assertEquals("measure_in_place", p.vm.treated.get());
        assertTrue(p.vm.fixedEffects.get());
        assertEquals(context.bundle("main").getString("table.empty"), ((Label) p.events.getPlaceholder()).getText());
        robot.interact(p::run);
        waitFor(() -> p.vm.result.forOutput().isPresent());
        assertNotNull(p.chart.getChart());
        assertTrue(p.events.getItems().size() > 3);
        // docs/evaluation.md: two-way fixed effects on the actual roll-out, 6.04 (SE 0.72)
        assertEquals(6.04, p.vm.result.shown().get().result().effect(), 0.005);
        assertTrue(p.vm.summary.get().startsWith("Effect 6.04"), p.vm.summary.get());
        assertTrue(context.errors().isEmpty(), () -> context.errors().toString());
        // the project is closed: every result goes (a chart viewer cannot be emptied; it is hidden, without an error)
        PyramidPane py = view.pyramid;
        waitFor(() -> !py.vm.years.get().isBlank());
        robot.interact(py::run);
        waitFor(() -> py.vm.result.forOutput().isPresent());
        robot.interact(() -> context.setProject(null));
        assertNull(p.vm.result.shown().get());
        assertTrue(!p.chart.isVisible() && p.events.getItems().isEmpty() && p.vm.summary.get().isEmpty());
        assertTrue(!py.chart.isVisible() && py.ratios.getItems().isEmpty());
        assertTrue(view.regression.table.getColumns().isEmpty());
        assertTrue(robot.lookup("#evalDidExport").queryButton().isDisabled());
        assertNull(view.did.vm.dataset.get(), "no project, no dataset");
    }

    @Test
    void pyramidAndLocationQuotientMapStartFromTheWardTables(FxRobot robot) throws Exception {
        PyramidPane py = view.pyramid;
        assertEquals("ward_population_age_synthetic", py.vm.dataset.get());
        assertEquals("age_group", py.vm.age.get());
        assertEquals("sex", py.vm.sex.get());
        assertEquals("population", py.vm.value.get());
        assertEquals("ward", py.vm.areaColumn.get());
        assertEquals("year", py.vm.yearColumn.get());
        waitFor(() -> py.vm.years.get().equals("2015,2020"));
        robot.interact(() -> py.vm.area.set("幸区"));
        robot.interact(py::run);
        waitFor(() -> py.vm.result.forOutput().isPresent());
        assertEquals(2, py.vm.ratios.size());
        assertEquals("Population pyramid 幸区 2015,2020", py.vm.result.shown().get().title());
        assertNotNull(py.chart.getChart());
        LqPane lq = view.lq;
        assertEquals("ward_employment_synthetic", lq.vm.dataset.get());
        assertEquals("ward", lq.vm.area.get());
        assertEquals("industry", lq.vm.industry.get());
        assertEquals("employees", lq.vm.value.get());
        assertEquals("kawasaki_wards", lq.vm.layer.get());
        waitFor(() -> lq.vm.referenceArea.get().equals("全国(参考・合成)"));
        robot.interact(lq::run);
        waitFor(() -> lq.vm.result.forOutput().isPresent());
        assertNotNull(lq.vm.result.shown().get().map());
        assertEquals(7, lq.table.getItems().size());
        assertEquals("製造業", lq.vm.mapIndustry.get());
        assertTrue(context.errors().isEmpty(), () -> context.errors().toString());
    }
}
