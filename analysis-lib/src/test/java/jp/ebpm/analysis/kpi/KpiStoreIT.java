package jp.ebpm.analysis.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;

class KpiStoreIT {

    @TempDir
    Path dir;

    @Test
    void registerRoundTripsThroughAProjectDataset() throws IOException {
        KpiRegister r = KpiFiles.read(KpiRegisterFormatTest.sample(dir));
        Path p = dir.resolve("proj");
        try (Project project = Project.create(p)) {
            KpiStore.save(project, "KPI登録簿", r, "kpi-register-sample.csv", "ab", "sample");
            assertEquals(DatasetKind.KPI, project.catalog().get("KPI登録簿").kind());
            assertEquals(14, project.catalog().get("KPI登録簿").rowCount());
            // replacing the same KPI dataset works (edited actuals)
            KpiRegister edited = r.with(r.find("K06").orElseThrow().withActual(2021, 170000.0));
            KpiStore.save(project, "KPI登録簿", edited, "kpi-register-sample.csv", "ab", "sample");
            new GradingTable(java.util.List.of(new GradingTable.Band("◎", 1.0)), "△", "－", "※").saveTo(project);
        }
        try (Project project = Project.open(p)) {
            KpiRegister back = KpiStore.load(project, "KPI登録簿");
            assertEquals(14, back.kpis().size());
            assertEquals(170000.0, back.find("K06").orElseThrow().actual(2021).getAsDouble());
            assertEquals(r.find("K03"), back.find("K03"));
            assertEquals(java.util.List.of("KPI登録簿"), KpiStore.datasets(project));
            assertEquals("◎", GradingTable.of(project).grade(KpiStatus.ACHIEVED, 1.0, false));
            // SQL sees the actual columns
            assertEquals(305.0, ((Number) project.query("SELECT FY2021 FROM \"KPI登録簿\" WHERE \"指標ID\" = 'K01'", 1,
                    jp.ebpm.analysis.task.Cancellation.none()).get(0, 0)).doubleValue());
            project.execute("CREATE TABLE other AS SELECT 1 AS x");
            assertThrows(WorkbenchException.class, () -> KpiStore.load(project, "nope"));
        }
    }
}
