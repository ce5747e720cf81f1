package jp.ebpm.analysis.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;

class KpiRegisterFormatTest {

    static final String HEADER = "id,measure,name,unit,direction,cumulative,baseline_year,baseline_value,target_year,target_value,FY2018,2019年度,令和2年度\n";

    @TempDir
    Path dir;

    static Path sample(Path dir) throws IOException {
        Path p = dir.resolve("kpi-register-sample.csv");
        try (InputStream in = KpiRegisterFormatTest.class.getResourceAsStream("kpi-register-sample.csv")) {
            Files.copy(in, p);
        }
        return p;
    }

    private Path csv(String body, Charset cs) throws IOException {
        Path p = dir.resolve("reg.csv");
        Files.write(p, body.getBytes(cs));
        return p;
    }

    @Test
    void readsThePlanSample() throws IOException {
        KpiRegister r = KpiFiles.read(sample(dir));
        assertEquals(14, r.kpis().size());
        Kpi k03 = r.find("K03").orElseThrow();
        assertEquals(0.0, k03.baselineValue()); // "なし" counts as 0
        assertTrue(k03.cumulative());
        assertEquals(CumulativeInput.YEARLY, k03.cumulativeInput());
        assertEquals(2017, k03.baselineYear()); // 平成29年度
        assertEquals(Direction.DO_NOT_EXCEED, r.find("K12").orElseThrow().direction()); // 上限
        assertEquals(2016, r.find("K12").orElseThrow().baselineYear());
        assertEquals(Direction.MAINTAIN_AT_LEAST, r.find("K09").orElseThrow().direction()); // 維持
        assertFalse(r.find("K06").orElseThrow().actual(2021).isPresent()); // empty cell = missing
        assertEquals(43.2, r.find("K11").orElseThrow().actual(2021).getAsDouble());
        assertEquals(7, r.measures().size());
    }

    @Test
    void readsCp932AndThousandsSeparators() throws IOException {
        Path p = csv(HEADER + "K1,施策1,ダウンロード数,件,増加,いいえ,平成29年度,\"2,858\",令和3年度,\"5,000\",\"3,400\",,3900\n",
                jp.ebpm.analysis.io.TextEncoding.CP932.charset());
        Kpi k = KpiFiles.read(p).kpis().get(0);
        assertEquals("ダウンロード数", k.name());
        assertEquals(2858.0, k.baselineValue());
        assertEquals(3400.0, k.actual(2018).getAsDouble());
        assertFalse(k.actual(2019).isPresent());
        assertEquals(3900.0, k.actual(2020).getAsDouble());
    }

    @Test
    void targetYearBeforeBaselineYearNamesRowAndColumn() throws IOException {
        Path p = csv(HEADER + "K1,m,a,件,increase,no,2021,1,2017,5,,,\n", StandardCharsets.UTF_8);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> KpiFiles.read(p));
        assertEquals("reg.csv", e.file().orElseThrow());
        assertEquals(2L, e.line().orElseThrow());
        assertEquals("target_year", e.column().orElseThrow());
        assertTrue(e.getMessage().contains("before the baseline year"), e.getMessage());
    }

    @Test
    void aTargetAgainstTheDirectionIsRefusedNamingRowAndColumn() throws IOException {
        // issue 16: increase with target 90 below baseline 100 was accepted and graded "achieved" at progress 0.8
        Path p = csv(HEADER + "K1,m,a,件,increase,no,2017,100,2021,90,92,,\n", StandardCharsets.UTF_8);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> KpiFiles.read(p));
        assertEquals(2L, e.line().orElseThrow());
        assertEquals("target_value", e.column().orElseThrow());
        assertTrue(e.getMessage().contains("below the baseline 100"), e.getMessage());
        Path d = csv(HEADER + "K1,m,a,件,減少,no,2017,100,2021,110,,,\n", StandardCharsets.UTF_8);
        WorkbenchException e2 = assertThrows(WorkbenchException.class, () -> KpiFiles.read(d));
        assertTrue(e2.getMessage().contains("above the baseline 100"), e2.getMessage());
        // maintain and ceiling KPIs may have any target; target = baseline is fine for increase and decrease
        Path ok = csv(HEADER + "K1,m,a,件,維持,no,2017,100,2021,90,,,\nK2,m,b,件,上限,no,2017,100,2021,110,,,\n"
                + "K3,m,c,件,増加,no,2017,100,2021,100,,,\nK4,m,d,件,減少,no,2017,100,2021,100,,,\n", StandardCharsets.UTF_8);
        assertEquals(4, KpiFiles.read(ok).kpis().size());
    }

    @Test
    void nonNumericValueNamesRowAndColumn() throws IOException {
        Path p = csv(HEADER + "K1,m,a,件,increase,no,2017,1,2021,5,,,\nK2,m,b,件,increase,no,2017,1,2021,5,12,abc,\n",
                StandardCharsets.UTF_8);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> KpiFiles.read(p));
        assertEquals(3L, e.line().orElseThrow());
        assertEquals("2019年度", e.column().orElseThrow());
        assertTrue(e.getMessage().contains("\"abc\" is not a number"), e.getMessage());
    }

    @Test
    void duplicateIdAndNameAreErrors() throws IOException {
        Path p = csv(HEADER + "K1,m,a,件,increase,no,2017,1,2021,5,,,\nK1,m,b,件,increase,no,2017,1,2021,5,,,\n",
                StandardCharsets.UTF_8);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> KpiFiles.read(p));
        assertEquals("id", e.column().orElseThrow());
        assertTrue(e.getMessage().contains("already used in row 2"), e.getMessage());
        Path q = csv(HEADER + "K1,m,a,件,increase,no,2017,1,2021,5,,,\nK2,m,a,件,increase,no,2017,1,2021,5,,,\n",
                StandardCharsets.UTF_8);
        WorkbenchException e2 = assertThrows(WorkbenchException.class, () -> KpiFiles.read(q));
        assertEquals("name", e2.column().orElseThrow());
    }

    @Test
    void unknownDirectionIsAnError() throws IOException {
        Path p = csv(HEADER + "K1,m,a,件,sideways,no,2017,1,2021,5,,,\n", StandardCharsets.UTF_8);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> KpiFiles.read(p));
        assertEquals("direction", e.column().orElseThrow());
        assertTrue(e.getMessage().contains("Unknown direction \"sideways\""), e.getMessage());
    }

    @Test
    void missingColumnIsAnError() throws IOException {
        Path p = csv("id,name,direction\nK1,a,increase\n", StandardCharsets.UTF_8);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> KpiFiles.read(p));
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
    }

    @Test
    void csvAndXlsxRoundTrip() throws IOException {
        KpiRegister r = KpiFiles.read(sample(dir));
        for (String name : new String[] {"out.csv", "out.xlsx"}) {
            for (YearStyle s : YearStyle.values()) {
                Path out = dir.resolve(s + name);
                KpiFiles.write(out, r, s);
                assertEquals(r, KpiFiles.read(out), name + " " + s);
            }
        }
    }

    @Test
    void formulaLikeTextSurvivesCsvRoundTrip() throws IOException {
        KpiRegister r = KpiFiles.read(csv(HEADER + "K1,m,\"=HYPERLINK(1)\",件,increase,no,2017,1,2021,5,,,\n",
                StandardCharsets.UTF_8));
        Path out = dir.resolve("g.csv");
        KpiFiles.write(out, r, YearStyle.FY);
        assertTrue(Files.readString(out).contains(",'=HYPERLINK(1),"));
        assertEquals("=HYPERLINK(1)", KpiFiles.read(out).kpis().get(0).name());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "2,858|2858", "１３.６%|13.6", "≥ 300|300", "300以上|300", "約105|105", "-5|-5", "1.5e3|1500"})
    void numbersAsClerksWriteThem(String text, double value) {
        assertEquals(value, KpiRegisterFormat.parseNumber(text).orElseThrow());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"abc", "", "12件", "1-2"})
    void nonNumbers(String text) {
        assertTrue(KpiRegisterFormat.parseNumber(text).isEmpty());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "increase, INCREASE", "増加, INCREASE", "Decrease, DECREASE", "減少, DECREASE", "maintain at least, MAINTAIN_AT_LEAST",
        "維持, MAINTAIN_AT_LEAST", "do not exceed, DO_NOT_EXCEED", "do-not-exceed, DO_NOT_EXCEED", "上限, DO_NOT_EXCEED"})
    void directions(String text, Direction d) {
        assertEquals(d, Direction.find(text).orElseThrow());
    }

    @Test
    void xlsxWithTitleRowAndNumericYearHeaders() {
        Path p = dir.resolve("clerk.xlsx");
        jp.ebpm.analysis.export.xlsx.XlsxGrid.write(p, "KPI", java.util.List.of(
                java.util.List.of("令和3年度 KPI"),
                java.util.List.<Object>of("指標名", "方向", "基準年度", "基準値", "目標年度", "目標値", 2018.0, "R1"),
                java.util.Arrays.<Object>asList("件数", "増加", 2017.0, "—", "令和3年度", "≥ 5", 1.0, null)), null);
        KpiRegister r = KpiFiles.read(p);
        Kpi k = r.kpis().get(0);
        assertEquals("K01", k.id());
        assertEquals(0.0, k.baselineValue());
        assertEquals(5.0, k.targetValue());
        assertEquals(1.0, k.actual(2018).getAsDouble());
        assertFalse(k.actual(2019).isPresent());
    }
}
