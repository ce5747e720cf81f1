package jp.ebpm.workbench.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.CrossTab;
import jp.ebpm.analysis.survey.CrossTabEngine;
import jp.ebpm.analysis.survey.CrossTabResult;
import jp.ebpm.analysis.survey.CrossTabSpec;
import jp.ebpm.analysis.survey.CsvTable;
import jp.ebpm.analysis.survey.WeightKind;
import jp.ebpm.analysis.survey.sample.SurveySampleGenerator;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The display grid on the synthetic sample survey, whose age group × sex table reproduces the published
 * one: 18～19歳 10 / 14 / 0, 20～29歳 68 / 118 / 1, 30～39歳 168 / 135 / 3; column bases 774 / 719 / 7.
 */
class CrossTabGridTest {

    @TempDir
    static Path dir;
    static Project project;

    @BeforeAll
    static void load() {
        SurveySampleGenerator.writeTo(dir.resolve("s"));
        project = Project.create(dir.resolve("p"));
        CsvTable.load(project, dir.resolve("s/respondents.csv"), StandardCharsets.UTF_8, "survey", false);
    }

    @AfterAll
    static void close() {
        project.close();
    }

    private static CrossTabResult run(CrossTabSpec spec) {
        return CrossTabEngine.run(project, spec.withCodebook(SurveySampleGenerator.codebook()), null, Cancellation.none());
    }

    @Test
    void netRowsWithRowPercentFigures() {
        CrossTabSpec spec = CrossTabSpec.of("survey", "age_group", "sex")
                .withOptions(false, 0.05, List.of(new CrossTabSpec.Net("20～39歳", List.of("2", "3"))));
        CrossTab t = run(spec).overall();
        CrossTabGrid.Grid g = CrossTabGrid.grid(t, EnumSet.of(CrossTabGrid.Figure.COUNT, CrossTabGrid.Figure.ROW_PCT,
                CrossTabGrid.Figure.TOTAL_PCT), CrossTabGrid.Labels.english());
        assertEquals(List.of("Category [n (row %, total %)]", "男性 (A)", "女性 (B)", "その他 (C)", "Total"), g.header());
        // 18～19歳 男性: 10 of 24 in the row (41.7 %), 10 of 1,500 (0.7 %)
        assertEquals("10 (41.7%, 0.7%)", g.rows().get(0).cells().get(1));
        assertEquals("14 (58.3%, 0.9%)", g.rows().get(0).cells().get(2));
        assertEquals("24 (1.6%)", g.rows().get(0).cells().get(4));
        // 7 categories, the NET row, the base row
        assertEquals(9, g.rows().size());
        CrossTabGrid.Row net = g.rows().get(7);
        assertEquals(CrossTabGrid.Kind.NET, net.kind());
        assertEquals("NET: 20～39歳", net.cells().get(0));
        // 68 + 168 = 236 of 774 = 30.5 %; 118 + 135 = 253 of 719 = 35.2 %; 1 + 3 = 4 of 7
        assertTrue(net.cells().get(1).startsWith("236 (30.5%)"), net.cells().toString());
        assertTrue(net.cells().get(2).startsWith("253 (35.2%)"), net.cells().toString());
        assertTrue(net.cells().get(3).startsWith("4 (57.1%)"), net.cells().toString());
        assertEquals("493 (32.9%)", net.cells().get(4));
        assertEquals(List.of("Base n", "774", "719", "7", "1,500"), g.rows().get(8).cells());
        assertEquals(CrossTabGrid.Kind.BASE, g.rows().get(8).kind());
        // the Wilson interval of 10 / 774 as a tooltip
        assertEquals("Column %: 95% CI (Wilson) 0.7–2.4%", g.rows().get(0).tips().get(1));
        assertTrue(g.tsv().startsWith("Category [n (row %, total %)]\t男性 (A)\t女性 (B)\tその他 (C)\tTotal\r\n"));
    }

    @Test
    void defaultFiguresAreCountAndColumnPercentWithMarkers() {
        CrossTab t = run(CrossTabSpec.of("survey", "age_group", "sex")).overall();
        CrossTabGrid.Grid g = CrossTabGrid.grid(t, CrossTabGrid.DEFAULT_FIGURES, CrossTabGrid.Labels.english());
        assertEquals("Category", g.header().get(0));
        // 30～39歳: 168 of 774 men (21.7 %) against 135 of 719 women (18.8 %)
        assertTrue(g.rows().get(2).cells().get(1).startsWith("168 (21.7%)"), g.rows().get(2).cells().toString());
        // expected and adjusted residual follow the primary figure
        CrossTabGrid.Grid e = CrossTabGrid.grid(t, EnumSet.of(CrossTabGrid.Figure.EXPECTED, CrossTabGrid.Figure.RESIDUAL),
                CrossTabGrid.Labels.english());
        double expected = 24.0 * 774 / 1500;
        assertTrue(e.rows().get(0).cells().get(1).startsWith(String.format(Locale.ROOT, "%.1f (", expected)),
                e.rows().get(0).cells().get(1));
    }

    @Test
    void missingCodesGetTheirOwnRowOutsideTheBase() {
        CrossTabResult r = run(CrossTabSpec.of("survey", "q5", "sex").withOptions(true, 0.05, List.of()));
        CrossTabGrid.Grid g = CrossTabGrid.grid(r.overall(), CrossTabGrid.DEFAULT_FIGURES, CrossTabGrid.Labels.english());
        List<CrossTabGrid.Row> missing = g.rows().stream().filter(x -> x.kind() == CrossTabGrid.Kind.MISSING).toList();
        assertEquals(1, missing.size());
        assertEquals("無回答", missing.get(0).cells().get(0));
        long nMissing = Long.parseLong(missing.get(0).cells().get(4).replace(",", ""));
        long base = Long.parseLong(g.rows().get(g.rows().size() - 1).cells().get(4).replace(",", ""));
        assertTrue(nMissing > 0);
        assertEquals(1500, nMissing + base);
        assertEquals(r.missingCases(), nMissing, 1e-9);
    }

    @Test
    void statisticsLinesOfALayerTable() {
        CrossTabResult r = run(CrossTabSpec.of("survey", "q6", "sex").withLayer("ward"));
        assertEquals(7, r.layers().size());
        CrossTab kawasaki = r.layers().get(0);
        assertEquals("川崎区", kawasaki.layer().label());
        // published respondents of 川崎区: 237
        assertEquals(237, kawasaki.respondents());
        ResourceBundle en = ResourceBundle.getBundle("jp.ebpm.workbench.i18n.survey", Locale.ENGLISH);
        List<String> lines = CrossTabStats.lines(r, kawasaki, en);
        String all = String.join("\n", lines);
        assertTrue(all.contains("Pearson chi-square = "), all);
        assertTrue(all.contains("Likelihood ratio G² = "), all);
        assertTrue(all.contains("Cramer's V = "), all);
        assertTrue(all.contains("contingency coefficient = "), all);
        assertTrue(all.contains("(respondents in the table: 237)"), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Small base: column その他")), all);
        assertEquals(String.format(Locale.ROOT, "%.4f", kawasaki.tests().pearson().statistic()),
                lines.get(0).replaceAll(".*= ([0-9.]+), df.*", "$1"));
        assertEquals(WeightKind.NONE, r.spec().weightKind());
    }

    @Test
    void twoByTwoShowsSignedPhiAndFisher() throws Exception {
        StringBuilder csv = new StringBuilder("a,b\n");
        int[][] counts = {{8, 2}, {1, 5}};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < counts[i][j]; k++) {
                    csv.append(i + 1).append(',').append(j + 1).append('\n');
                }
            }
        }
        java.nio.file.Files.writeString(dir.resolve("two.csv"), csv);
        CsvTable.load(project, dir.resolve("two.csv"), StandardCharsets.UTF_8, "two", false);
        CrossTabResult r = CrossTabEngine.run(project, CrossTabSpec.of("two", "a", "b"), null, Cancellation.none());
        ResourceBundle en = ResourceBundle.getBundle("jp.ebpm.workbench.i18n.survey", Locale.ENGLISH);
        String all = String.join("\n", CrossTabStats.lines(r, r.overall(), en));
        // (ad − bc) / √(R1 R2 C1 C2) = (40 − 2) / √(10·6·9·7) = 0.6181
        assertTrue(all.contains("phi (2×2, signed) = 0.6181"), all);
        assertTrue(all.contains("Fisher exact p (two-sided) = "), all);
        assertTrue(all.contains("df = 1,"), all);
    }
}
