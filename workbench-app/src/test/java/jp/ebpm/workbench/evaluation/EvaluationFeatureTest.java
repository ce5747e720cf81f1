package jp.ebpm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
    void regressionShowsAJournalTableAndExports(FxRobot robot) throws Exception {
        RegressionPane r = view.regression;
        robot.interact(() -> {
            r.vm.dataset.set("measure_panel_synthetic");
            r.vm.outcome.set("online_rate");
        });
        // missing cluster column: a plain message, nothing run
        robot.interact(() -> r.vm.seType.set(SeType.CLUSTER));
        robot.interact(r::run);
        assertTrue(robot.lookup("#evalRegStatus").queryAs(Label.class).getText().contains("cluster"));
        robot.interact(() -> {
            r.vm.addRegressor("measure_in_place", false);
            r.vm.addRegressor("fiscal_year", true);
            r.vm.addRegressor("ward", true);
            r.vm.cluster.set("ward");
        });
        assertEquals("online_rate ~ measure_in_place + factor(fiscal_year) + factor(ward)", r.vm.formula.get());
        robot.interact(r::run);
        waitFor(() -> r.vm.result.get() != null);
        DidResult d = DiffInDiff.estimate(project, PanelSpec.of("measure_panel_synthetic", "online_rate", "ward", "fiscal_year",
                "measure_in_place", null).withFixedEffects(), ProgressListener.NONE, Cancellation.none());
        int k = r.vm.result.get().indexOf("measure_in_place");
        assertEquals(d.effect(), r.vm.result.get().coef()[k], 1e-9);
        // journal style: coefficient with stars, SE in brackets on the next row (cluster SEs)
        String[] coef = r.table.getItems().get(2 * k);
        String[] se = r.table.getItems().get(2 * k + 1);
        assertEquals("measure_in_place", coef[0]);
        assertTrue(coef[1].endsWith("***"), coef[1]);
        assertEquals("(" + jp.ebpm.analysis.stats.regression.RegressionTable.format(d.se()) + ")", se[1]);
        assertTrue(r.vm.clipboardText().contains("measure_in_place\t"));
        Path out = home.resolve("reg.xlsx");
        robot.interact(() -> r.exportTo(out));
        waitFor(() -> Files.exists(out));
        assertTrue(context.errors().isEmpty(), () -> context.errors().toString());
    }

    @Test
    void didShowsEffectTrendChartAndEventStudy(FxRobot robot) throws Exception {
        DidPane p = view.did;
        robot.interact(() -> {
            p.vm.dataset.set("measure_panel_synthetic");
            p.vm.outcome.set("online_rate");
            p.vm.unit.set("ward");
            p.vm.period.set("fiscal_year");
            p.vm.treated.set("measure_in_place");
        });
        robot.interact(p::run);
        waitFor(() -> p.vm.result.get() != null);
        assertNotNull(p.chart.getChart());
        assertTrue(p.events.getItems().size() > 3);
        assertTrue(p.vm.summary.get().startsWith("Effect "), p.vm.summary.get());
        assertTrue(context.errors().isEmpty(), () -> context.errors().toString());
    }

    @Test
    void pyramidAndLocationQuotientMap(FxRobot robot) throws Exception {
        PyramidPane py = view.pyramid;
        robot.interact(() -> {
            py.vm.dataset.set("ward_population_age_synthetic");
            py.vm.area.set("幸区");
            py.vm.years.set("2015,2020");
        });
        assertEquals("age_group", py.vm.age.get());
        assertEquals("ward", py.vm.areaColumn.get());
        robot.interact(py::run);
        waitFor(() -> py.vm.result.get() != null);
        assertEquals(2, py.vm.ratios.size());
        assertNotNull(py.chart.getChart());
        LqPane lq = view.lq;
        robot.interact(() -> {
            lq.vm.dataset.set("ward_employment_synthetic");
            lq.vm.area.set("ward");
            lq.vm.industry.set("industry");
            lq.vm.value.set("employees");
            lq.vm.referenceArea.set("全国(参考・合成)");
            lq.vm.layer.set("kawasaki_wards");
        });
        robot.interact(lq::run);
        waitFor(() -> lq.vm.map.get() != null);
        assertEquals(7, lq.table.getItems().size());
        assertEquals("製造業", lq.vm.mapIndustry.get());
        assertTrue(context.errors().isEmpty(), () -> context.errors().toString());
    }
}
