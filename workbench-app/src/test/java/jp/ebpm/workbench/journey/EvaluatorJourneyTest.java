package jp.ebpm.workbench.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import jp.ebpm.analysis.kpi.KpiStore;
import jp.ebpm.workbench.cli.CliTestSupport;
import jp.ebpm.workbench.export.TestWorkbooks;

/**
 * Journey 3, evaluator (issue 15), in the real main window on a fresh copy of the sample project: the KPI tab opens the
 * project's register at FY2021 (令和3年度); FY2021 actuals are entered for five KPIs and each status and grade changes
 * as docs/kpi.md defines them (worked by hand below); the register is saved and the KPI report exported: one native
 * (XDDF) line chart per KPI, and the same summary as {@code workbench report kpi} on the saved register.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class EvaluatorJourneyTest {

    @TempDir
    Path temp;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** An actual to enter and the status, grade and progress rate docs/kpi.md gives for it. */
    record Entry(String id, String typed, String statusBefore, String gradeBefore, String status, String grade, String progress) {
    }

    /*
     * Hand calculations (docs/kpi.md "Directions", "Cumulative KPIs", "Status", "Grading table"; FY2021 is every KPI's
     * target year, so the straight line equals the target and an unmet KPI is "behind"):
     * K06 increase, baseline 112,671 (FY2017), target 179,000: no FY2021 actual = no data "-"; 170,000 →
     *     (170000 − 112671) / (179000 − 112671) = 57329 / 66329 = 86.4 % → behind, A (≥ 80 %).
     * K03 increase, cumulative entered yearly (単年度値), baseline 0, target 5: increments 1, 1, 0 and FY2021 2 → running
     *     total 4 = 80.0 % behind A; FY2021 3 → total 5 ≥ 5 → achieved, S (100 %).
     * K09 maintain at least 16: 15 → min(15/16, 1) = 93.8 % behind A; 16 → achieved, S (100 %).
     * K07 increase, baseline 273,000, target 382,000: 330,000 = 52.3 % behind B; 360,000 → 87000 / 109000 = 79.8 % →
     *     behind, B (just under the 80 % band).
     * K12 do not exceed 105 (億円): 104.1 achieved S; 106 → not achieved, progress target / actual = 105 / 106 = 99.1 %
     *     → behind, A.
     */
    static final List<Entry> ENTRIES = List.of(
            new Entry("K06", "170,000", "No data", "-", "Behind", "A", "86.4%"),
            new Entry("K03", "3", "Behind", "A", "Achieved", "S", "100.0%"),
            new Entry("K09", "16", "Behind", "A", "Achieved", "S", "100.0%"),
            new Entry("K07", "360000", "Behind", "B", "Behind", "B", "79.8%"),
            new Entry("K12", "106", "Achieved", "S", "Behind", "A", "99.1%"));

    @Test
    @SuppressWarnings("unchecked")
    void enterActualsThenStatusesGradesAndReportChange(FxRobot robot) throws Exception {
        JourneyWindow w = JourneyWindow.open(robot, stage, temp);
        w.tab("feature-kpi");
        TableView<Object> table = robot.lookup("#kpiTable").queryAs(TableView.class);
        JourneyWindow.waitFor(30, () -> table.getItems().size() == 14);
        ComboBox<Integer> year = robot.lookup("#yearSelect").queryAs(ComboBox.class);
        assertEquals(2021, year.getValue(), "the latest year with actuals");
        int statusCol = column(table, "Status");
        int gradeCol = column(table, "Grade");
        int progressCol = column(table, "Progress");

        for (Entry e : ENTRIES) {
            int row = row(table, e.id());
            assertEquals(e.statusBefore(), cell(table, statusCol, row), e.id() + " before");
            assertEquals(e.gradeBefore(), cell(table, gradeCol, row), e.id() + " before");
            robot.clickOn(robot.lookup("#kpiTable .table-row-cell").match((javafx.scene.control.TableRow<Object> r) ->
                    r.getIndex() == row).queryAs(javafx.scene.control.TableRow.class));
            JourneyWindow.waitFor(10, () -> table.getSelectionModel().getSelectedIndex() == row);
            TextField actual = robot.lookup("#actualField").queryAs(TextField.class);
            robot.clickOn(actual).eraseText(actual.getText().length()).write(e.typed());
            w.click("#setActual");
            int after = row(table, e.id());
            JourneyWindow.waitFor(10, () -> e.status().equals(cell(table, statusCol, after)));
            assertEquals(e.grade(), cell(table, gradeCol, after), e.id());
            assertEquals(e.progress(), cell(table, progressCol, after), e.id());
        }
        w.click("#kpiSave");
        JourneyWindow.waitFor(20, () -> KpiStore.load(w.project(), "KPI登録簿").find("K06").orElseThrow().actual(2021).isPresent());

        Path report = temp.resolve("kpi-report.xlsx");
        w.dialogs.answer(report);
        w.click("#kpiExport");
        JourneyWindow.waitFor(30, () -> Files.exists(report));
        assertEquals("KPI登録簿_令和3(2021)年度.xlsx", w.dialogs.asked().get(w.dialogs.asked().size() - 1).suggestedName());

        // the same report from the command line on the saved register
        Path cliReport = temp.resolve("kpi-report-cli.xlsx");
        CliTestSupport.Result r = CliTestSupport.run("report", "kpi", "--project", w.projectDir.toString(), "--fiscal-year", "2021",
                "--out", cliReport.toString());
        assertEquals(0, r.exitCode(), r.err());

        try (Workbook app = TestWorkbooks.open(report); Workbook cli = TestWorkbooks.open(cliReport)) {
            Map<String, List<String>> summary = summary(app.getSheet("KPI一覧"));
            assertEquals(14, summary.size());
            Map<String, String[]> expected = Map.of("K06", new String[] {"遅れ", "A"}, "K03", new String[] {"達成", "S"},
                    "K09", new String[] {"達成", "S"}, "K07", new String[] {"遅れ", "B"}, "K12", new String[] {"遅れ", "A"});
            for (var e : expected.entrySet()) {
                List<String> row = summary.get(e.getKey());
                assertEquals(List.of(e.getValue()[0], e.getValue()[1]), row.subList(row.size() - 2, row.size()), e.getKey());
            }
            assertEquals(summary, summary(cli.getSheet("KPI一覧")), "the tab's report = workbench report kpi");
            // one native line chart per KPI, titled with its name
            List<String> titles = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Sheet s : app) {
                XSSFSheet xs = (XSSFSheet) s;
                if (xs.getDrawingPatriarch() != null) {
                    for (XSSFChart c : xs.getDrawingPatriarch().getCharts()) {
                        assertTrue(c.getCTChart().getPlotArea().sizeOfLineChartArray() == 1, "a line chart");
                        titles.add(c.getTitleText().getString());
                    }
                }
            }
            assertEquals(14, titles.size(), titles.toString());
            for (List<String> row : summary.values()) {
                String name = row.get(1);
                assertEquals(1, titles.stream().filter(t -> t.contains(name)).count(), "one chart for " + name + ": " + titles);
            }
        }
        assertTrue(JourneyWindow.dialogTexts().isEmpty(), JourneyWindow.dialogTexts().toString());
        w.close();
    }

    /** The KPI summary sheet: id → the other cells as text (evaluation columns: … status, grade last). */
    private static Map<String, List<String>> summary(Sheet s) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Row row : s) {
            if (row.getRowNum() < 3 || row.getCell(0) == null || !row.getCell(0).toString().matches("K\\d\\d")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 1; c <= 13; c++) {
                cells.add(row.getCell(c) == null ? "" : row.getCell(c).toString());
            }
            out.put(row.getCell(0).toString(), cells);
        }
        return out;
    }

    private static int column(TableView<Object> t, String title) {
        for (int i = 0; i < t.getColumns().size(); i++) {
            if (t.getColumns().get(i).getText().equals(title)) {
                return i;
            }
        }
        throw new AssertionError("no column " + title);
    }

    private static int row(TableView<Object> t, String id) {
        for (int i = 0; i < t.getItems().size(); i++) {
            if (id.equals(cell(t, 0, i))) {
                return i;
            }
        }
        throw new AssertionError("no KPI " + id);
    }

    private static String cell(TableView<Object> t, int col, int row) {
        Object v = t.getColumns().get(col).getCellData(row);
        return v == null ? "" : v.toString();
    }
}
