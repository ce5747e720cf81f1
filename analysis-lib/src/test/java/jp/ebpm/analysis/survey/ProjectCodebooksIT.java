package jp.ebpm.analysis.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;

/** Codebooks stored with a dataset: save, load, replace, validation, drop, and CSV with English questions. */
class ProjectCodebooksIT {

    private static Codebook satisfaction() {
        return new Codebook(List.of(
                new Codebook.Variable("q5", "満足度", VariableType.LIKERT,
                        List.of(new Codebook.Value("5", "満足", "Satisfied"), new Codebook.Value("1", "不満", null),
                                new Codebook.Value("99", "無回答", "No answer")), Set.of("99"), List.of(), "Satisfaction"),
                new Codebook.Variable("mr", "", VariableType.MULTI_BINARY,
                        List.of(new Codebook.Value("1", "a", null), new Codebook.Value("2", "b", null)), Set.of(), List.of("m1", "m2"))));
    }

    private static Project project(Path dir) {
        Project p = Project.create(dir.resolve("p"));
        p.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE s AS SELECT * FROM (VALUES (5, 1, 0), (1, 0, 1), (99, 1, 1)) t(q5, m1, m2)");
            }
            p.catalog().register(c, new DatasetInfo("s", DatasetKind.SURVEY, "s.csv", null, Instant.now(), 3,
                    Catalog.describe(c, "s"), "UTF-8", "", Sensitivity.INTERNAL, "", Map.of()));
            return null;
        });
        return p;
    }

    @Test
    void savedCodebookLoadsBackEqualAndIsReplacedBySaveAgain(@TempDir Path dir) {
        try (Project p = project(dir)) {
            assertEquals(Optional.empty(), ProjectCodebooks.load(p, "s"));
            ProjectCodebooks.save(p, "s", satisfaction());
            assertEquals(satisfaction(), ProjectCodebooks.load(p, "s").orElseThrow());
            Codebook one = new Codebook(List.of(satisfaction().variables().get(0)));
            ProjectCodebooks.save(p, "s", one);
            assertEquals(one, ProjectCodebooks.load(p, "s").orElseThrow());
        }
        // stored in the project file: still there after reopening
        try (Project p = Project.open(dir.resolve("p"))) {
            assertEquals("Satisfaction", ProjectCodebooks.load(p, "s").orElseThrow().variable("q5").orElseThrow().questionEn());
        }
    }

    @Test
    void invalidCodebookIsRefusedAndTheStoredOneStays(@TempDir Path dir) {
        try (Project p = project(dir)) {
            ProjectCodebooks.save(p, "s", satisfaction());
            Codebook dup = satisfaction().with(new Codebook.Variable("q5", "", VariableType.SINGLE,
                    List.of(new Codebook.Value("1", "a", null), new Codebook.Value("1.0", "b", null)), Set.of("98"), List.of()));
            WorkbenchException e = assertThrows(WorkbenchException.class, () -> ProjectCodebooks.save(p, "s", dup));
            assertTrue(e.getMessage().contains("the variable q5 has the code 1.0 twice (values 1 and 2)"), e.getMessage());
            assertTrue(e.getMessage().contains("the missing code 98 of q5 is not one of its values"), e.getMessage());
            assertEquals(satisfaction(), ProjectCodebooks.load(p, "s").orElseThrow());
            assertThrows(WorkbenchException.class, () -> ProjectCodebooks.save(p, "nosuch", satisfaction()));
        }
    }

    @Test
    void problemsNameVariablesColumnsAndMembers() {
        Codebook cb = new Codebook(List.of(
                new Codebook.Variable("q5", "", VariableType.SINGLE, List.of(new Codebook.Value("", "x", null)), Set.of(), List.of()),
                new Codebook.Variable("q5", "", VariableType.SINGLE, List.of(), Set.of(), List.of()),
                new Codebook.Variable("set", "", VariableType.MULTI_BINARY, List.of(), Set.of(), List.of("m1", "m9")),
                new Codebook.Variable("other", "", VariableType.SINGLE, List.of(), Set.of(), List.of())));
        assertEquals(List.of("the variable q5 has a value without a code (value 1)", "the variable q5 is listed twice",
                "the member m9 of set is not a column of the dataset", "the variable other is not a column of the dataset"),
                ProjectCodebooks.problems(cb, List.of("q5", "m1", "m2")));
        assertTrue(ProjectCodebooks.problems(satisfaction(), List.of("q5", "m1", "m2")).isEmpty());
    }

    @Test
    void droppingTheDatasetDropsItsCodebook(@TempDir Path dir) {
        try (Project p = project(dir)) {
            ProjectCodebooks.save(p, "s", satisfaction());
            p.catalog().drop("s");
            assertFalse(ProjectCodebooks.load(p, "s").isPresent());
        }
    }

    @Test
    void inferDraftsFromTheDataset(@TempDir Path dir) {
        try (Project p = project(dir)) {
            Codebook draft = ProjectCodebooks.infer(p, "s");
            assertEquals(List.of("q5", "m1", "m2"), draft.variables().stream().map(Codebook.Variable::name).toList());
            Codebook.Variable q5 = draft.variable("q5").orElseThrow();
            assertEquals(List.of("1", "5", "99"), q5.values().stream().map(Codebook.Value::code).toList());
            assertEquals(Set.of("99"), q5.missingCodes());
            assertFalse(ProjectCodebooks.load(p, "s").isPresent(), "inferring stores nothing");
        }
    }

    @Test
    void csvRoundTripWithEnglishQuestionsAndTheSampleCodebook(@TempDir Path dir) throws Exception {
        CodebookIo.writeCsv(satisfaction(), dir.resolve("cb.csv"));
        String csv = Files.readString(dir.resolve("cb.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("variable,question,question_en,type,code,label_ja,label_en,missing,members"), csv);
        assertEquals(satisfaction(), CodebookIo.read(dir.resolve("cb.csv")));
        // the sample codebook has Japanese questions with English translations: a lossless round trip
        Path sample = jp.ebpm.analysis.sample.SampleProject.locateSampleData().orElseThrow().resolve("survey/codebook.csv");
        Codebook cb = CodebookIo.read(sample);
        assertEquals("性別", cb.variable("sex").orElseThrow().question());
        assertEquals("Sex", cb.variable("sex").orElseThrow().questionEn());
        CodebookIo.writeCsv(cb, dir.resolve("sample.csv"));
        assertEquals(Files.readString(sample), Files.readString(dir.resolve("sample.csv")));
        assertEquals(cb, CodebookIo.read(dir.resolve("sample.csv")));
        // a codebook without English questions keeps the 8 columns of the documented format
        Codebook jaOnly = new Codebook(cb.variables().stream().map(v -> new Codebook.Variable(v.name(), v.question(), v.type(),
                v.values(), v.missingCodes(), v.members())).toList());
        CodebookIo.writeCsv(jaOnly, dir.resolve("ja.csv"));
        assertTrue(Files.readString(dir.resolve("ja.csv")).startsWith("variable,question,type,code,"));
    }
}
