package jp.ebpm.analysis.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.ImportOptions;
import jp.ebpm.analysis.io.Importer;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Difference-in-differences against R. Balanced panel: the shared R 4.2 + sandwich vectors
 * ({@code ../stats/regression/did2x2_panel_seed1.json}, {@code did_twfe_panel_seed1.json}: coefficient of d,
 * {@code se_classical}, {@code se_cluster_HC1}, {@code p_cluster_t_G_minus_1}). Unbalanced staggered panel and
 * event study: printed by {@code did-extra.R} in this package's test resources (R 4.2.2, sandwich 3.0.2, lmtest):
 * {@code lm(y ~ d + factor(area) + factor(year))} and the event-time dummies, {@code vcovCL(type = "HC1")},
 * {@code coeftest(df = G - 1)}.
 */
class DiffInDiffTest {

    static final double REL = 1e-8;

    @TempDir
    Path dir;
    Project project;

    @BeforeEach
    void open() throws Exception {
        project = Project.create(dir.resolve("p"));
        for (String f : List.of("did_twfe_panel_seed1.csv", "did_unbalanced_staggered.csv")) {
            Path file = dir.resolve(f);
            try (InputStream in = getClass().getResourceAsStream(f)) {
                Files.copy(in, file);
            }
            Importer.importFile(project, file, ImportOptions.defaults().withName(f.replace(".csv", "")), ProgressListener.NONE,
                    Cancellation.none());
        }
    }

    @AfterEach
    void close() {
        project.close();
    }

    static void near(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= REL * Math.abs(expected), what + ": expected " + expected + ", got " + actual);
    }

    private DidResult run(PanelSpec s) {
        return DiffInDiff.estimate(project, s, ProgressListener.NONE, Cancellation.none());
    }

    @Test
    void twoByTwoWithGroupAndStartMatchesR() {
        // did2x2_panel_seed1.json: y ~ treated + post + d, coefficient and clustered SE of d
        DidResult r = run(PanelSpec.of("did_twfe_panel_seed1", "y", "area", "year", "treated", "2019"));
        assertEquals("2x2", r.design());
        assertEquals("treated:post", r.effectTerm());
        near(1.8977250000000112, r.effect(), "effect");
        near(0.52310251986920631, r.seClassical(), "classical se");
        near(0.35374246993483954, r.se(), "cluster se");
        near(3.9402646846872042e-06, r.p(), "p");
        assertEquals(40, r.clusters());
        assertEquals(320, r.n());
        assertEquals(20, r.treatedUnits());
        assertEquals(List.of("2019"), r.starts());
        assertTrue(r.balanced());
        assertTrue(r.eventStudy().isEmpty());
        // trend means: hand check of the first period against a direct SQL mean
        double treated2015 = ((Number) project.query("SELECT avg(y) FROM did_twfe_panel_seed1 WHERE treated = 1 AND year = 2015",
                1, Cancellation.none()).get(0, 0)).doubleValue();
        assertEquals(treated2015, r.trends().get(0).treatedMean(), 1e-12);
        assertEquals(20, r.trends().get(0).controlCount());
    }

    @Test
    void twoByTwoFromTheTreatmentIndicatorFindsTheCommonStart() {
        DidResult r = run(PanelSpec.of("did_twfe_panel_seed1", "y", "area", "year", "d", null));
        near(1.8977250000000112, r.effect(), "effect");
        near(0.35374246993483954, r.se(), "cluster se");
    }

    @Test
    void twoWayFixedEffectsAbsorbedAndDummiesMatchR() {
        // did_twfe_panel_seed1.json: y ~ d + factor(area) + factor(year); d is coefficient 2
        for (PanelSpec s : List.of(PanelSpec.of("did_twfe_panel_seed1", "y", "area", "year", "d", null).withFixedEffects(),
                PanelSpec.of("did_twfe_panel_seed1", "y", "area", "year", "d", null).withDummies())) {
            DidResult r = run(s);
            near(1.8977249999999819, r.effect(), s.dummies() + " effect");
            near(0.3336955980357485, r.seClassical(), s.dummies() + " classical se");
            near(0.3812819912867533, r.se(), s.dummies() + " cluster se");
            near(1.3457243354861085e-05, r.p(), s.dummies() + " p");
            assertEquals("d", r.effectTerm());
        }
        DidResult r = run(PanelSpec.of("did_twfe_panel_seed1", "y", "area", "year", "d", null).withFixedEffects());
        // event study with a common start: leads −4 … −2, lags 0 … 3, reference −1
        assertEquals(List.of(-4, -3, -2, -1, 0, 1, 2, 3), r.eventStudy().stream().map(DidResult.EventTime::relative).toList());
        assertEquals(0.0, r.eventStudy().get(3).coef());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("Parallel trends")));
    }

    @Test
    void unbalancedStaggeredPanelAndEventStudyMatchR() {
        DidResult r = run(PanelSpec.of("did_unbalanced_staggered", "y", "area", "year", "d", null).withFixedEffects());
        assertFalse(r.balanced());
        assertEquals(223, r.n());
        assertEquals(30, r.clusters());
        assertEquals(List.of("2014", "2016"), r.starts());
        // did-extra.R "## twfe": d coef, classical se, cluster se, p (t, G-1 df)
        near(1.3235058551337, r.effect(), "effect");
        near(0.23279834015892106, r.seClassical(), "classical se");
        near(0.28034418521306548, r.se(), "cluster se");
        near(5.5057275056983576e-05, r.p(), "p");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("unbalanced")));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("Staggered")));
        // did-extra.R "## event": em5 … e4 (coef, classical se, cluster se, p)
        double[][] expected = {
            {-5, -0.18601354655998945, 0.48364951700714692, 0.70333689890440132},
            {-4, -0.67346552262166526, 0.60983191973016482, 0.27852210641659103},
            {-3, -0.32444252648764588, 0.46221895046431766, 0.4883223001291771},
            {-2, -0.30117426449350165, 0.48591434323149485, 0.54022318841404182},
            {0, 1.1305841284032818, 0.52598548880978968, 0.040074555187582031},
            {1, 1.2139748446345955, 0.4519371905986313, 0.01183487495529734},
            {2, 0.81279132775864738, 0.50125417887143853, 0.11573089715674212},
            {3, 1.4502547510926642, 0.5926032999160995, 0.020687967034591716},
            {4, 1.2631740455848217, 0.61741090688111222, 0.049927561106336484},
        };
        for (double[] e : expected) {
            DidResult.EventTime t = r.eventStudy().stream().filter(x -> x.relative() == (int) e[0]).findFirst().orElseThrow();
            near(e[1], t.coef(), "event " + e[0] + " coef");
            near(e[2], t.se(), "event " + e[0] + " se");
            near(e[3], t.p(), "event " + e[0] + " p");
        }
    }

    @Test
    void clearErrorsForQuestionsThatCannotBeAnswered() {
        WorkbenchException staggered = assertThrows(WorkbenchException.class,
                () -> run(PanelSpec.of("did_unbalanced_staggered", "y", "area", "year", "d", null)));
        assertTrue(staggered.getMessage().contains("different periods"), staggered.getMessage());
        WorkbenchException notGroup = assertThrows(WorkbenchException.class,
                () -> run(PanelSpec.of("did_unbalanced_staggered", "y", "area", "year", "d", "2015")));
        assertTrue(notGroup.getMessage().contains("must not change within an area"), notGroup.getMessage());
        WorkbenchException noColumn = assertThrows(WorkbenchException.class,
                () -> run(PanelSpec.of("did_twfe_panel_seed1", "nosuch", "area", "year", "d", null)));
        assertTrue(noColumn.getMessage().contains("nosuch"), noColumn.getMessage());
        WorkbenchException notBinary = assertThrows(WorkbenchException.class,
                () -> run(PanelSpec.of("did_twfe_panel_seed1", "y", "area", "year", "y", null)));
        assertTrue(notBinary.getMessage().contains("0 or 1"), notBinary.getMessage());
    }
}
