package jp.ebpm.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/** A report spec with a cross-tab item and a live map item, built on the bundled sample project. */
class ReportItemsIT {

    @TempDir
    Path dir;

    @Test
    void crosstabAndLayerMapItemsAreComputedFromTheProject() throws Exception {
        Path projectDir = SampleProject.ensure(dir.resolve("home"), ProgressListener.NONE, Cancellation.none());
        Path specFile = dir.resolve("spec.json");
        Files.writeString(specFile, """
                {"title": "月次報告", "author": "EBPM相談窓口", "items": [
                  {"type": "crosstab", "title": "年代×性別", "dataset": "市民アンケート2018", "rows": "age_group", "cols": "sex",
                   "notes": ["合成データ"]},
                  {"type": "map", "title": "人口メッシュ", "layer": "kawasaki_mesh500_population_synthetic", "value": "population",
                   "classes": 5, "method": "quantile"}
                ]}
                """);
        Path out = dir.resolve("report.xlsx");
        try (Project p = Project.open(projectDir)) {
            ReportBuilder.build(p, ReportSpec.read(specFile), "test", out, ProgressListener.NONE, Cancellation.none());
        }
        try (Workbook wb = jp.ebpm.analysis.export.xlsx.TestWorkbooks.open(out)) {
            Sheet ct = null;
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                Sheet s = wb.getSheetAt(i);
                if (s.getRow(0) != null && s.getRow(0).getCell(0) != null
                        && "年代×性別".equals(s.getRow(0).getCell(0).getStringCellValue())) {
                    ct = s;
                }
            }
            assertNotNull(ct, "cross-tab sheet titled by the item's title");
            // Published table (kawasaki-plan-facts.md): 18～19歳 男性 10, 女性 14; body starts on row 4.
            assertEquals(10.0, ct.getRow(3).getCell(1).getNumericCellValue(), 0.0);
            assertEquals(14.0, ct.getRow(3).getCell(3).getNumericCellValue(), 0.0);
            // labels from the codebook stored with the sample survey (no "codebook" in the spec)
            assertEquals("18～19歳", ct.getRow(3).getCell(0).getStringCellValue());
            assertTrue(ct.getRow(2).getCell(1).getStringCellValue().startsWith("男性"), ct.getRow(2).getCell(1).getStringCellValue());
            boolean picture = false;
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                if (wb.getSheetAt(i) instanceof XSSFSheet xs && xs.getDrawingPatriarch() != null
                        && !xs.getDrawingPatriarch().getShapes().isEmpty() && wb.getSheetName(i).contains("人口メッシュ")) {
                    picture = true;
                }
            }
            assertTrue(picture, "the map sheet holds the rendered image");
        }
    }
}
