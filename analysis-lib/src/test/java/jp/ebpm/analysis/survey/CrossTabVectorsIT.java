package jp.ebpm.analysis.survey;

import static jp.ebpm.analysis.survey.VectorSupport.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.ebpm.analysis.stats.ContingencyTable;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Every table of every crosstabs vector (GNU PSPP 1.6.2 CROSSTABS; Fisher two-sided from R 4.2.2
 * fisher.test), compared to a relative 1e-6. Inputs, syntax and expectations are the copied vector files.
 */
class CrossTabVectorsIT {

    static Stream<Arguments> tables() {
        List<Arguments> out = new ArrayList<>();
        for (String name : List.of("ct01_pspp_residuals", "ct02_pspp_fisher_hsb", "ct03_pspp_many_statistics",
                "ct04_pspp_fractional_weights", "ct05_r_party_gender", "ct06_r_tea_tasting")) {
            JsonNode doc = VectorSupport.json("crosstabs/expected/" + name + ".json");
            for (int i = 0; i < doc.get("tables").size(); i++) {
                out.add(Arguments.of(name, i));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} table {1}")
    @MethodSource("tables")
    void matchesPspp(String name, int index, @TempDir Path dir) {
        JsonNode t = VectorSupport.json("crosstabs/expected/" + name + ".json").get("tables").get(index);
        try (Project p = Project.create(dir.resolve("p"))) {
            VectorSupport.loadCsv(p, "crosstabs/inputs/" + name + ".csv", dir, "t");
            CrossTabSpec spec = CrossTabSpec.of("t", t.get("row_var").asText(), t.get("col_var").asText());
            if (!t.get("weight_var").isNull()) {
                spec = spec.withWeight(t.get("weight_var").asText(), WeightKind.FREQUENCY);
            }
            CrossTab r = CrossTabEngine.run(p, spec, null, Cancellation.none()).overall();
            ContingencyTable ct = r.table();
            // row and column categories: PSPP lists the numeric values ascending
            assertEquals(t.get("row_categories").size(), r.rows().size());
            for (int i = 0; i < r.rows().size(); i++) {
                assertEquals(t.get("row_categories").get(i).asDouble(), r.rows().get(i).numeric(), 0.0);
            }
            for (int j = 0; j < r.cols().size(); j++) {
                assertEquals(t.get("col_categories").get(j).asDouble(), r.cols().get(j).numeric(), 0.0);
            }
            close(t.get("counts"), ct.counts(), "counts");
            close(t.get("row_totals"), ct.rowTotals(), "row totals");
            close(t.get("col_totals"), ct.colTotals(), "col totals");
            close(t.get("n").asDouble(), ct.total(), "n");
            close(t.get("expected"), ct.expected(), "expected");
            close(t.get("row_pct"), ct.rowPct(), "row %");
            close(t.get("col_pct"), ct.colPct(), "col %");
            close(t.get("total_pct"), ct.totalPct(), "total %");
            close(t.get("std_resid"), ct.standardizedResiduals(), "std resid");
            close(t.get("adj_std_resid"), ct.adjustedResiduals(), "adj std resid");
            close(t.get("pearson_chisq").get("value").asDouble(), ct.pearson().statistic(), "pearson");
            close(t.get("pearson_chisq").get("df").asDouble(), ct.pearson().df(), "pearson df");
            close(t.get("pearson_chisq").get("p").asDouble(), ct.pearson().p(), "pearson p");
            close(t.get("likelihood_ratio").get("value").asDouble(), ct.likelihoodRatio().statistic(), "LR");
            close(t.get("likelihood_ratio").get("p").asDouble(), ct.likelihoodRatio().p(), "LR p");
            close(t.get("phi").asDouble(), ct.phi(), "phi (PSPP: unsigned)");
            close(t.get("cramers_v").asDouble(), ct.cramersV(), "Cramer's V");
            close(t.get("contingency_coefficient").asDouble(), ct.contingencyCoefficient(), "CC");
            if (t.has("fisher_exact")) {
                JsonNode f = t.get("fisher_exact");
                assertNotNull(ct.fisher());
                // R 4.2.2 stats::fisher.test (the reference; PSPP 1.6.2 differs on ties)
                close(f.get("p_two_sided").asDouble(), ct.fisher().pTwoSided(), "fisher two-sided");
                close(f.get("p_less").asDouble(), ct.fisher().pLess(), "fisher less");
                close(f.get("p_greater").asDouble(), ct.fisher().pGreater(), "fisher greater");
            }
        }
    }
}
