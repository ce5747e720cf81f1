package jp.ebpm.analysis.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.QueryResult;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Raking that leaves out respondents without a population target ({@link RakeOptions#withLeaveOutUnmatched}) on the
 * bundled sample survey: the 7 respondents with sex = 3 (その他) get an empty weight, the others the weights of R
 * {@code rake()} on {@code subset(d, sex != 3)} (R 4.2.2, survey 4.1.1; {@code survey/rake-leave-out/gen.R}), and the
 * Rao–Scott F of q4a × age_group on the raked weight is R's {@code svychisq} on that design. Relative 1e-8.
 */
class RakingLeaveOutIT {

    private static final JsonNode R = VectorSupport.json("survey/rake-leave-out/expected.json");

    private static Project sampleSurvey(Path dir) throws Exception {
        Path data = SampleProject.locateSampleData().orElseThrow().resolve("survey");
        Project p = Project.create(dir.resolve("p"));
        try (Connection c = p.connect()) {
            CsvTable.load(c, data.resolve("respondents.csv"), StandardCharsets.UTF_8, "s");
        }
        SurveyVectorsIT.registerAsDataset(p, "s");
        return p;
    }

    private static List<Margin> margins(Project p) {
        Path pop = SampleProject.locateSampleData().orElseThrow().resolve("survey/population.csv");
        return MarginIo.parseAll(List.of("ward=" + pop, "sex+age_group=" + pop), null, p);
    }

    @Test
    void leftOutRespondentsGetNoWeightAndTheOthersRsWeights(@TempDir Path dir) throws Exception {
        try (Project p = sampleSurvey(dir)) {
            RakeResult r = Raking.rakeInto(p, "s", margins(p), RakeOptions.defaults().withLeaveOutUnmatched(true), "w", null,
                    Cancellation.none());
            assertTrue(r.converged());
            assertEquals(R.get("left_out").asLong(), r.leftOut());
            assertEquals(R.get("respondents").asLong(), r.respondents());
            // by category in code order (the sample's 7 その他 respondents are in five age groups)
            assertEquals(List.of(List.of("3", "2"), List.of("3", "3"), List.of("3", "4"), List.of("3", "5"), List.of("3", "6")),
                    r.leftOutCategories().stream().map(RakeResult.LeftOut::codes).toList());
            assertEquals(List.of(1L, 3L, 1L, 1L, 1L), r.leftOutCategories().stream().map(RakeResult.LeftOut::respondents).toList());
            assertTrue(r.leftOutCategories().stream().allMatch(l -> l.variables().equals(List.of("sex", "age_group"))));
            assertEquals(R.get("sum_weights").asDouble(), r.sumWeights(), 1e-8 * r.sumWeights());
            Map<Long, Double> expected = new HashMap<>();
            for (String line : Files.readAllLines(VectorSupport.file("survey/rake-leave-out/weights.csv", dir)).subList(1, 1494)) {
                String[] f = line.split(",");
                expected.put(Long.parseLong(f[0]), Double.parseDouble(f[1]));
            }
            QueryResult q = p.query("SELECT CAST(id AS BIGINT), w, CAST(sex AS INTEGER) FROM s ORDER BY 1", 2000, Cancellation.none());
            int compared = 0;
            for (Object[] row : q.rows()) {
                long id = ((Number) row[0]).longValue();
                if (((Number) row[2]).intValue() == 3) {
                    assertNull(row[1], "respondent " + id + " (sex 3) has no weight");
                    continue;
                }
                double w = ((Number) row[1]).doubleValue();
                assertEquals(expected.get(id), w, 1e-8 * w, "respondent " + id);
                compared++;
            }
            assertEquals(1493, compared);

            // the raked design without the left-out respondents: R's svychisq on rake(subset(...))
            CrossTab t = CrossTabEngine.run(p, CrossTabSpec.of("s", "q4a", "age_group").withWeight("w", WeightKind.SAMPLING),
                    null, Cancellation.none()).overall();
            close(R.get("f").asDouble(), t.raoScott().f(), "F");
            close(R.get("ndf").asDouble(), t.raoScott().ndf(), "ndf");
            close(R.get("ddf").asDouble(), t.raoScott().ddf(), "ddf = ndf·(1493 − 1)");
            close(R.get("p").asDouble(), t.raoScott().p(), "p");
        }
    }

    @Test
    void withoutTheOptionTheCategoryIsRefusedAndTheDatasetUnchanged(@TempDir Path dir) throws Exception {
        try (Project p = sampleSurvey(dir)) {
            RakingGap gap = assertThrows(RakingGap.class, () -> Raking.rakeInto(p, "s", margins(p), RakeOptions.defaults(), "w",
                    null, Cancellation.none()));
            assertEquals(List.of("sex", "age_group"), gap.variables());
            assertTrue(gap.getMessage().contains("--leave-out-unmatched"), gap.getMessage());
            assertTrue(!p.catalog().get("s").columnNames().contains("w"), "nothing written");
        }
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-8 * Math.abs(expected), what + ": R " + expected + ", workbench " + actual);
    }
}
