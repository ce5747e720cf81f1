package jp.ebpm.analysis.stats.regression;

import static jp.ebpm.analysis.stats.regression.RegressionTestSupport.array;
import static jp.ebpm.analysis.stats.regression.RegressionTestSupport.expected;
import static jp.ebpm.analysis.stats.regression.RegressionTestSupport.importResource;
import static jp.ebpm.analysis.stats.regression.RegressionTestSupport.near;
import static jp.ebpm.analysis.stats.regression.RegressionTestSupport.nearP;
import static jp.ebpm.analysis.stats.regression.RegressionTestSupport.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * OLS against R: every expected number is read from the JSON files in this package's test resources, written by
 * R 4.2.2 + sandwich 3.0.2 + lmtest with {@code gen.R} (see the README there): {@code summary(lm(...))},
 * {@code sqrt(diag(sandwich::vcovHC(m, type = "HCk")))}, {@code vcovCL(m, cluster = ~area, type = "HC1")} and
 * {@code coeftest(m, V, df = G - 1)}. Tolerance 1e-8 relative (1e-6 for p-values below 1e-10), as the README
 * asks.
 */
class RegressionReferenceTest {

    static final double REL = 1e-8;

    @TempDir
    Path dir;
    Project project;

    @BeforeEach
    void open() {
        project = Project.create(dir.resolve("p"));
    }

    @AfterEach
    void close() {
        project.close();
    }

    private OlsResult fit(String dataset, JsonNode e, String cluster) {
        RegressionSpec spec = RegressionSpec.of(dataset, e.get("call").asText())
                .withSe(SeType.HC0).withSe(SeType.HC1).withSe(SeType.HC2).withSe(SeType.HC3);
        if (cluster != null) {
            spec = spec.withCluster(cluster);
        }
        return Regression.fit(project, spec, ProgressListener.NONE, Cancellation.none());
    }

    private void compareSummary(JsonNode e, OlsResult r) {
        assertEquals(strings(e.get("terms")), r.terms());
        assertEquals(e.get("n").asLong(), r.n());
        near(array(e.get("coef")), r.coef(), REL, "coef");
        near(array(e.get("se_classical")), r.se(), REL, "se");
        near(array(e.get("t")), r.t(), REL, "t");
        nearP(array(e.get("p")), r.p(), "p");
        near(e.get("r2").asDouble(), r.r2(), REL, "r2");
        near(e.get("adj_r2").asDouble(), r.adjR2(), REL, "adj_r2");
        near(e.get("sigma").asDouble(), r.sigma(), REL, "sigma");
        near(e.get("f").asDouble(), r.f(), REL, "f");
        assertEquals(e.get("f_df1").asDouble(), r.fDf1());
        assertEquals(e.get("f_df2").asDouble(), r.fDf2());
        for (SeType t : new SeType[] {SeType.HC0, SeType.HC1, SeType.HC2, SeType.HC3}) {
            near(array(e.get("se_" + t.id())), r.robust(t).orElseThrow().se(), REL, "se_" + t.id());
        }
    }

    @Test
    void mtcarsMatchesR() throws Exception {
        String d = importResource(project, dir, "ols_mtcars.csv");
        JsonNode e = expected("ols_mtcars");
        OlsResult r = fit(d, e, null);
        compareSummary(e, r);
        assertEquals(0, r.droppedMissing());
    }

    @Test
    void did2x2WithClusteredErrorsMatchesR() throws Exception {
        String d = importResource(project, dir, "did2x2_panel_seed1.csv");
        JsonNode e = expected("did2x2_panel_seed1");
        OlsResult r = fit(d, e, "area");
        compareSummary(e, r);
        RobustSe cl = r.robust(SeType.CLUSTER).orElseThrow();
        assertEquals(40, cl.clusters());
        near(array(e.get("se_cluster_HC1")), cl.se(), REL, "se_cluster_HC1");
        nearP(array(e.get("p_cluster_t_G_minus_1")), cl.p(), "p_cluster");
    }

    @Test
    void twoWayFixedEffectsWithDummiesMatchesR() throws Exception {
        String d = importResource(project, dir, "did_twfe_panel_seed1.csv");
        JsonNode e = expected("did_twfe_panel_seed1");
        OlsResult r = fit(d, e, "area");
        compareSummary(e, r);
        RobustSe cl = r.robust(SeType.CLUSTER).orElseThrow();
        double[] se = array(e.get("se_cluster_HC1"));
        double[] pc = array(e.get("p_cluster_t_G_minus_1"));
        double max = java.util.Arrays.stream(se).max().orElseThrow();
        for (int j = 0; j < se.length; j++) {
            if (se[j] < 1e-10 * max) {
                // A01 … A20 (the treated areas): clustered by area, such a dummy's cluster-robust SE is 0 in
                // exact arithmetic (its own scores and those it is combined with sum to zero in every cluster);
                // R prints round-off (~1e-14) with p = 0. Ours must be a round-off zero as well.
                assertTrue(cl.se()[j] < 1e-10 * max, r.terms().get(j) + " " + cl.se()[j]);
                assertEquals(0.0, pc[j]);
                assertTrue(cl.p()[j] < 1e-100, r.terms().get(j));
            } else {
                near(se[j], cl.se()[j], REL, "se_cluster_HC1[" + j + "]");
                nearP(new double[] {pc[j]}, new double[] {cl.p()[j]}, "p_cluster[" + j + "]");
            }
        }
    }
}
