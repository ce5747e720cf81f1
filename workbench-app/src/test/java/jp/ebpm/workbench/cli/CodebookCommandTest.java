package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/** The codebook stored with the sample survey drives 'crosstab --project'; 'codebook' shows and changes it. */
class CodebookCommandTest {

    static final String SURVEY = "市民アンケート2018";

    @TempDir
    static Path dir;
    static Path project;

    /** Builds a sample project from the survey folder of sample-data only (survey + population). */
    @BeforeAll
    static void build() throws IOException {
        Path data = SampleProject.locateSampleData().orElseThrow();
        Path copy = dir.resolve("data/survey");
        Files.createDirectories(copy);
        for (String f : List.of("manifest.json", "respondents.csv", "codebook.csv", "population.csv")) {
            Files.copy(data.resolve("survey").resolve(f), copy.resolve(f));
        }
        project = SampleProject.build(dir.resolve("data"), dir.resolve("project"), ProgressListener.NONE, Cancellation.none());
    }

    private static List<String> labels(JsonNode node) {
        return java.util.stream.StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void crosstabUsesTheStoredCodebookAndAnExplicitOneWins() throws IOException {
        CliTestSupport.Result r = CliTestSupport.run("crosstab", "--project", project.toString(), "--dataset", SURVEY,
                "--rows", "q5", "--cols", "sex");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        // codebook order (5 = 満足 first) and labels; 99 = 無回答 is a missing code and leaves the table
        assertEquals(List.of("満足", "やや満足", "どちらともいえない", "やや不満", "不満"), labels(j.get("row_labels")));
        assertEquals(List.of("男性", "女性", "その他"), labels(j.get("col_labels")));
        assertTrue(j.has("likert"), "q5 is a likert variable in the stored codebook");
        Files.writeString(dir.resolve("mine.csv"), "variable,code,label_ja\nsex,2,F\nsex,1,M\n", StandardCharsets.UTF_8);
        CliTestSupport.Result o = CliTestSupport.run("crosstab", "--project", project.toString(), "--dataset", SURVEY,
                "--rows", "age_group", "--cols", "sex", "--codebook", dir.resolve("mine.csv").toString());
        assertEquals(0, o.exitCode(), o.err());
        assertEquals(List.of("F", "M", "3"), labels(new ObjectMapper().readTree(o.out()).get("col_labels")));
    }

    @Test
    void codebookCommandShowsSetsInfersAndRemoves() throws IOException {
        CliTestSupport.Result show = CliTestSupport.run("codebook", "--project", project.toString(), "--dataset", SURVEY);
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().startsWith("variable,question,question_en,type,code,label_ja,label_en,missing,members"), show.out());
        assertTrue(show.out().contains("q5,,,,99,無回答,No answer,1,"), show.out());

        // a population table gets a drafted codebook: its sex codes 1 and 2
        String pop = "川崎市人口_区性年代";
        CliTestSupport.Result none = CliTestSupport.run("codebook", "--project", project.toString(), "--dataset", pop);
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("has no stored codebook"), none.err());
        Path out = dir.resolve("draft.csv");
        CliTestSupport.Result infer = CliTestSupport.run("codebook", "--project", project.toString(), "--dataset", pop,
                "--infer", "--out", out.toString());
        assertEquals(0, infer.exitCode(), infer.err());
        String draft = Files.readString(out);
        assertTrue(draft.contains("sex,,single,1,1,,,\nsex,,,2,2,,,"), draft);

        Files.writeString(dir.resolve("bad.csv"), "variable,code,label_ja\nsex,1,男\nsex,1,女\n", StandardCharsets.UTF_8);
        CliTestSupport.Result bad = CliTestSupport.run("codebook", "--project", project.toString(), "--dataset", pop,
                "--set", dir.resolve("bad.csv").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("the variable sex has the code 1 twice"), bad.err());

        CliTestSupport.Result remove = CliTestSupport.run("codebook", "--project", project.toString(), "--dataset", pop, "--remove");
        assertEquals(0, remove.exitCode(), remove.err());
        assertEquals(1, CliTestSupport.run("codebook", "--project", project.toString(), "--dataset", pop).exitCode());
    }
}
