package jp.ebpm.workbench.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.ebpm.analysis.report.ReportBuilder;
import jp.ebpm.analysis.report.ReportSpec;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.CrossTab;
import jp.ebpm.analysis.survey.CrossTabEngine;
import jp.ebpm.analysis.survey.CrossTabResult;
import jp.ebpm.analysis.survey.CrossTabSpec;
import jp.ebpm.analysis.survey.WeightKind;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.app.TestAppContext;
import jp.ebpm.workbench.cli.CliTestSupport;

/**
 * Issue 11 items 1 and 3: the Cross-tab tab (its view model), the command line and a report spec compute the same
 * table from the same request on a raked sample survey — the same Rao–Scott F (the raking margins recorded with
 * the weight are used by all three) and the same Likert NET rows from the codebook scale. Before the one library
 * call ({@code CrossTabEngine.prepare}) the tab and report specs left the margins out and the tab added no Likert
 * NET rows.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OneRuleEverywhereTest {

    static final String SURVEY = "市民アンケート2018";
    static final String POPULATION = "川崎市人口_区性年代";

    @TempDir
    static Path dir;
    static Path projectDir;

    @BeforeAll
    static void rakedSampleSurvey() throws IOException {
        projectDir = jp.ebpm.workbench.app.TestProjects.surveySample(dir);
        CliTestSupport.Result r = CliTestSupport.run("rake", "--project", projectDir.toString(), "--dataset", SURVEY,
                "--margins", "ward=@" + POPULATION, "--margins", "age_group=@" + POPULATION, "--out-weight", "rake_weight");
        assertEquals(0, r.exitCode(), r.err());
    }

    @AfterAll
    static void nothing() {
        // the temp folder is removed by JUnit
    }

    private static JsonNode cli(String rows, String cols) throws IOException {
        CliTestSupport.Result r = CliTestSupport.run("crosstab", "--project", projectDir.toString(), "--dataset", SURVEY,
                "--rows", rows, "--cols", cols, "--survey-weight", "rake_weight");
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static CrossTabResult viewModel(FxRobot robot, Project p, String rows, String cols) throws Exception {
        CrossTabViewModel vm = new CrossTabViewModel(new TestAppContext(p), "test");
        robot.interact(() -> {
            vm.dataset.set(SURVEY);
            vm.rows.set(rows);
            vm.cols.set(cols);
            vm.weight.set("rake_weight");
            vm.sampling.set(true);
            vm.run(p, vm.spec(false, 0.05, List.of()), r -> { });
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.result.forOutput().isPresent());
        return vm.result.forOutput().orElseThrow();
    }

    private static double reportF(Project p, String rows, String cols) throws IOException {
        Path out = dir.resolve("report-" + rows + ".xlsx");
        ReportSpec.Item item = new ReportSpec.Item(ReportSpec.ItemType.CROSSTAB, "q × ward", null, SURVEY, null, List.of(),
                "", "", "", Map.of("rows", rows, "cols", cols, "surveyWeight", "rake_weight"));
        ReportSpec spec = new ReportSpec("test", "", "", LocalDate.of(2025, 1, 1), null, null, null, List.of(), List.of(),
                List.of(item));
        ReportBuilder.build(p, spec, "test", out, ProgressListener.NONE, Cancellation.none());
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            for (Sheet s : wb) {
                for (Row row : s) {
                    if (row.getCell(0) != null && "Rao-Scott F".equals(row.getCell(0).toString())) {
                        return row.getCell(1).getNumericCellValue();
                    }
                }
            }
        }
        throw new AssertionError("no Rao-Scott F in the report");
    }

    @Test
    void raoScottOfTheRakedWeightIsTheSameInTheTabTheCommandLineAndAReport(FxRobot robot) throws Exception {
        double cliF = cli("q5", "ward").get("rao_scott").get("f").asDouble();
        try (Project p = Project.open(projectDir)) {
            CrossTabResult vm = viewModel(robot, p, "q5", "ward");
            assertEquals(List.of("ward", "age_group"), vm.spec().rakedOn(), "the margins recorded by rake");
            assertEquals(cliF, vm.overall().raoScott().f(), 1e-12 * cliF, "view model vs command line");
            assertEquals(cliF, reportF(p, "q5", "ward"), 1e-12 * cliF, "report spec vs command line");
            // without the margins the test differs: the comparison above is not trivially true
            CrossTab plain = CrossTabEngine.run(p, CrossTabSpec.of(SURVEY, "q5", "ward").withWeight("rake_weight", WeightKind.SAMPLING)
                    .withRakedOn(List.of("age_group")), null, Cancellation.none()).overall();
            assertNotEquals(cliF, plain.raoScott().f(), 1e-6 * cliF);
            // output naming: the workbook the command line writes into a folder has the name the tab suggests
            Path folder = Files.createDirectories(dir.resolve("exports"));
            CliTestSupport.Result x = CliTestSupport.run("crosstab", "--project", projectDir.toString(), "--dataset", SURVEY,
                    "--rows", "q5", "--cols", "ward", "--survey-weight", "rake_weight", "--format", "xlsx", "--out", folder.toString());
            assertEquals(0, x.exitCode(), x.err());
            CrossTabViewModel model = new CrossTabViewModel(new TestAppContext(p), "test");
            robot.interact(() -> {
                model.dataset.set(SURVEY);
                model.rows.set("q5");
                model.cols.set("ward");
                model.run(p, model.spec(false, 0.05, List.of()), r -> { });
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.result.forOutput().isPresent());
            assertTrue(Files.exists(folder.resolve(model.suggestedName())), model.suggestedName());
        }
    }

    @Test
    void likertNetRowsComeFromTheCodebookScaleInTheTabAndTheCommandLine(FxRobot robot) throws Exception {
        JsonNode cli = cli("q5", "sex");
        try (Project p = Project.open(projectDir)) {
            CrossTab vm = viewModel(robot, p, "q5", "sex").overall();
            JsonNode nets = cli.get("nets");
            assertEquals(2, nets.size(), "Top-2 and Bottom-2 from the codebook scale");
            assertEquals(nets.size(), vm.nets().size());
            for (int k = 0; k < nets.size(); k++) {
                assertEquals(nets.get(k).get("label").asText(), vm.nets().get(k).label());
                List<Double> counts = new ArrayList<>();
                nets.get(k).get("counts").forEach(n -> counts.add(n.asDouble()));
                for (int j = 0; j < counts.size(); j++) {
                    assertEquals(counts.get(j), vm.nets().get(k).counts()[j], 1e-9);
                }
            }
            assertNotNull(cli.get("likert"));
            assertTrue(vm.nets().get(0).label().startsWith("Top"));
        }
    }
}
