package jp.ebpm.workbench.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
    TestAppContext context;
    CrossTabView view;

    @Start
    void start(Stage stage) {
        if (project == null) {
            SurveySampleGenerator.writeTo(dir.resolve("s"));
            project = Project.create(dir.resolve("p"));
            project.inTransaction(c -> {
                CsvTable.load(c, dir.resolve("s/respondents.csv"), StandardCharsets.UTF_8, "survey2018");
                project.catalog().register(c, new DatasetInfo("survey2018", DatasetKind.SURVEY, "respondents.csv", null,
                        java.time.Instant.now(), Catalog.countRows(c, "survey2018"), Catalog.describe(c, "survey2018"), "UTF-8",
                        "CC0", Sensitivity.INTERNAL, "synthetic", Map.of()));
                return null;
            });
        }
        context = new TestAppContext(project);
        view = new CrossTabView(context);
        stage.setScene(new Scene(view.root(), 1200, 760));
        stage.show();
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @SuppressWarnings("unchecked")
    private void chooseDataset(FxRobot robot) throws Exception {
        ComboBox<String> dataset = robot.lookup("#dataset").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dataset.getItems().isEmpty());
        // the first survey dataset is listed first and preselected
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "survey2018".equals(dataset.getValue()));
        assertEquals("survey2018", dataset.getItems().get(0));
        robot.interact(() -> dataset.getSelectionModel().select("survey2018"));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> box(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<List<String>> table(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TableView.class);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tabulatesAgeBySexAndCopiesTsv(FxRobot robot) throws Exception {
        chooseDataset(robot);
        robot.interact(() -> {
            box(robot, "rows").getSelectionModel().select("age_group");
            box(robot, "cols").getSelectionModel().select("sex");
        });
        robot.clickOn("#run");
        TableView<List<String>> table = table(robot, "result");
        waitFor(() -> table.getItems().size() == 8);
        // published age × sex table: 18～19歳 男性 10 (1.3 %), 女性 14
        assertTrue(table.getItems().get(0).get(1).startsWith("10 (1.3%)"), table.getItems().get(0).toString());
        assertTrue(table.getItems().get(0).get(2).startsWith("14 (1.9%)"), table.getItems().get(0).toString());
        // base row: 774, 719, 7, total 1,500
        assertEquals(List.of("Base n", "774", "719", "7", "1,500"), table.getItems().get(7));
        assertEquals(0, context.errors().size(), context.errors().toString());
        // no layer: the selector offers only the overall table
        assertTrue(box(robot, "layerSelect").isDisabled());
        String stats = robot.lookup("#stats").queryAs(Label.class).getText();
        assertTrue(stats.contains("Likelihood ratio G² = "), stats);
        assertTrue(stats.contains("contingency coefficient = "), stats);
        assertTrue(stats.contains("Column base n: A 1 = 774, B 2 = 719, C 3 = 7"), stats);
        assertTrue(stats.contains("Small base: column 3 has n = 7"), stats);
        robot.clickOn("#copy");
        WaitForAsyncUtils.waitForFxEvents();
        String[] tsv = new String[1];
        robot.interact(() -> tsv[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        // no codebook in the UI run: raw codes as labels, with column letters
        assertTrue(tsv[0].startsWith("Category\t1 (A)\t2 (B)\t3 (C)\tTotal"), tsv[0]);
        assertEquals(9, tsv[0].split("\r\n").length);
    }

    @Test
    void variablesAreAssignedByDropMenuAndDoubleClickLogic(FxRobot robot) throws Exception {
        chooseDataset(robot);
        VariableList list = view.variableList();
        waitFor(() -> list.node().getItems().contains("q4a"));
        robot.interact(() -> view.useCodebook(SurveySampleGenerator.codebook()));
        assertTrue(list.question("q4a").startsWith("データ活用が進むことで生活が便利になる"));
        ComboBox<String> rows = box(robot, "rows");
        ComboBox<String> cols = box(robot, "cols");
        ComboBox<String> layer = box(robot, "layer");
        ComboBox<String> weight = box(robot, "weight");
        boolean[] ok = new boolean[4];
        robot.interact(() -> {
            ok[0] = VariableList.drop(rows, "q4a");
            ok[1] = VariableList.drop(layer, "ward");
            ok[2] = VariableList.drop(weight, "no_such_column");
            ok[3] = list.assignDefault("sex");
        });
        assertTrue(ok[0]);
        assertTrue(ok[1]);
        assertFalse(ok[2]);
        assertTrue(ok[3]);
        assertEquals("q4a", rows.getValue());
        assertEquals("sex", cols.getValue());
        assertEquals("ward", layer.getValue());
        assertEquals("(none)", weight.getValue());
        // the rows' codebook scale gives top-2 / bottom-2 NET rows; q5's missing code 99 stays out
        assertEquals(List.of("1", "2", "3", "4"), view.rowScale());
        robot.interact(() -> view.netEditor().addBoxes(view.rowScale()));
        assertEquals(List.of("Top-2 = 1,2", "Bottom-2 = 3,4"), view.netEditor().nets().stream().map(NetEditor::format).toList());
        robot.interact(() -> VariableList.drop(rows, "q5"));
        assertEquals(List.of("5", "4", "3", "2", "1"), view.rowScale());
        robot.interact(() -> VariableList.drop(rows, "ward"));
        boolean[] added = new boolean[1];
        robot.interact(() -> added[0] = view.netEditor().addBoxes(List.of("1", "2")));
        assertFalse(added[0]);
        // the variable list is a drag source and the boxes' areas are drop targets
        assertTrue(list.node().getCellFactory() != null);
        assertTrue(((javafx.scene.Node) rows.getParent()).getOnDragDropped() != null);
        assertTrue(((javafx.scene.Node) weight.getParent()).getOnDragDropped() != null);
    }

    @Test
    void layerTablesNetRowsOptionsAndChart(FxRobot robot) throws Exception {
        chooseDataset(robot);
        robot.interact(() -> {
            view.useCodebook(SurveySampleGenerator.codebook());
            box(robot, "rows").getSelectionModel().select("age_group");
            box(robot, "cols").getSelectionModel().select("sex");
            box(robot, "layer").getSelectionModel().select("ward");
            view.netEditor().add(view.netEditor().parse("20～39歳", "2, 3"));
        });
        robot.clickOn("#run");
        TableView<List<String>> table = table(robot, "result");
        ComboBox<String> layerSelect = box(robot, "layerSelect");
        waitFor(() -> layerSelect.getItems().size() == 8 && table.getItems().size() == 9);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, context.errors().size(), context.errors().toString());
        assertEquals("Overall", layerSelect.getItems().get(0));
        assertEquals("ward = 川崎区", layerSelect.getItems().get(1));
        // overall: 7 age groups, the NET row, the base row
        assertEquals(9, table.getItems().size());
        assertTrue(table.getItems().get(7).get(1).startsWith("236 (30.5%)"), table.getItems().get(7).toString());
        assertEquals(CrossTabGrid.Kind.NET, GridTable.rowAt(table, 7).kind());
        assertEquals("NET: 20～39歳", table.getItems().get(7).get(0));
        assertEquals("18～19歳", table.getItems().get(0).get(0));
        // 川崎区: published 237 respondents
        robot.interact(() -> layerSelect.getSelectionModel().select(1));
        assertEquals("237", table.getItems().get(table.getItems().size() - 1).get(4));
        assertEquals("川崎区", view.selectedTable().layer().label());
        String stats = robot.lookup("#stats").queryAs(Label.class).getText();
        assertTrue(stats.contains("(respondents in the table: 237)"), stats);
        // row % instead of column %: 18～19歳 in 川崎区 adds up to 100 across the row
        robot.interact(() -> view.options().setFigures(EnumSet.of(CrossTabGrid.Figure.ROW_PCT)));
        assertTrue(table.getColumns().get(0).getText().startsWith("Category [row %]"), table.getColumns().get(0).getText());
        List<String> first = table.getItems().get(0);
        double sum = 0;
        for (int j = 1; j <= 3; j++) {
            sum += Double.parseDouble(first.get(j).replaceAll("%.*", ""));
        }
        assertEquals(100.0, sum, 0.15);
        // copy copies the shown layer table
        String tsv = view.tsv();
        assertTrue(tsv.contains("\r\nBase n\t"), tsv);
        assertTrue(tsv.endsWith("\t237\r\n"), tsv);
        // age × sex: the pyramid is offered; charts save as PNG and SVG
        CrossTabChart chart = view.chart();
        assertTrue(chart.kindBox().getItems().contains(CrossTabChart.Kind.PYRAMID));
        robot.interact(() -> chart.kindBox().setValue(CrossTabChart.Kind.PYRAMID));
        Path png = dir.resolve("chart.png");
        Path svg = dir.resolve("chart.svg");
        robot.interact(() -> {
            chart.save(png);
            chart.save(svg);
        });
        waitFor(() -> Files.exists(png) && Files.size(png) > 1000 && Files.exists(svg) && Files.readString(svg).contains("</svg>"));
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
        String svgText = Files.readString(svg);
        assertTrue(svgText.contains("<svg"), svgText.substring(0, 100));
        assertTrue(svgText.contains("男性"));
        assertEquals(0, context.errors().size(), context.errors().toString());
    }

    @Test
    void samplingWeightShowsRaoScott(FxRobot robot) throws Exception {
        chooseDataset(robot);
        robot.interact(() -> {
            box(robot, "rows").getSelectionModel().select("q6");
            box(robot, "cols").getSelectionModel().select("sex");
            // a synthetic positive weight: the age in years
            box(robot, "weight").getSelectionModel().select("age");
            robot.lookup("#sampling").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
        });
        robot.clickOn("#run");
        Label stats = robot.lookup("#stats").queryAs(Label.class);
        waitFor(() -> stats.getText().contains("Rao-Scott F = "));
        assertTrue(stats.getText().contains("respondents in the table: 1500"), stats.getText());
        assertEquals(0, context.errors().size(), context.errors().toString());
    }

    @Test
    void multipleResponseByCodebookSetAndPickedColumn(FxRobot robot) throws Exception {
        chooseDataset(robot);
        robot.interact(() -> {
            view.useCodebook(SurveySampleGenerator.codebook());
            robot.lookup("#mode").<ComboBox<CrossTabView.Mode>>query().setValue(CrossTabView.Mode.MULTIPLE_RESPONSE);
        });
        ComboBox<String> set = box(robot, "mrSet");
        assertEquals(List.of("q3", "q3_set", "(picked 0/1 columns)", "(picked column with codes separated by ;)"), set.getItems());
        robot.interact(() -> {
            set.setValue("q3_set");
            box(robot, "mrBanner").setValue("sex");
        });
        robot.clickOn("#run");
        TableView<List<String>> table = table(robot, "mrResult");
        waitFor(() -> table.getItems().size() == 11);
        assertEquals(0, context.errors().size(), context.errors().toString());
        // header: option, then n / % of respondents / % of responses per sex and Total
        assertEquals(1 + 4 * 3, table.getColumns().size());
        assertEquals("Total % of respondents", table.getColumns().get(11).getText());
        List<String> disaster = table.getItems().get(0);
        assertEquals("防災分野の各種情報(避難所の位置情報等)", disaster.get(0));
        // published: 33.3 % of 1,500 respondents chose disaster-prevention data (500)
        assertEquals("500", disaster.get(10));
        assertEquals("33.3%", disaster.get(11));
        assertEquals("1,500", table.getItems().get(9).get(10));
        // % of responses sums to 100 in the Total column
        double sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += Double.parseDouble(table.getItems().get(i).get(12).replace("%", ""));
        }
        assertEquals(100.0, sum, 0.1);
        // the same set from the delimited column q3, picked by hand
        robot.interact(() -> {
            set.setValue("(picked column with codes separated by ;)");
            view.multipleResponse().pickColumns(List.of("q3"));
        });
        robot.clickOn("#run");
        waitFor(() -> table.getItems().size() == 11 && table.getItems().get(0).get(0).equals("防災分野の各種情報(避難所の位置情報等)")
                && !robot.lookup("#mrNote").queryAs(Label.class).getText().startsWith("大学"));
        assertEquals("33.3%", table.getItems().get(0).get(11));
        assertTrue(view.tsv().startsWith("Option\t"), view.tsv());
        assertEquals(0, context.errors().size(), context.errors().toString());
    }

    @Test
    void likertItemsByAgeGroup(FxRobot robot) throws Exception {
        chooseDataset(robot);
        robot.interact(() -> {
            view.useCodebook(SurveySampleGenerator.codebook());
            robot.lookup("#mode").<ComboBox<CrossTabView.Mode>>query().setValue(CrossTabView.Mode.LIKERT);
        });
        LikertView likert = view.likert();
        // the codebook's Likert items are preselected
        assertEquals(List.of("q4a", "q4b", "q5"), List.copyOf(likert.items().getSelectionModel().getSelectedItems()));
        robot.interact(() -> {
            likert.items().getSelectionModel().clearSelection();
            likert.items().getSelectionModel().select("q4a");
            likert.items().getSelectionModel().select("q4b");
            box(robot, "likertBanner").setValue("age_group");
        });
        robot.clickOn("#run");
        TableView<List<String>> table = table(robot, "likertResult");
        // per item: title, 4 scale points, top-2, bottom-2, mean, base
        waitFor(() -> table.getItems().size() == 18);
        assertEquals(0, context.errors().size(), context.errors().toString());
        assertEquals(CrossTabGrid.Kind.TITLE, GridTable.rowAt(table, 0).kind());
        assertTrue(table.getItems().get(0).get(0).startsWith("q4a  データ活用が進むことで"), table.getItems().get(0).get(0));
        assertEquals("Top-2", table.getItems().get(5).get(0));
        // published: q4a agree 18～19歳 17 / 24 = 70.8 %; q4b agree 70～79歳 75 / 112 = 67.0 %
        assertTrue(table.getItems().get(5).get(1).startsWith("70.8%"), table.getItems().get(5).toString());
        assertTrue(table.getItems().get(14).get(7).startsWith("67.0%"), table.getItems().get(14).toString());
        assertEquals("Mean score", table.getItems().get(16).get(0));
        assertEquals("112", table.getItems().get(17).get(7));
        assertTrue(view.tsv().contains("\r\nTop-2\t70.8%"), view.tsv());
    }
}
