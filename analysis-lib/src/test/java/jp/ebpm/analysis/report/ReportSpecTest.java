package jp.ebpm.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.kpi.YearStyle;

class ReportSpecTest {

    @TempDir
    Path dir;

    private Path spec(String json) throws IOException {
        return Files.writeString(dir.resolve("spec.json"), json);
    }

    @Test
    void readsItemsAndResolvesPathsAgainstTheSpecFolder() throws IOException {
        ReportSpec s = ReportSpec.read(spec("""
                {"title":"T","fiscalYear":"R3","yearStyle":"fy","items":[
                 {"type":"kpi","register":"k.xlsx"},{"type":"crosstab","sql":"SELECT 1","suppression":"k=10"},
                 {"type":"map","png":"m/x.png"}]}"""));
        assertEquals("T", s.title());
        assertEquals(2021, s.fiscalYear());
        assertEquals(YearStyle.FY, s.yearStyle());
        assertNull(s.grading());
        assertEquals(dir.resolve("k.xlsx").toAbsolutePath(), s.items().get(0).file());
        assertEquals(ReportSpec.ItemType.TABLE, s.items().get(1).type());
        assertEquals("k=10", s.items().get(1).suppression());
        assertEquals(dir.resolve("m/x.png").toAbsolutePath(), s.items().get(2).file());
    }

    @Test
    void errorsNameTheItem() throws IOException {
        Path p = spec("{\"items\":[{\"type\":\"kpi\",\"register\":\"a.csv\"},{\"type\":\"table\"}]}");
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> ReportSpec.read(p));
        assertEquals("items[2]", e.column().orElseThrow());
        assertTrue(e.getMessage().contains("needs \"dataset\" or \"sql\""), e.getMessage());
        Path q = spec("{\"items\":[{\"type\":\"pie\"}]}");
        assertTrue(assertThrows(WorkbenchException.class, () -> ReportSpec.read(q)).getMessage().contains("unknown \"type\""));
        Path r = spec("{\"items\":[]}");
        assertThrows(WorkbenchException.class, () -> ReportSpec.read(r));
        Path bad = spec("{\"items\":");
        assertEquals("spec.json", assertThrows(WorkbenchException.class, () -> ReportSpec.read(bad)).file().orElseThrow());
    }
}
