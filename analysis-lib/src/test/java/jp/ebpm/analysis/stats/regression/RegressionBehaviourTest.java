package jp.ebpm.analysis.stats.regression;

import static jp.ebpm.analysis.stats.regression.RegressionTestSupport.importResource;
import static jp.ebpm.analysis.stats.regression.RegressionTestSupport.near;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Formula features, missing rows, aliased columns and weights against R. The data are
 * {@code regression-small.csv} (13 rows, one missing y and one missing x2; x3 = x1 + 2·x2 exactly) and every
 * expected number was printed by {@code regression-small.R} in the same folder with R 4.2.2 and sandwich 3.0.2
 * (Debian r-base-core, r-cran-sandwich), {@code Sys.setlocale("LC_COLLATE", "C")} so that factor levels sort by
 * code point as the workbench sorts them.
 */
class RegressionBehaviourTest {

    static final double REL = 1e-9;

    @TempDir
    Path dir;
    Project project;
    String data;

    @BeforeEach
    void open() throws Exception {
        project = Project.create(dir.resolve("p"));
        data = importResource(project, dir, "regression-small.csv");
    }

    @AfterEach
    void close() {
        project.close();
    }

    private OlsResult fit(RegressionSpec spec) {
        return Regression.fit(project, spec.withSe(SeType.HC1).withSe(SeType.HC3), ProgressListener.NONE,
                Cancellation.none());
    }

    @Test
    void collinearColumnIsAliasedAsRReportsNa() {
        // R: lm(y ~ x1 + x2 + x3) → x3 NA; 2 rows dropped (y or x2 missing)
        OlsResult r = fit(RegressionSpec.of(data, "y ~ x1 + x2 + x3"));
        assertEquals(List.of("(Intercept)", "x1", "x2", "x3"), r.terms());
        assertEquals(List.of("x3"), r.aliased());
        assertTrue(Double.isNaN(r.coef()[3]) && Double.isNaN(r.se()[3]) && Double.isNaN(r.p()[3]));
        assertEquals(11, r.n());
        assertEquals(2, r.droppedMissing());
        assertEquals(3, r.rank());
        near(new double[] {6.2175382384701532, 1.4576109384584977, 0.83124882762396624},
                java.util.Arrays.copyOf(r.coef(), 3), REL, "coef");
        near(new double[] {1.3271405835149723, 0.17323686625358448, 0.49454880481609464},
                java.util.Arrays.copyOf(r.se(), 3), REL, "se");
        near(0.99477914681870472, r.r2(), REL, "r2");
        near(0.5433635924796707, r.sigma(), REL, "sigma");
        near(762.15830039633499, r.f(), REL, "f");
        assertEquals(2, r.fDf1());
        assertEquals(8, r.fDf2());
        near(new double[] {1.2604563620552391, 0.17612949591131519, 0.49341727474606339},
                java.util.Arrays.copyOf(r.robust(SeType.HC1).orElseThrow().se(), 3), REL, "HC1");
        near(new double[] {1.483071840450793, 0.20756888551086178, 0.5784340891837737},
                java.util.Arrays.copyOf(r.robust(SeType.HC3).orElseThrow().se(), 3), REL, "HC3");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("x3")), r.notes().toString());
    }

    @Test
    void textColumnIsATreatmentCodedFactor() {
        // R: lm(y ~ x1 + ward) → ward川崎区, ward幸区 (reference 中原区, first by code point)
        OlsResult r = fit(RegressionSpec.of(data, "y ~ x1 + ward"));
        assertEquals(List.of("(Intercept)", "x1", "ward川崎区", "ward幸区"), r.terms());
        assertEquals(12, r.n());
        assertEquals(1, r.droppedMissing());
        near(new double[] {8.5533018867924522, 1.734905660377358, -0.15518867924528373, -0.24528301886792167}, r.coef(),
                REL, "coef");
        near(new double[] {0.52276977741676378, 0.049397100856619532, 0.45138248010834442, 0.46470045321040426}, r.se(),
                REL, "se");
        near(0.99214404491687369, r.adjR2(), REL, "adj");
        near(464.07055724417438, r.f(), REL, "f");
        near(new double[] {0.85453533256960446, 0.056406455528507912, 0.65627538978568567, 0.6495941665160222},
                r.robust(SeType.HC3).orElseThrow().se(), REL, "HC3");
    }

    @Test
    void factorTimesNumericInteraction() {
        // R: lm(y ~ x1 * factor(yr))
        OlsResult r = fit(RegressionSpec.of(data, "y ~ x1 * factor(yr)"));
        assertEquals(List.of("(Intercept)", "x1", "factor(yr)2020", "factor(yr)2021", "x1:factor(yr)2020",
                "x1:factor(yr)2021"), r.terms());
        near(new double[] {8.3716312056737614, 1.7365248226950354, -0.11202529434371301, 0.29503546099290173,
            0.039829857107920343, -0.050810536980749214}, r.coef(), REL, "coef");
        near(new double[] {0.55342683439061413, 0.066721529620341752, 0.93949493587046107, 1.4937280115392235,
            0.11977694863701642, 0.20079902654974416}, r.se(), REL, "se");
        near(215.16282680550452, r.f(), REL, "f");
        near(new double[] {0.14760259679731599, 0.026287400073391375, 0.66798255798802419, 2.1787632970704784,
            0.0716636010885493, 0.22534802051596597}, r.robust(SeType.HC1).orElseThrow().se(), REL, "HC1");
    }

    @Test
    void withoutInterceptTheFirstFactorGetsEveryLevel() {
        // R: lm(y ~ 0 + ward + x1); R² about zero
        OlsResult r = fit(RegressionSpec.of(data, "y ~ 0 + ward + x1"));
        assertEquals(List.of("ward中原区", "ward川崎区", "ward幸区", "x1"), r.terms());
        near(new double[] {8.5533018867924486, 8.3981132075471692, 8.3080188679245293, 1.7349056603773587}, r.coef(),
                REL, "coef");
        near(0.99943321976481547, r.r2(), REL, "r2");
        near(3526.7045592705285, r.f(), REL, "f");
        assertEquals(4, r.fDf1());
        // the intercept option of the API gives the same model
        OlsResult same = fit(RegressionSpec.of(data, "y ~ ward + x1").withIntercept(false));
        near(r.coef(), same.coef(), 1e-12, "withIntercept(false)");
    }

    @Test
    void numericInteractionOnlyAndFactor() {
        // R: lm(y ~ x1:x2 + ward)
        OlsResult r = fit(RegressionSpec.of(data, "y ~ x1:x2 + ward"));
        assertEquals(List.of("(Intercept)", "ward川崎区", "ward幸区", "x1:x2"), r.terms());
        near(new double[] {10.800429111834735, 0.91968482405901408, 0.46238749782893401, 0.23379532884955911}, r.coef(),
                REL, "coef");
        near(1.4675147016320573, r.sigma(), REL, "sigma");
    }

    @Test
    void weightedLeastSquares() {
        // R: lm(y ~ x1 + x2, weights = w)
        OlsResult r = fit(RegressionSpec.of(data, "y ~ x1 + x2").withWeight("w"));
        near(new double[] {5.8373768196212703, 1.3755947072212691, 1.0295056223816095}, r.coef(), REL, "coef");
        near(new double[] {1.3136690268832036, 0.18068350691418142, 0.49469487386371613}, r.se(), REL, "se");
        near(0.99462730475686323, r.r2(), REL, "r2");
        near(0.99328413094607904, r.adjR2(), REL, "adj");
        near(0.64793080701062744, r.sigma(), REL, "sigma");
        near(740.50528440260507, r.f(), REL, "f");
        near(new double[] {1.2627132196828987, 0.19433900063873635, 0.51806982446676431},
                r.robust(SeType.HC1).orElseThrow().se(), REL, "HC1");
        near(new double[] {1.7534799751665271, 0.25603718121505076, 0.70216863598929979},
                r.robust(SeType.HC3).orElseThrow().se(), REL, "HC3");
    }

    @Test
    void clearErrors() {
        WorkbenchException noColumn = assertThrows(WorkbenchException.class,
                () -> fit(RegressionSpec.of(data, "y ~ nosuch")));
        assertTrue(noColumn.getMessage().contains("no column \"nosuch\""), noColumn.getMessage());
        // 11 usable rows; factor(x1) has 11 levels, so 1 + 10 + 1 = 12 coefficients (rank 11 = n): no residual df
        WorkbenchException tooFew = assertThrows(WorkbenchException.class,
                () -> fit(RegressionSpec.of(data, "y ~ factor(x1) + x2")));
        assertTrue(tooFew.getMessage().contains("more rows than coefficients"), tooFew.getMessage());
        WorkbenchException oneLevel = assertThrows(WorkbenchException.class,
                () -> fit(RegressionSpec.of(data, "y ~ x1 + factor(one)")));
        assertTrue(oneLevel.getMessage().contains("no column"), oneLevel.getMessage());
        IllegalArgumentException badFormula = assertThrows(IllegalArgumentException.class,
                () -> RegressionSpec.of(data, "y ~ x1 + (x2"));
        assertTrue(badFormula.getMessage().contains("'('"), badFormula.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RegressionSpec.of(data, "y x1"));
    }

    @Test
    void cancelledFitStopsWithCancelledException() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThrows(jp.ebpm.analysis.task.CancelledException.class, () -> Regression.fit(project,
                RegressionSpec.of(data, "y ~ x1").withSe(SeType.HC1), ProgressListener.NONE, cancel));
    }

    @Test
    void constantRegressorIsAliasedWithTheIntercept() throws Exception {
        // R: lm(y ~ x + k) with k constant reports k as NA and the fit of y ~ x
        java.nio.file.Path f = dir.resolve("const.csv");
        java.nio.file.Files.writeString(f, "y,x,k\n1,1,5\n3,2,5\n2,3,5\n5,4,5\n");
        jp.ebpm.analysis.io.Importer.importFile(project, f, jp.ebpm.analysis.io.ImportOptions.defaults().withName("const"),
                ProgressListener.NONE, Cancellation.none());
        OlsResult r = fit(RegressionSpec.of("const", "y ~ x + k"));
        assertEquals(List.of("k"), r.aliased());
        assertTrue(Double.isNaN(r.coef()[2]));
        OlsResult simple = fit(RegressionSpec.of("const", "y ~ x"));
        // hand: x̄ = 2.5, ȳ = 2.75, Sxy = (−1.5)(−1.75) + (−0.5)(0.25) + (0.5)(−0.75) + (1.5)(2.25) = 5.5,
        // Sxx = 5 → slope 1.1, intercept 2.75 − 1.1 × 2.5 = 0
        assertEquals(1.1, simple.coef()[1], 1e-12);
        assertEquals(0.0, simple.coef()[0], 1e-12);
        assertEquals(simple.coef()[1], r.coef()[1], 1e-12);
        assertEquals(simple.se()[1], r.se()[1], 1e-12);
    }

    @Test
    void privateDatasetsAreRefused() {
        // private data (e.g. pings) leaves the workbench only as guarded aggregates, never as row-level models
        project.inTransaction(c -> {
            project.catalog().register(c, new jp.ebpm.analysis.store.DatasetInfo("pings", jp.ebpm.analysis.store.DatasetKind.TABLE,
                    "pings.csv", "00", java.time.Instant.now(), 10, List.of(new jp.ebpm.analysis.store.ColumnInfo("y", "DOUBLE"),
                    new jp.ebpm.analysis.store.ColumnInfo("x", "DOUBLE")), "UTF-8", "", jp.ebpm.analysis.store.Sensitivity.PRIVATE, "",
                    java.util.Map.of()));
            return null;
        });
        jp.ebpm.analysis.WorkbenchException e = assertThrows(jp.ebpm.analysis.WorkbenchException.class,
                () -> fit(RegressionSpec.of("pings", "y ~ x")));
        assertTrue(e.getMessage().contains("holds private data"), e.getMessage());
    }
}
