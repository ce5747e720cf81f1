package jp.ebpm.analysis.survey;

import static jp.ebpm.analysis.survey.VectorSupport.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;

/**
 * R 4.2.2 / survey 4.1.1 on the weights-only design {@code svydesign(id=~1, weights=~pw, data=apistrat)}:
 * svytable, svychisq (F and Chisq) and rake to convergence; numbers from the copied
 * {@code weights_only_apistrat.json}, compared to a relative 1e-6.
 */
class SurveyVectorsIT {

    private static final JsonNode EXPECTED = VectorSupport.json("survey/expected/weights_only_apistrat.json")
            .get("apistrat_weights_only");

    @Test
    void raoScottMatchesSvychisq(@TempDir Path dir) {
        try (Project p = Project.create(dir.resolve("p"))) {
            VectorSupport.loadCsv(p, "survey/inputs/apistrat.csv", dir, "api");
            CrossTabSpec spec = CrossTabSpec.of("api", "sch.wide", "stype").withWeight("pw", WeightKind.SAMPLING);
            CrossTab t = CrossTabEngine.run(p, spec, null, Cancellation.none()).overall();
            JsonNode tab = EXPECTED.get("svytable_sch.wide_by_stype");
            assertEquals(List.of("No", "Yes"), t.rows().stream().map(Category::label).toList());
            assertEquals(List.of("E", "H", "M"), t.cols().stream().map(Category::label).toList());
            close(tab.get("counts"), t.table().counts(), "svytable");
            JsonNode f = EXPECTED.get("svychisq_F");
            close(f.get("f").asDouble(), t.raoScott().f(), "F");
            close(f.get("ndf").asDouble(), t.raoScott().ndf(), "ndf");
            close(f.get("ddf").asDouble(), t.raoScott().ddf(), "ddf");
            close(f.get("p").asDouble(), t.raoScott().p(), "p");
            JsonNode chi = EXPECTED.get("svychisq_Chisq");
            // R prints the unadjusted X² of the table scaled to n as "X-squared"; its p comes from X²/mean(diag Δ)
            close(chi.get("chisq").asDouble(), t.raoScott().pearson(), "Pearson X² scaled to n");
            close(chi.get("df").asDouble(), t.raoScott().firstOrderDf(), "first-order df");
            close(chi.get("p").asDouble(), t.raoScott().firstOrderP(), "first-order p");
        }
    }

    @Test
    void rakingMatchesConvergedRake(@TempDir Path dir) throws Exception {
        JsonNode rake = EXPECTED.get("rake");
        List<Margin> margins = new ArrayList<>();
        for (String var : List.of("stype", "sch.wide")) {
            Map<String, Double> t = new LinkedHashMap<>();
            for (JsonNode row : rake.get("margins").get(var)) {
                t.put(row.get(var).asText(), row.get("Freq").asDouble());
            }
            margins.add(Margin.of(var, t));
        }
        try (Project p = Project.create(dir.resolve("p"))) {
            VectorSupport.loadCsv(p, "survey/inputs/apistrat.csv", dir, "api");
            p.catalog(); // the table is not in the catalog; rake through a connection-level computation and a write
            RakeResult r;
            try (Connection c = p.connect()) {
                r = Raking.compute(c, "api", margins, RakeOptions.defaults().withBaseWeight("pw"), null, Cancellation.none());
            }
            assertTrue(r.converged());
            assertTrue(r.maxRelativeDeviation() <= 1e-10);
            for (RakeResult.MarginCheck m : r.margins()) {
                close(m.target(), m.achieved(), "margin " + m.margin() + " " + m.category());
            }
            // write the weights via a registered dataset
            registerAsDataset(p, "api");
            Raking.rakeInto(p, "api", margins, RakeOptions.defaults().withBaseWeight("pw"), "rw", null, Cancellation.none());
            Map<String, Double> got = new HashMap<>();
            try (Connection c = p.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT snum, rw FROM api")) {
                while (rs.next()) {
                    got.put(rs.getString(1), rs.getDouble(2));
                }
            }
            JsonNode snum = rake.get("weights_by_row").get("snum");
            JsonNode w = rake.get("weights_by_row").get("weight");
            assertEquals(200, snum.size());
            for (int i = 0; i < snum.size(); i++) {
                close(w.get(i).asDouble(), got.get(snum.get(i).asText()), "raked weight of snum " + snum.get(i).asText());
            }
            // the same weights, as a sampling weight, give R's post-rake weighted table total
            CrossTab t = CrossTabEngine.run(p, CrossTabSpec.of("api", "sch.wide", "stype").withWeight("rw", WeightKind.SAMPLING),
                    null, Cancellation.none()).overall();
            close(6194, t.table().total(), "population total 4421+755+1018");
            // a failing rake leaves the project unchanged: the output column may not be a margin variable
            int before = p.catalog().get("api").columns().size();
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Raking.rakeInto(p, "api", margins,
                    RakeOptions.defaults().withBaseWeight("pw"), "stype", null, Cancellation.none()));
            jp.ebpm.analysis.task.Cancellation cancelled = new jp.ebpm.analysis.task.Cancellation();
            cancelled.cancel();
            org.junit.jupiter.api.Assertions.assertThrows(jp.ebpm.analysis.task.CancelledException.class, () -> Raking.rakeInto(p, "api",
                    margins, RakeOptions.defaults().withBaseWeight("pw"), "rw2", null, cancelled));
            assertEquals(before, p.catalog().get("api").columns().size());
            try (Connection c = p.connect()) {
                assertEquals(before, jp.ebpm.analysis.store.Catalog.describe(c, "api").size());
            }
            // svychisq on the raked design (variance accounts for the raking): R svychisq_F_after_rake
            CrossTab raked = CrossTabEngine.run(p, CrossTabSpec.of("api", "sch.wide", "stype").withWeight("rw", WeightKind.SAMPLING)
                    .withRakedOn(List.of("stype", "sch.wide")), null, Cancellation.none()).overall();
            JsonNode after = rake.get("svychisq_F_after_rake");
            close(after.get("f").asDouble(), raked.raoScott().f(), "F after rake");
            close(after.get("ndf").asDouble(), raked.raoScott().ndf(), "ndf after rake");
            close(after.get("ddf").asDouble(), raked.raoScott().ddf(), "ddf after rake");
            close(after.get("p").asDouble(), raked.raoScott().p(), "p after rake");
        }
    }

    static void registerAsDataset(Project p, String table) {
        p.inTransaction(c -> {
            p.catalog().register(c, new jp.ebpm.analysis.store.DatasetInfo(table, jp.ebpm.analysis.store.DatasetKind.SURVEY,
                    null, null, java.time.Instant.now(), jp.ebpm.analysis.store.Catalog.countRows(c, table),
                    jp.ebpm.analysis.store.Catalog.describe(c, table), "UTF-8", "", jp.ebpm.analysis.store.Sensitivity.INTERNAL,
                    "", Map.of()));
            return null;
        });
    }
}
