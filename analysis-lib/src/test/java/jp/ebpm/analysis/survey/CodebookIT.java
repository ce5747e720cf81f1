package jp.ebpm.analysis.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;

/** Codebooks: CSV round trip, .xlsx import, inference, and their effect on tables (labels, order, missing codes). */
class CodebookIT {

    @Test
    void csvRoundTripKeepsEverything(@TempDir Path dir) {
        Codebook cb = new Codebook(List.of(new Codebook.Variable("q1", "満足度", VariableType.LIKERT,
                List.of(new Codebook.Value("1", "満足", "Satisfied"), new Codebook.Value("2", "不満", null),
                        new Codebook.Value("99", "無回答", "No answer")), Set.of("99"), List.of())));
        CodebookIo.writeCsv(cb, dir.resolve("cb.csv"));
        Codebook back = CodebookIo.read(dir.resolve("cb.csv"));
        assertEquals(cb, back);
    }

    @Test
    void readsXlsx(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cb.xlsx");
        String[][] rows = {{"Variable", "Question", "Type", "Code", "Label_ja", "Label_en", "Missing"},
            {"sex", "性別", "single", "1", "男性", "Male", ""}, {"sex", "", "", "2", "女性", "Female", ""},
            {"sex", "", "", "9", "無回答", "", "yes"}};
        List<List<Object>> cells = new java.util.ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            List<Object> r = new java.util.ArrayList<>();
            for (int j = 0; j < rows[i].length; j++) {
                // codes as numeric cells, as a clerk's sheet has them
                r.add(i > 0 && j == 3 ? (Object) Double.parseDouble(rows[i][j]) : rows[i][j]);
            }
            cells.add(r);
        }
        jp.ebpm.analysis.export.xlsx.XlsxGrid.write(f, "codebook", cells, null);
        Codebook.Variable sex = CodebookIo.read(f).variable("sex").orElseThrow();
        assertEquals(List.of("1", "2", "9"), sex.values().stream().map(Codebook.Value::code).toList());
        assertEquals(Set.of("9"), sex.missingCodes());
        assertEquals("性別", sex.question());
    }

    @Test
    void unknownTypeNamesTheLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "variable,type,code\nq1,ranking,1\n", StandardCharsets.UTF_8);
        WorkbenchException e = org.junit.jupiter.api.Assertions.assertThrows(WorkbenchException.class,
                () -> CodebookIo.read(dir.resolve("bad.csv")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void codebookDrivesLabelsOrderAndMissing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "a,b,mr\n1,x,1;2\n2,x,2\n99,y,\n2,y,3\n1,y,1\n", StandardCharsets.UTF_8);
        try (Project p = Project.create(dir.resolve("p")); Connection c = p.connect()) {
            CsvTable.load(c, dir.resolve("d.csv"), StandardCharsets.UTF_8, "d");
            Codebook draft = CodebookInference.infer(c, "d");
            assertEquals(VariableType.MULTI_DELIMITED, draft.variable("mr").orElseThrow().type());
            assertEquals(Set.of("99"), draft.variable("a").orElseThrow().missingCodes());
            // reverse order and labels by codebook
            Codebook cb = new Codebook(List.of(new Codebook.Variable("a", "", VariableType.SINGLE,
                    List.of(new Codebook.Value("2", "二", null), new Codebook.Value("1", "一", null), new Codebook.Value("99", "無回答", null)),
                    Set.of("99"), List.of())));
            CrossTabSpec spec = CrossTabSpec.of("d", "a", "b").withCodebook(cb).withOptions(true, 0.05, List.of());
            CrossTabResult r = CrossTabEngine.run(c, spec, null, Cancellation.none());
            assertEquals(List.of("二", "一"), r.overall().rows().stream().map(Category::label).toList());
            // by hand: a=2 → x 1, y 1; a=1 → x 1, y 1; 99 is missing (own row, outside the base)
            assertEquals(4.0, r.overall().table().total(), 0.0);
            assertEquals(1, r.overall().missingRows().size());
            assertEquals("無回答", r.overall().missingRows().get(0).label());
            assertEquals(1.0, r.overall().missingRows().get(0).counts()[1], 0.0);
        }
    }
}
