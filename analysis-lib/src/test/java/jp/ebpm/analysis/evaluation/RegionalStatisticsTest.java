package jp.ebpm.analysis.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.ImportOptions;
import jp.ebpm.analysis.io.Importer;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/** Location quotients and population pyramids on small tables whose expected values are worked out by hand. */
class RegionalStatisticsTest {

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

    private void load(String name, String csv) throws Exception {
        Path f = dir.resolve(name + ".csv");
        Files.writeString(f, csv);
        Importer.importFile(project, f, ImportOptions.defaults().withName(name), ProgressListener.NONE, Cancellation.none());
    }

    @Test
    void locationQuotientsAgainstTheCityAndAReferenceRow() throws Exception {
        load("emp", "区,産業,従業者数\nA,製造業,30\nA,小売業,70\nB,製造業,60\nB,小売業,40\n全国,製造業,500\n全国,小売業,500\n");
        // reference row 全国: shares 0.5/0.5; A: 30/100 = .3 → .3/.5 = 0.6, .7/.5 = 1.4; B: 1.2, 0.8
        LocationQuotient.Result nat = LocationQuotient.compute(project,
                new LocationQuotient.Spec("emp", "区", "産業", "従業者数", "全国", null));
        assertEquals(List.of("A", "B"), nat.areas());
        assertEquals(List.of("製造業", "小売業"), nat.industries());
        assertEquals(0.6, nat.lq("A", "製造業"), 1e-12);
        assertEquals(1.4, nat.lq("A", "小売業"), 1e-12);
        assertEquals(1.2, nat.lq("B", "製造業"), 1e-12);
        assertEquals(0.8, nat.lq("B", "小売業"), 1e-12);
        load("emp2", "区,産業,従業者数\nA,製造業,30\nA,小売業,70\nB,製造業,60\nB,小売業,40\n");
        // city = A + B: 90/200 = 0.45, 110/200 = 0.55; A: .3/.45 = 2/3, .7/.55 = 14/11; B: .6/.45 = 4/3, .4/.55 = 8/11
        LocationQuotient.Result city = LocationQuotient.compute(project,
                new LocationQuotient.Spec("emp2", "区", "産業", "従業者数", null, null));
        assertEquals(2.0 / 3, city.lq("A", "製造業"), 1e-12);
        assertEquals(14.0 / 11, city.lq("A", "小売業"), 1e-12);
        assertEquals(4.0 / 3, city.lq("B", "製造業"), 1e-12);
        assertEquals(8.0 / 11, city.lq("B", "小売業"), 1e-12);
        // a separate reference dataset (prefecture): 製造業 300, 小売業 100 → 0.75/0.25; A: .3/.75 = 0.4
        load("pref", "産業,従業者数\n製造業,300\n小売業,100\n");
        LocationQuotient.Result pref = LocationQuotient.compute(project,
                new LocationQuotient.Spec("emp2", "区", "産業", "従業者数", null, "pref"));
        assertEquals(0.4, pref.lq("A", "製造業"), 1e-12);
        assertEquals(2.8, pref.lq("A", "小売業"), 1e-12);
        WorkbenchException missing = assertThrows(WorkbenchException.class, () -> LocationQuotient.compute(project,
                new LocationQuotient.Spec("emp2", "区", "産業", "従業者数", "神奈川県", null)));
        assertTrue(missing.getMessage().contains("神奈川県"));
    }

    @Test
    void pyramidRatiosByHand() throws Exception {
        StringBuilder csv = new StringBuilder("area,year,sex,age,pop\n");
        for (String year : List.of("2015", "2020")) {
            for (String sex : List.of("男", "女")) {
                for (int a = 0; a <= 85; a += 5) {
                    String label = a == 85 ? "85歳以上" : a + "～" + (a + 4) + "歳";
                    // 2015: 10 in every group; 2020: 10, except 65+ groups 20
                    int v = year.equals("2020") && a >= 65 ? 20 : 10;
                    csv.append("幸区,").append(year).append(',').append(sex).append(',').append(label).append(',').append(v).append('\n');
                    csv.append("中原区,").append(year).append(',').append(sex).append(',').append(label).append(",1000\n");
                }
                csv.append("幸区,").append(year).append(',').append(sex).append(",総数,999999\n");
            }
        }
        load("pop", csv.toString());
        List<PopulationStructure> p = Pyramid.of(project, new Pyramid.Spec("pop", "age", "sex", "pop", "area", "幸区", "year",
                List.of("2015", "2020")));
        assertEquals(2, p.size());
        PopulationStructure y15 = p.get(0);
        assertEquals(18, y15.groups().size());
        assertEquals("85+", y15.labels().get(17));
        // 2015: 18 groups × 2 sexes × 10 = 360; 0-14: 60; 15-64: 200; 65+: 100
        assertEquals(360, y15.total(), 1e-12);
        assertEquals(100.0 / 360, y15.agingRatio(), 1e-12);
        assertEquals(30, y15.youngDependency(), 1e-12);
        assertEquals(50, y15.oldDependency(), 1e-12);
        assertEquals(80, y15.totalDependency(), 1e-12);
        assertEquals(100.0 / 60 * 100, y15.agingIndex(), 1e-12);
        // 2020: 65+ = 5 groups × 2 × 20 = 200; total 460; aging 200/460; old dependency 100
        PopulationStructure y20 = p.get(1);
        assertEquals(200.0 / 460, y20.agingRatio(), 1e-12);
        assertEquals(100, y20.oldDependency(), 1e-12);
        assertEquals(20, y20.male()[17], 1e-12);
    }

    @Test
    void pyramidRejectsGroupsThatAreNotFiveYears() throws Exception {
        load("bad", "sex,age,pop\n男,0-9,5\n男,10-19,5\n女,0-9,5\n");
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> Pyramid.of(project,
                new Pyramid.Spec("bad", "age", "sex", "pop", null, null, null, List.of())));
        assertTrue(e.getMessage().contains("5-year groups"), e.getMessage());
    }
}
