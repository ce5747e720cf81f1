package jp.ebpm.workbench.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.survey.CsvTable;
import jp.ebpm.analysis.survey.sample.SurveySampleGenerator;
import jp.ebpm.workbench.app.TestAppContext;

/** The cross-tab builder on the synthetic sample survey, headless. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SurveyFeatureTest {

    @TempDir
    static Path dir;
    static Project project;
    static TestAppContext context;

    @Start
    void start(Stage stage) {
        SurveySampleGenerator.writeTo(dir.resolve("s"));
        project = Project.create(dir.resolve("p"));
        project.inTransaction(c -> {
            CsvTable.load(c, dir.resolve("s/respondents.csv"), StandardCharsets.UTF_8, "survey2018");
            project.catalog().register(c, new DatasetInfo("survey2018", DatasetKind.SURVEY, "respondents.csv", null,
                    java.time.Instant.now(), Catalog.countRows(c, "survey2018"), Catalog.describe(c, "survey2018"), "UTF-8",
                    "CC0", Sensitivity.INTERNAL, "synthetic", Map.of()));
            return null;
        });
        context = new TestAppContext(project);
        SurveyFeature feature = new SurveyFeature();
        stage.setScene(new Scene((javafx.scene.Parent) feature.createView(context), 1000, 600));
        stage.show();
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void tabulatesAgeBySexAndCopiesTsv(FxRobot robot) throws Exception {
        ComboBox<String> dataset = robot.lookup("#dataset").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dataset.getItems().isEmpty());
        robot.interact(() -> dataset.getSelectionModel().select("survey2018"));
        robot.interact(() -> {
            robot.lookup("#rows").queryAs(ComboBox.class).getSelectionModel().select("age_group");
            robot.lookup("#cols").queryAs(ComboBox.class).getSelectionModel().select("sex");
        });
        robot.clickOn("#run");
        TableView<List<String>> table = robot.lookup("#result").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 8);
        // published age × sex table: 18～19歳 男性 10 (1.3 %), 女性 14
        assertTrue(table.getItems().get(0).get(1).startsWith("10 (1.3%)"), table.getItems().get(0).toString());
        assertTrue(table.getItems().get(0).get(2).startsWith("14 (1.9%)"), table.getItems().get(0).toString());
        // base row: 774, 719, 7, total 1,500
        assertEquals(List.of("Base n", "774", "719", "7", "1,500"), table.getItems().get(7));
        assertEquals(0, context.errors().size(), context.errors().toString());
        robot.clickOn("#copy");
        WaitForAsyncUtils.waitForFxEvents();
        String[] tsv = new String[1];
        robot.interact(() -> tsv[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        // no codebook in the UI run: raw codes as labels, with column letters
        assertTrue(tsv[0].startsWith("Category\t1 (A)\t2 (B)\t3 (C)\tTotal"), tsv[0]);
        assertEquals(9, tsv[0].split("\r\n").length);
    }
}
