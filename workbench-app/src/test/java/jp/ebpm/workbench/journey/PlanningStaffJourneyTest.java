package jp.ebpm.workbench.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.ebpm.analysis.io.TextEncoding;
import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.CodebookIo;
import jp.ebpm.analysis.survey.ProjectCodebooks;
import jp.ebpm.workbench.cli.CliTestSupport;
import jp.ebpm.workbench.export.TestWorkbooks;

/**
 * Journey 1, planning staff (issue 15), in the real main window on a fresh copy of the sample project: import a CP932
 * survey CSV (File &gt; Import), attach its CP932 codebook (Cross-tab &gt; Codebook… &gt; Import), rake it to ward and
 * sex × age group (the 7 respondents whose sex the population lacks are left out), tabulate the Likert item q4a by age
 * group with the raked weight, and export table and chart to .xlsx. The ▲/▼ markers, letters and the Rao–Scott F on
 * screen and in the workbook are those of {@code workbench crosstab} on the same project (F to 1e-9); the workbook
 * carries the question text, the chart and the survey file with its SHA-256 on the sources sheet.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PlanningStaffJourneyTest {

    static final String NAME = "市民アンケート_cp932";
    /** Cell text "count (col %) marker letters", e.g. "32,190 (18.1%) ▼ BC". */
    static final Pattern CELL = Pattern.compile("^([\\d,.]+) \\(([\\d.]+)%\\)( [▲▼])?( [A-Z]+)?$");

    @TempDir
    Path temp;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /**
     * The CP932 copy of the sample survey as a city's survey system exports it: Windows-31J, CRLF, the respondents of
     * sample-data plus the ward's name (区名, the codebook's label of the ward code) so that the file holds Japanese text;
     * and the sample codebook in CP932 too (its labels hold 18～19歳 with a full-width tilde, which Shift_JIS decoders
     * read as a wave dash).
     */
    static void writeCp932Copies(Path csv, Path codebook) throws Exception {
        Path survey = SampleProject.locateSampleData().orElseThrow().resolve("survey");
        Codebook cb = CodebookIo.read(survey.resolve("codebook.csv"));
        Codebook.Variable ward = cb.variable("ward").orElseThrow();
        List<String> lines = Files.readAllLines(survey.resolve("respondents.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int wardAt = header.indexOf("ward");
        try (BufferedWriter out = Files.newBufferedWriter(csv, TextEncoding.CP932.charset())) {
            out.write(lines.get(0) + ",区名\r\n");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                out.write(line + "," + ward.value(f[wardAt]).orElseThrow().labelJa() + "\r\n");
            }
        }
        Files.writeString(codebook, Files.readString(survey.resolve("codebook.csv"), StandardCharsets.UTF_8),
                TextEncoding.CP932.charset());
    }

    @Test
    @SuppressWarnings("unchecked")
    void importRakeTabulateAndExportTableAndChart(FxRobot robot) throws Exception {
        JourneyWindow w = JourneyWindow.open(robot, stage, temp);
        Path csv = temp.resolve(NAME + ".csv");
        Path codebookFile = temp.resolve("codebook_cp932.csv");
        writeCp932Copies(csv, codebookFile);

        // 1. File > Import...: the wizard detects CP932 and shows the ward names decoded
        DialogPane wizard = w.openImportWizard(csv);
        Label detected = robot.from(wizard).lookup("#importDetected").queryAs(Label.class);
        assertTrue(detected.getText().toLowerCase(java.util.Locale.ROOT).contains("cp932")
                || detected.getText().toLowerCase(java.util.Locale.ROOT).contains("windows-31j"), detected.getText());
        w.finishImport(wizard, NAME, DatasetKind.SURVEY);
        DatasetInfo imported = w.project().catalog().get(NAME);
        assertEquals(1500, imported.rowCount());
        assertEquals(DatasetKind.SURVEY, imported.kind());
        assertEquals(sha256(csv), imported.sourceSha256());
        var names = w.project().query("SELECT DISTINCT \"区名\" FROM \"" + NAME + "\" ORDER BY 1", 10,
                jp.ebpm.analysis.task.Cancellation.none()).rows().stream().map(r -> (String) r[0]).toList();
        assertEquals(List.of("中原区", "多摩区", "宮前区", "川崎区", "幸区", "高津区", "麻生区"), names);

        // 2. Cross-tab: the new survey is offered at once; its CP932 codebook is imported and stored
        w.tab("feature-survey");
        w.chooseSurvey(NAME);
        Stage editor = w.importCodebook(codebookFile);
        w.click(editor, "#codebook-save");
        JourneyWindow.waitFor(20, () -> !editor.isShowing());
        Codebook stored = ProjectCodebooks.load(w.project(), NAME).orElseThrow();
        assertEquals("18～19歳", stored.variable("age_group").orElseThrow().value("1").orElseThrow().labelJa(),
                "CP932 decoded: full-width tilde U+FF5E, not the wave dash");

        // 3. Weighting: ward and sex × age group against the population table; その他 has no target
        Stage rake = w.openRaking("w_rake");
        Node r = rake.getScene().getRoot();
        assertEquals(JourneyWindow.POPULATION, robot.from(r).lookup("#rake-source-1").queryAs(ComboBox.class).getValue());
        w.click(rake, "#rake-run");
        // the window shows the error (and the dialog keeps it in its status line once it is read)
        JourneyWindow.waitFor(30, () -> !JourneyWindow.dialogTexts().isEmpty());
        assertTrue(JourneyWindow.dialogTexts().get(0).contains("has respondents but no population target"),
                JourneyWindow.dialogTexts().toString());
        robot.clickOn("OK");
        Label rakeStatus = robot.from(r).lookup("#rake-status").queryAs(Label.class);
        JourneyWindow.waitFor(30, () -> rakeStatus.getText().startsWith("Raking failed"));
        assertTrue(rakeStatus.getText().contains("sex×age_group = その他 (3)×"), rakeStatus.getText());
        // the message names the way out: leave them out (their weight stays empty)
        Label report = w.rakeLeavingOut(rake);
        assertTrue(report.getText().startsWith("Converged: yes"), report.getText());
        assertTrue(report.getText().contains("Respondents: 1,493"), report.getText());
        // the population aged 18-79 of the seven wards (sum of population.csv)
        assertTrue(report.getText().contains("sum of weights: 1,202,106.0"), report.getText());
        assertTrue(report.getText().contains("Left out (no population target, empty weight): 7 respondents, sex×age_group: "
                + "その他×20～29歳 1, その他×30～39歳 3, その他×40～49歳 1, その他×50～59歳 1, その他×60～69歳 1"), report.getText());
        w.click(rake, "#rake-close");
        ComboBox<String> weight = robot.lookup("#weight").queryAs(ComboBox.class);
        JourneyWindow.waitFor(10, () -> "w_rake".equals(weight.getValue()));
        assertTrue(robot.lookup("#sampling").queryAs(CheckBox.class).isSelected(), "the raked weight is a sampling weight");

        // 4. The Likert item q4a by age group with the raked weight: 4 scale points, Top-2, Bottom-2, base
        TableView<List<String>> table = w.tabulate("q4a", "age_group", 4 + 2 + 1);
        Label stats = robot.lookup("#stats").queryAs(Label.class);
        assertEquals("18～19歳 (A)", table.getColumns().get(1).getText().replaceAll(" \\[.*", ""));

        // the same table from the command line, on the same project
        CliTestSupport.Result cli = CliTestSupport.run("crosstab", "--project", w.projectDir.toString(), "--dataset", NAME,
                "--rows", "q4a", "--cols", "age_group", "--survey-weight", "w_rake");
        assertEquals(0, cli.exitCode(), cli.err());
        JsonNode j = new ObjectMapper().readTree(cli.out());
        assertEquals("[\"ward\",\"sex+age_group\"]", j.get("raked_on").toString());
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < 4; i++) {
            for (int c = 0; c < 7; c++) {
                String cell = table.getItems().get(i).get(c + 1);
                Matcher m = CELL.matcher(cell);
                assertTrue(m.matches(), "cell " + i + "," + c + ": " + cell);
                String marker = m.group(3) == null ? "" : m.group(3).strip();
                String letters = m.group(4) == null ? "" : m.group(4).strip();
                assertEquals(j.get("markers").get(i).get(c).asText(), marker, "marker of " + i + "," + c);
                assertEquals(j.get("letters").get(i).get(c).asText(), letters, "letters of " + i + "," + c);
                assertEquals(String.format(java.util.Locale.ROOT, "%.1f", j.get("col_pct").get(i).get(c).asDouble()), m.group(2));
                seen.add(marker);
                seen.add(letters.isEmpty() ? "" : "letters");
            }
        }
        assertTrue(seen.contains("▲") || seen.contains("▼"), "the table shows residual markers: " + table.getItems());
        assertTrue(seen.contains("letters"), "the table shows column letters: " + table.getItems());
        // Top-2 / Bottom-2 of the codebook scale with their letters
        JsonNode nets = j.get("nets");
        assertEquals(2, nets.size());
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 7; c++) {
                String cell = table.getItems().get(4 + n).get(c + 1);
                String letters = nets.get(n).get("letters").get(c).asText();
                assertTrue(letters.isEmpty() ? cell.endsWith("%)") : cell.endsWith(" " + letters), "NET " + n + "," + c + ": " + cell);
            }
        }
        double f = j.get("rao_scott").get("f").asDouble();
        // and both are R's: svychisq(~q4a+age_group, rake(subset(design, sex != 3), ...), statistic = "F"), R 4.2.2 /
        // survey 4.1.1 (analysis-lib test vector survey/rake-leave-out/expected.json)
        assertEquals(1.1900213929735033, f, 1e-8 * f, "Rao-Scott F against R");
        assertTrue(stats.getText().contains("Rao-Scott F = " + String.format(java.util.Locale.ROOT, "%.4f", f)), stats.getText());

        // 5. Chart on, export table and chart to .xlsx through the save dialog
        w.click("#chartToggle");
        Path xlsx = temp.resolve("q4a×age_group.xlsx");
        w.dialogs.answer(xlsx);
        w.click("#export");
        JourneyWindow.waitFor(30, () -> Files.exists(xlsx));
        assertTrue(w.dialogs.asked().get(w.dialogs.asked().size() - 1).suggestedName().startsWith(NAME + "_q4a×age_group"),
                w.dialogs.asked().toString());
        String question = stored.variable("q4a").orElseThrow().question();
        try (Workbook wb = TestWorkbooks.open(xlsx)) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertEquals(List.of("表紙", "表", "グラフ", "cells", "statistics", "出典・注記"), sheets);
            Sheet t = wb.getSheet("表");
            assertTrue(t.getRow(0).getCell(0).getStringCellValue().contains(question), t.getRow(0).getCell(0).getStringCellValue());
            assertEquals(question, t.getRow(2).getCell(0).getStringCellValue());
            for (int i = 0; i < 4; i++) {
                Row row = t.getRow(3 + i);
                assertEquals(j.get("row_labels").get(i).asText(), row.getCell(0).getStringCellValue());
                for (int c = 0; c < 7; c++) {
                    assertEquals(j.get("counts").get(i).get(c).asDouble(), row.getCell(1 + 2 * c).getNumericCellValue(), 1e-6);
                    Cell pct = row.getCell(2 + 2 * c);
                    assertEquals(j.get("col_pct").get(i).get(c).asDouble() / 100, pct.getNumericCellValue(), 1e-12);
                    String suffix = j.get("markers").get(i).get(c).asText() + j.get("letters").get(i).get(c).asText();
                    if (!suffix.isEmpty()) {
                        assertTrue(pct.getCellStyle().getDataFormatString().contains(suffix), pct.getCellStyle().getDataFormatString());
                    }
                }
            }
            Map<String, Double> statistics = new java.util.HashMap<>();
            for (Row row : wb.getSheet("statistics")) {
                if (row.getCell(1) != null && row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    statistics.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                }
            }
            assertEquals(f, statistics.get("Rao-Scott F"), 1e-9 * f, "Rao-Scott F of the workbook = workbench crosstab");
            assertEquals(j.get("rao_scott").get("ddf").asDouble(), statistics.get("Rao-Scott ddf"), 1e-9 * statistics.get("Rao-Scott ddf"));
            XSSFSheet chart = (XSSFSheet) wb.getSheet("グラフ");
            // the chart on screen, titled in the UI's language (English here) with the codebook's question
            String en = stored.variable("q4a").orElseThrow().questionEn();
            assertTrue(chart.getRow(0).getCell(0).getStringCellValue().contains(en), chart.getRow(0).getCell(0).getStringCellValue());
            assertEquals(1, chart.getDrawingPatriarch().getShapes().stream().filter(s -> s instanceof XSSFPicture).count());
            String sources = text(wb.getSheet("出典・注記"));
            assertTrue(sources.contains(NAME + ".csv"), sources);
            assertTrue(sources.contains(sha256(csv)), "the survey file's SHA-256 on the sources sheet: " + sources);
            assertTrue(sources.contains("w_rake") && sources.contains("ward, sex+age_group"), sources);
        }
        assertTrue(JourneyWindow.dialogTexts().isEmpty(), JourneyWindow.dialogTexts().toString());
        assertFalse(Files.exists(temp.resolve(NAME + ".csv.tmp")));
        w.close();
    }

    private static String text(Sheet s) {
        StringBuilder b = new StringBuilder();
        for (Row row : s) {
            for (Cell c : row) {
                b.append(c.toString()).append('\t');
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
