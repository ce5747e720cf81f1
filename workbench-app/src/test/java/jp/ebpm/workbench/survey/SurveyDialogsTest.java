package jp.ebpm.workbench.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
import jp.ebpm.analysis.store.QueryResult;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.ProjectCodebooks;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.app.TestAppContext;

/**
 * The codebook editor and the raking dialog opened from the cross-tab view, on a sample project built from
 * the bundled survey folder (survey, its codebook, and the population table), headless.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SurveyDialogsTest {

    static final String SURVEY = "市民アンケート2018";
    static final String POPULATION = "川崎市人口_区性年代";

    @TempDir
    static Path dir;
    static Project project;
    static TestAppContext context;

    @Start
    void start(Stage stage) throws Exception {
        if (project == null) {
            Path data = SampleProject.locateSampleData().orElseThrow();
            Path copy = dir.resolve("data/survey");
            Files.createDirectories(copy);
            for (String f : List.of("manifest.json", "respondents.csv", "codebook.csv", "population.csv")) {
                Files.copy(data.resolve("survey").resolve(f), copy.resolve(f));
            }
            project = Project.open(SampleProject.build(dir.resolve("data"), dir.resolve("project"), ProgressListener.NONE,
                    Cancellation.none()));
        }
        context = new TestAppContext(project);
        stage.setScene(new Scene((javafx.scene.Parent) new SurveyFeature().createView(context), 1100, 650));
        stage.show();
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @BeforeEach
    void restoreSampleCodebook() throws Exception {
        ProjectCodebooks.save(project, SURVEY, jp.ebpm.analysis.survey.CodebookIo.read(
                SampleProject.locateSampleData().orElseThrow().resolve("survey/codebook.csv")));
    }

    @SuppressWarnings("unchecked")
    private static void chooseSurvey(FxRobot robot) throws Exception {
        ComboBox<String> dataset = robot.lookup("#dataset").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dataset.getItems().isEmpty());
        robot.interact(() -> dataset.getSelectionModel().select(SURVEY));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Stage window(String titlePart) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().contains(titlePart)));
        return (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().contains(titlePart)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static TableView<CodebookEditor.VariableRow> variables(FxRobot robot, Stage editor) throws Exception {
        TableView<CodebookEditor.VariableRow> vars = robot.from(editor.getScene().getRoot()).lookup("#codebook-variables")
                .queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vars.getItems().size() > 5);
        return vars;
    }

    @Test
    @SuppressWarnings("unchecked")
    void editedLabelIsSavedUsedByTheTableAndShownOnReopen(FxRobot robot) throws Exception {
        chooseSurvey(robot);
        robot.clickOn("#codebook");
        Stage editor = window("Codebook of " + SURVEY);
        TableView<CodebookEditor.VariableRow> vars = variables(robot, editor);
        assertTrue(robot.from(editor.getScene().getRoot()).lookup("#codebook-status").queryAs(Label.class).getText()
                .contains("stored with this dataset"));
        // select sex, edit the label of code 1 in the value table by typing into the cell
        int sex = vars.getItems().stream().map(v -> v.name.get()).toList().indexOf("sex");
        robot.interact(() -> vars.getSelectionModel().select(sex));
        TableView<CodebookEditor.ValueRow> values = robot.from(editor.getScene().getRoot()).lookup("#codebook-values")
                .queryAs(TableView.class);
        assertEquals("男性", values.getItems().get(0).labelJa.get());
        robot.interact(() -> {
            values.requestFocus();
            values.edit(0, values.getColumns().get(1));
        });
        WaitForAsyncUtils.waitForFxEvents();
        TextField cell = robot.from(values).lookup(".text-field").queryAs(TextField.class);
        robot.interact(() -> cell.setText("男"));
        robot.clickOn(cell).type(KeyCode.ENTER);
        assertEquals("男", values.getItems().get(0).labelJa.get());
        // move 女性 above 男: category order
        robot.interact(() -> values.getSelectionModel().select(1));
        robot.clickOn(robot.from(editor.getScene().getRoot()).lookup("#codebook-value-up").queryButton());
        assertEquals("女性", values.getItems().get(0).labelJa.get());
        robot.clickOn(robot.from(editor.getScene().getRoot()).lookup("#codebook-save").queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !editor.isShowing());
        Codebook.Variable stored = ProjectCodebooks.load(project, SURVEY).orElseThrow().variable("sex").orElseThrow();
        assertEquals(List.of("2", "1", "3"), stored.values().stream().map(Codebook.Value::code).toList());
        assertEquals("男", stored.value("1").orElseThrow().labelJa());
        assertEquals("Male", stored.value("1").orElseThrow().labelEn());

        // the cross-tab now uses it: labels and order of the saved codebook
        robot.interact(() -> {
            robot.lookup("#rows").queryAs(ComboBox.class).getSelectionModel().select("age_group");
            robot.lookup("#cols").queryAs(ComboBox.class).getSelectionModel().select("sex");
        });
        robot.clickOn("#run");
        TableView<List<String>> table = robot.lookup("#result").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 8);
        assertTrue(table.getColumns().get(1).getText().startsWith("女性"), table.getColumns().get(1).getText());
        assertTrue(table.getColumns().get(2).getText().startsWith("男"), table.getColumns().get(2).getText());
        assertEquals("18～19歳", table.getItems().get(0).get(0));
        // published age × sex table: 18～19歳 女性 14, 男性 10
        assertTrue(table.getItems().get(0).get(1).startsWith("14 "), table.getItems().get(0).toString());

        // reopening shows the saved text
        robot.clickOn("#codebook");
        Stage again = window("Codebook of " + SURVEY);
        TableView<CodebookEditor.VariableRow> vars2 = variables(robot, again);
        CodebookEditor.VariableRow sexRow = vars2.getItems().stream().filter(v -> v.name.get().equals("sex")).findFirst().orElseThrow();
        assertEquals("女性", sexRow.values.get(0).labelJa.get());
        assertEquals("男", sexRow.values.get(1).labelJa.get());
        robot.clickOn(robot.from(again.getScene().getRoot()).lookup("#codebook-cancel").queryButton());
        assertEquals(0, context.errors().size(), context.errors().toString());
    }

    @Test
    void cancelLeavesTheStoredCodebookAndInvalidEditsAreNotSaved(FxRobot robot) throws Exception {
        Codebook before = ProjectCodebooks.load(project, SURVEY).orElseThrow();
        chooseSurvey(robot);
        robot.clickOn("#codebook");
        Stage editor = window("Codebook of " + SURVEY);
        TableView<CodebookEditor.VariableRow> vars = variables(robot, editor);
        robot.interact(() -> {
            vars.getItems().get(0).questionJa.set("changed");
            vars.getItems().remove(1);
        });
        robot.clickOn(robot.from(editor.getScene().getRoot()).lookup("#codebook-cancel").queryButton());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !editor.isShowing());
        assertEquals(before, ProjectCodebooks.load(project, SURVEY).orElseThrow());

        // a duplicated code is named with its variable and nothing is stored
        robot.clickOn("#codebook");
        Stage again = window("Codebook of " + SURVEY);
        TableView<CodebookEditor.VariableRow> vars2 = variables(robot, again);
        robot.interact(() -> {
            CodebookEditor.VariableRow ward = vars2.getItems().stream().filter(v -> v.name.get().equals("ward")).findFirst().orElseThrow();
            ward.values.get(1).code.set("14131");
        });
        robot.clickOn(robot.from(again.getScene().getRoot()).lookup("#codebook-save").queryButton());
        Label status = robot.from(again.getScene().getRoot()).lookup("#codebook-status").queryAs(Label.class);
        assertTrue(status.getText().contains("the variable ward has the code 14131 twice (values 1 and 2)"), status.getText());
        assertTrue(again.isShowing());
        assertEquals(before, ProjectCodebooks.load(project, SURVEY).orElseThrow());
        robot.clickOn(robot.from(again.getScene().getRoot()).lookup("#codebook-cancel").queryButton());
    }

    @Test
    @SuppressWarnings("unchecked")
    void rakesToThePopulationAndSelectsTheNewWeight(FxRobot robot) throws Exception {
        chooseSurvey(robot);
        robot.clickOn("#rake");
        Stage dialog = window("Weighting (raking) of " + SURVEY);
        javafx.scene.Node root = dialog.getScene().getRoot();
        // the population table is offered (and preselected) as the source of every margin
        assertEquals(POPULATION, robot.from(root).lookup("#rake-source-0").queryAs(ComboBox.class).getValue());
        robot.interact(() -> {
            ComboBox<String> v0 = robot.from(root).lookup("#rake-vars-0").queryAs(ComboBox.class);
            v0.getEditor().setText("ward");
        });
        robot.clickOn(robot.from(root).lookup("#rake-margin-add").queryButton());
        robot.interact(() -> {
            robot.from(root).lookup("#rake-vars-1").queryAs(ComboBox.class).getEditor().setText("age_group");
            robot.from(root).lookup("#rake-out").queryAs(TextField.class).setText("w_pop");
        });
        robot.clickOn(robot.from(root).lookup("#rake-run").queryButton());
        Label report = robot.from(root).lookup("#rake-report").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !report.getText().isEmpty());
        String text = report.getText();
        assertTrue(text.startsWith("Converged: yes"), text);
        // population aged 18-79 of the seven wards (sum of population.csv)
        assertTrue(text.contains("sum of weights: 1,202,106.0"), text);
        assertTrue(text.contains("Respondents: 1,500"), text);
        assertTrue(text.contains("Kish design effect: "), text);
        assertTrue(text.contains("effective sample size: "), text);
        TableView<?> margins = robot.from(root).lookup("#rake-margins").queryAs(TableView.class);
        assertEquals(7 + 7, margins.getItems().size(), "7 wards and 7 age groups");
        // categories carry the labels of the stored codebook
        TableView<jp.ebpm.analysis.survey.RakeResult.MarginCheck> checks = (TableView<jp.ebpm.analysis.survey.RakeResult.MarginCheck>) margins;
        assertEquals("14131 川崎区", checks.getColumns().get(1).getCellData(0));
        assertEquals("1 18～19歳", checks.getColumns().get(1).getCellData(7));
        assertEquals(0, context.errors().size(), context.errors().toString());

        // the weights are in the dataset: they sum to the population and their Kish deff matches the report
        QueryResult q = project.query("SELECT sum(w_pop), count(*) * sum(w_pop * w_pop) / (sum(w_pop) * sum(w_pop)),"
                + " sum(w_pop) FILTER (WHERE ward = 14131) FROM \"" + SURVEY + "\"", 1, Cancellation.none());
        assertEquals(1_202_106.0, ((Number) q.rows().get(0)[0]).doubleValue(), 1e-3);
        double deff = ((Number) q.rows().get(0)[1]).doubleValue();
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "Kish design effect: %,.4f", deff)), text + " vs " + deff);
        assertTrue(deff > 1.0 && deff < 2.0, "deff " + deff);
        double kawasaki = ((Number) q.rows().get(0)[2]).doubleValue();
        QueryResult target = project.query("SELECT sum(population) FROM \"" + POPULATION + "\" WHERE ward = 14131", 1,
                Cancellation.none());
        assertEquals(((Number) target.rows().get(0)[0]).doubleValue(), kawasaki, 1e-4);

        // the cross-tab selects the new weight as sampling weight
        ComboBox<String> weight = robot.lookup("#weight").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "w_pop".equals(weight.getValue()));
        assertTrue(robot.lookup("#sampling").queryAs(CheckBox.class).isSelected());
        robot.clickOn(robot.from(root).lookup("#rake-close").queryButton());
        assertFalse(dialog.isShowing());
    }

    @Test
    @SuppressWarnings("unchecked")
    void trimmingBoundsWithoutBaseWeightAreFactorsOfTheMeanWeight(FxRobot robot) throws Exception {
        chooseSurvey(robot);
        robot.clickOn("#rake");
        Stage dialog = window("Weighting (raking) of " + SURVEY);
        javafx.scene.Node root = dialog.getScene().getRoot();
        robot.interact(() -> {
            robot.from(root).lookup("#rake-vars-0").queryAs(ComboBox.class).getEditor().setText("ward");
            robot.from(root).lookup("#rake-trim-lower").queryAs(TextField.class).setText("0.9");
            robot.from(root).lookup("#rake-trim-upper").queryAs(TextField.class).setText("1.1");
            robot.from(root).lookup("#rake-out").queryAs(TextField.class).setText("w_trim");
        });
        robot.clickOn(robot.from(root).lookup("#rake-run").queryButton());
        Label report = robot.from(root).lookup("#rake-report").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !report.getText().isEmpty());
        // mean weight N/n = 1,202,106 / 1,500 = 801.404; the ward factors are 0.951 .. 1.062 of it (sample vs population shares), inside 0.9 .. 1.1
        double mean = 1_202_106.0 / 1500;
        QueryResult q = project.query("SELECT min(w_trim), max(w_trim), sum(w_trim) FROM \"" + SURVEY + "\"", 1,
                Cancellation.none());
        double min = ((Number) q.rows().get(0)[0]).doubleValue();
        double max = ((Number) q.rows().get(0)[1]).doubleValue();
        assertTrue(min >= 0.9 * mean - 1e-6 && max <= 1.1 * mean + 1e-6, min + " .. " + max);
        assertTrue(report.getText().startsWith("Converged: yes"), report.getText());
        assertEquals(1_202_106.0, ((Number) q.rows().get(0)[2]).doubleValue(), 1e-3);
        robot.clickOn(robot.from(root).lookup("#rake-close").queryButton());
    }

    @Test
    @SuppressWarnings("unchecked")
    void unreachableMarginReportsTheCategoryAndLeavesTheDatasetUnchanged(FxRobot robot) throws Exception {
        chooseSurvey(robot);
        robot.clickOn("#rake");
        Stage dialog = window("Weighting (raking) of " + SURVEY);
        javafx.scene.Node root = dialog.getScene().getRoot();
        robot.interact(() -> {
            robot.from(root).lookup("#rake-vars-0").queryAs(ComboBox.class).getEditor().setText("sex");
            robot.from(root).lookup("#rake-out").queryAs(TextField.class).setText("w_sex");
        });
        robot.clickOn(robot.from(root).lookup("#rake-run").queryButton());
        Label status = robot.from(root).lookup("#rake-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Raking failed"));
        // the 7 respondents answering その他 (code 3) have no population target: named by its label, with a suggestion
        assertTrue(status.getText().contains("sex = その他 (3) has respondents but no population target"), status.getText());
        assertTrue(status.getText().contains("Collapse this category"), status.getText());
        // worded by the dialog's bundle (Japanese in a Japanese UI), pointing at the dialog's own check box
        assertTrue(status.getText().contains("tick \"Leave out respondents in a category without a population target\""),
                status.getText());
        assertFalse(project.catalog().get(SURVEY).columnNames().contains("w_sex"));
        robot.clickOn(robot.from(root).lookup("#rake-close").queryButton());
    }
}
