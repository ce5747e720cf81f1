package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.export.DisplayWidth;
import jp.ebpm.analysis.kpi.KpiStore;
import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.Project;

/**
 * Issue 11 "The command line": one-line "did you mean" errors for typos (on stderr, nothing on stdout), the sample
 * project built by a command, the catalog aligned with CJK names, {@code kpi set} then {@code report kpi} on the
 * register stored in the project, {@code report build} item titles and author/organisation; success on stdout.
 */
class ClerkCommandsTest {

    @TempDir
    static Path dir;
    static Path project;

    @BeforeAll
    static void sample() {
        project = dir.resolve("sample");
        CliTestSupport.Result r = CliTestSupport.run("sample", "project", "--out", project.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("built the sample project in "), r.out());
        assertEquals("", r.err());
    }

    @Test
    void typosGetOneLineWithASuggestionAndNoSql() {
        CliTestSupport.Result col = CliTestSupport.run("crosstab", "--project", project.toString(), "--dataset", "市民アンケート2018",
                "--rows", "q55", "--cols", "ward");
        assertEquals(1, col.exitCode());
        assertEquals("error: column q55 not found in 市民アンケート2018; did you mean q5?", col.err().strip());
        assertEquals("", col.out());
        CliTestSupport.Result ds = CliTestSupport.run("crosstab", "--project", project.toString(), "--dataset", "市民アンケート2019",
                "--rows", "q5", "--cols", "ward");
        assertEquals("error: no dataset 市民アンケート2019 in this project; did you mean 市民アンケート2018?", ds.err().strip());
        CliTestSupport.Result rake = CliTestSupport.run("rake", "--project", project.toString(), "--dataset", "市民アンケート2018",
                "--margins", "wrad=@川崎市人口_区性年代", "--out-weight", "w");
        assertEquals("error: column wrad not found in 市民アンケート2018; did you mean ward?", rake.err().strip());
        CliTestSupport.Result layer = CliTestSupport.run("map", "render", "--project", project.toString(), "--layer", "kawasaki_ward",
                "--out", dir.resolve("m.png").toString());
        assertEquals("error: no dataset kawasaki_ward in this project; did you mean kawasaki_wards?", layer.err().strip());
        assertFalse(col.err().contains("SELECT") || col.err().contains("Binder Error"));
    }

    @Test
    void catalogColumnsLineUpWithJapaneseNames() {
        CliTestSupport.Result r = CliTestSupport.run("catalog", "--project", project.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        int kindAt = DisplayWidth.of(lines.get(0).substring(0, lines.get(0).indexOf("kind")));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("  +");
            // the kind starts in the same display column on every line, whatever the name's width
            int pos = DisplayWidth.of(line.substring(0, line.indexOf(cells[1], cells[0].length())));
            assertEquals(kindAt, pos, line);
        }
        assertTrue(r.out().contains("市民アンケート2018"));
    }

    @Test
    void kpiSetThenReportTheRegisterStoredInTheProject() throws IOException {
        CliTestSupport.Result set = CliTestSupport.run("kpi", "set", "--project", project.toString(), "--kpi", "K06",
                "--fiscal-year", "令和3", "--value", "172000");
        assertEquals(0, set.exitCode(), set.err());
        assertTrue(set.out().startsWith("set K06 "), set.out());
        try (Project p = Project.open(project)) {
            assertEquals(172000.0, KpiStore.load(p, "KPI登録簿").find("K06").orElseThrow().actual(2021).getAsDouble(), 0);
        }
        CliTestSupport.Result typo = CliTestSupport.run("kpi", "set", "--project", project.toString(), "--kpi", "K6",
                "--fiscal-year", "令和3", "--value", "1");
        assertEquals("error: no KPI K6 in KPI登録簿; did you mean K06?", typo.err().strip());
        Path out = dir.resolve("kpi.xlsx");
        CliTestSupport.Result rep = CliTestSupport.run("report", "kpi", "--project", project.toString(), "--dataset", "KPI登録簿",
                "--fiscal-year", "令和3", "--out", out.toString());
        assertEquals(0, rep.exitCode(), rep.err());
        assertEquals("wrote " + out, rep.out().strip());
        String all = text(out);
        assertTrue(all.contains("KPI進捗状況報告"));
        assertTrue(all.contains("172000") || all.contains("172,000"), "the stored actual is reported");
        assertTrue(all.contains("KPI登録簿"), "the dataset on the sources sheet");
    }

    @Test
    void reportBuildHonoursItemTitlesAndAuthor() throws IOException {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"title": "月次報告", "items": [
                  {"type": "crosstab", "title": "満足度（区別）", "dataset": "市民アンケート2018", "rows": "q5", "cols": "ward"},
                  {"type": "crosstab", "dataset": "市民アンケート2018", "rows": "sex", "cols": "ward"},
                  {"type": "kpi", "title": "KPIの状況", "dataset": "KPI登録簿"}]}
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("build.xlsx");
        CliTestSupport.Result r = CliTestSupport.run("report", "build", "--project", project.toString(), "--spec", spec.toString(),
                "--out", out.toString(), "--author", "担当 花子", "--organization", "川崎市 総務企画局");
        assertEquals(0, r.exitCode(), r.err());
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            List<String> sheets = new java.util.ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertTrue(sheets.contains("満足度（区別）"), sheets.toString());
            assertTrue(sheets.contains("性別 × お住まいの区"), "an untitled crosstab is named by its question texts: " + sheets);
            assertTrue(sheets.contains("KPIの状況") && sheets.contains("KPIの状況 グラフ"), sheets.toString());
        }
        String all = text(out);
        assertTrue(all.contains("担当 花子") && all.contains("川崎市 総務企画局"), "author and organisation on the cover");
    }

    private static String text(Path xlsx) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> sb.append(cell).append('\n'))));
        }
        return sb.toString();
    }
}
