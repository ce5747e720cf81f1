package jp.ebpm.analysis.survey.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.CodebookIo;
import jp.ebpm.analysis.survey.CrossTab;
import jp.ebpm.analysis.survey.CrossTabEngine;
import jp.ebpm.analysis.survey.CrossTabSpec;
import jp.ebpm.analysis.survey.CsvTable;
import jp.ebpm.analysis.survey.LikertSummary;
import jp.ebpm.analysis.survey.Margin;
import jp.ebpm.analysis.survey.MarginIo;
import jp.ebpm.analysis.survey.MultipleResponse;
import jp.ebpm.analysis.survey.RakeOptions;
import jp.ebpm.analysis.survey.RakeResult;
import jp.ebpm.analysis.survey.Raking;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The synthetic sample survey reproduces the published figures of the 2018 Kawasaki citizen survey
 * (川崎市官民データ活用推進計画, Feb 2019): counts exactly, percentages within 0.1 point.
 */
class SurveySampleIT {

    @TempDir
    static Path dir;
    static Project project;
    static Codebook codebook;

    @BeforeAll
    static void generate() {
        SurveySampleGenerator.writeTo(dir.resolve("out"));
        project = Project.create(dir.resolve("p"));
        try (Connection c = project.connect()) {
            CsvTable.load(c, dir.resolve("out/respondents.csv"), StandardCharsets.UTF_8, "s");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        codebook = CodebookIo.read(dir.resolve("out/codebook.csv"));
    }

    @org.junit.jupiter.api.AfterAll
    static void closeProject() {
        project.close();
    }

    private static CrossTab table(String rows, String cols) {
        return CrossTabEngine.run(project, CrossTabSpec.of("s", rows, cols).withCodebook(codebook), null, Cancellation.none()).overall();
    }

    @Test
    void ageBySexReproducesThePublishedTable() {
        CrossTab t = table("age_group", "sex");
        assertEquals(List.of("18～19歳", "20～29歳", "30～39歳", "40～49歳", "50～59歳", "60～69歳", "70～79歳"),
                t.rows().stream().map(c -> c.label()).toList());
        assertEquals(List.of("男性", "女性", "その他"), t.cols().stream().map(c -> c.label()).toList());
        // published: age group × sex counts of the 2018 survey (kawasaki plan)
        double[][] published = {{10, 14, 0}, {68, 118, 1}, {168, 135, 3}, {219, 156, 1}, {132, 134, 1}, {105, 122, 1}, {72, 40, 0}};
        for (int i = 0; i < published.length; i++) {
            assertArrayEquals(published[i], t.table().counts()[i], 0.0);
        }
        // published column totals 774, 719, 7; total 1,500
        assertArrayEquals(new double[] {774, 719, 7}, t.table().colTotals(), 0.0);
        // published column %: 40-49 男性 28.3, 女性 21.7
        assertEquals(28.3, Math.round(t.table().colPct()[3][0] * 10) / 10.0, 0.0);
        assertEquals(21.7, Math.round(t.table().colPct()[3][1] * 10) / 10.0, 0.0);
    }

    @Test
    void wardCountsArePublished() {
        CrossTab t = table("ward", "sex");
        // published: 川崎区 237, 幸区 165, 中原区 255, 高津区 229, 多摩区 215, 宮前区 227, 麻生区 172 (code order)
        assertArrayEquals(new double[] {237, 165, 255, 229, 215, 227, 172}, t.table().rowTotals(), 0.0);
        assertEquals("多摩区", t.rows().get(4).label());
    }

    @Test
    void multipleResponseWithinATenthOfAPoint() throws Exception {
        try (Connection c = project.connect()) {
            MultipleResponse.Table d = MultipleResponse.delimited(c, "s", "q3", ";", null, null,
                    codebook.variable("q3").orElseThrow(), null);
            int total = d.cols().size() - 1;
            // published: 33.3, 29.5, 24.7, 24.3 % of respondents
            double[] published = {33.3, 29.5, 24.7, 24.3};
            for (int i = 0; i < 4; i++) {
                assertEquals(published[i], d.pctRespondents()[i][total], 0.1, "option " + (i + 1));
            }
            assertEquals(1500, d.base()[total], 0.0);
            Codebook.Variable set = codebook.variable("q3_set").orElseThrow();
            MultipleResponse.Table b = MultipleResponse.binary(c, "s", set.members(),
                    List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), "sex", null, set, codebook.variable("sex").orElseThrow());
            // the 0/1 columns give the same counts as the delimited column (same respondents)
            for (int i = 0; i < 9; i++) {
                assertEquals(d.counts()[i][total], b.counts()[i][b.cols().size() - 1], 0.0);
            }
        }
    }

    @Test
    void likertItemsMatchPublishedShares() {
        List<String> scale = List.of("1", "2", "3", "4");
        CrossTab a = CrossTabEngine.run(project, CrossTabSpec.of("s", "q4a", "age_group").withCodebook(codebook)
                .withOptions(false, 0.05, LikertSummary.nets(scale, false)), null, Cancellation.none()).overall();
        LikertSummary la = LikertSummary.of(a, false);
        // published: 生活が便利になる 68.8 % overall; about 70 % in every age group except 40-49
        assertEquals(68.8, 100 * (a.table().rowTotals()[0] + a.table().rowTotals()[1]) / 1500, 0.1);
        for (int j = 0; j < 7; j++) {
            if (j == 3) {
                assertTrue(la.top2Pct()[j] < 66, "40-49 lower");
            } else {
                assertEquals(70, la.top2Pct()[j], 1.0, "age group " + j);
            }
        }
        CrossTab b = table("q4b", "age_group");
        LikertSummary lb = LikertSummary.of(b, false);
        // published: 格差が生じる 59.1 % overall, highest among 70-79 at 67.0 %
        assertEquals(59.1, 100 * (b.table().rowTotals()[0] + b.table().rowTotals()[1]) / 1500, 0.1);
        assertEquals(67.0, lb.top2Pct()[6], 0.1);
        for (int j = 0; j < 6; j++) {
            assertTrue(lb.top2Pct()[j] < lb.top2Pct()[6]);
        }
    }

    @Test
    void generatorIsDeterministic() throws Exception {
        SurveySampleGenerator.writeTo(dir.resolve("again"));
        assertEquals(Files.readString(dir.resolve("out/respondents.csv")), Files.readString(dir.resolve("again/respondents.csv")));
    }

    @Test
    void trimmingBoundsHoldAndMarginsStillMet() throws Exception {
        try (Connection c = project.connect()) {
            Margin ward = MarginIo.parse("ward=population.csv", dir.resolve("out"), null);
            Margin age = MarginIo.parse("age_group=population.csv", dir.resolve("out"), null);
            RakeResult free = Raking.compute(c, "s", List.of(ward, age), RakeOptions.defaults(), null, Cancellation.none());
            // feasible bounds: the 24 respondents aged 18-19 must still average about 1,284 (population / n)
            double lo = free.minWeight() * 1.02;
            double hi = free.maxWeight() * 0.99;
            RakeResult r = Raking.compute(c, "s", List.of(ward, age), RakeOptions.defaults().withBounds(lo, hi), null,
                    Cancellation.none());
            assertTrue(r.converged(), "converged with bounds: deviation " + r.maxRelativeDeviation() + " after " + r.iterations()
                    + "; free " + free.minWeight() + ".." + free.maxWeight() + ", bounded " + r.minWeight() + ".." + r.maxWeight());
            assertTrue(r.minWeight() >= lo * (1 - 1e-9) && r.maxWeight() <= hi * (1 + 1e-9), r.minWeight() + " " + r.maxWeight());
            assertTrue(r.maxRelativeDeviation() <= 1e-10);
            assertTrue(r.trimmed() > 0, "some respondents sit at a bound");
            // Kish deff = n Σw² / (Σw)² is at least 1
            assertTrue(r.kishDesignEffect() >= 1.0);
        }
    }

    @Test
    void rakesToWardAndAgeGroupPopulation() {
        try (Connection c = project.connect()) {
            Margin ward = MarginIo.parse("ward=population.csv", dir.resolve("out"), null);
            Margin age = MarginIo.parse("age_group=population.csv", dir.resolve("out"), null);
            RakeResult r = Raking.compute(c, "s", List.of(ward, age), RakeOptions.defaults(), null, Cancellation.none());
            assertTrue(r.converged());
            assertEquals(ward.total(), r.sumWeights(), 1e-6 * ward.total());
            assertTrue(r.kishDesignEffect() >= 1.0);
            assertEquals(1500 / r.kishDesignEffect(), r.effectiveN(), 1e-9);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
