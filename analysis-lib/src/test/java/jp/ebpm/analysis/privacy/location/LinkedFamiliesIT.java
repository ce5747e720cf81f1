package jp.ebpm.analysis.privacy.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The linked check for mesh population, where the persons count itself is additive: a 1 km mesh is the sum of its
 * 500 m meshes. (Dwell time is covered by {@code LinkedReleaseSqlPropertiesTest}.)
 */
class LinkedFamiliesIT {

    private static final char[] PASS = "linked families passphrase".toCharArray();

    /**
     * Mesh 53392536 at 08:00 holds 120 + 30 + 4 people in three 500 m meshes. The 500 m table alone hides the 4
     * and, to protect it, the 12 of the next 1 km mesh (and their 09:00 cells): 120 and 30 stay published. The 1 km
     * table must then not publish 154, or 154 − 120 − 30 = 4.
     */
    @Test
    void oneKilometreMeshIsNotTheSumOfPublishedHalfMeshesAroundASmallOne(@TempDir Path dir) throws IOException {
        Path csv = PrivacyTestData.write(dir.resolve("mesh.csv"), List.of("mesh_code,date,hour,population",
                "533925361,2026-04-06,8,120", "533925362,2026-04-06,8,30", "533925363,2026-04-06,8,4",
                "533925371,2026-04-06,8,12", "533925372,2026-04-06,8,210", "533925373,2026-04-06,8,190",
                "533925361,2026-04-06,9,110", "533925362,2026-04-06,9,140", "533925363,2026-04-06,9,50",
                "533925371,2026-04-06,9,100", "533925372,2026-04-06,9,45", "533925373,2026-04-06,9,90"));
        try (Project p = Project.create(dir.resolve("project")); UnlockedVault v = UnlockedVault.openOrCreate(p, PASS)) {
            MeshPopulationImporter.importFile(v, csv, LocationImportOptions.detect("mp", LocationImportOptions.Kind.MESH_POPULATION),
                    (m, a, b) -> { }, Cancellation.none());
            LocationService s = new LocationService(v);
            LocationService.Result half = s.aggregate("mp", AreaLevel.MESH4, null, TimeBand.HOUR, 10, 1, Cancellation.none());
            s.recordView(half);
            LocationService.Result km = s.aggregate("mp", AreaLevel.MESH3, null, TimeBand.HOUR, 10, 1, Cancellation.none());
            s.recordView(km);
            Map<String, Long> halves = new HashMap<>();
            half.table().cells().forEach(c -> halves.put(c.row() + "@" + c.col(), c.persons()));
            assertEquals(null, halves.get("533925363@8"), "4 people: suppressed");
            assertEquals(120L, halves.get("533925361@8"));
            assertEquals(30L, halves.get("533925362@8"));
            ProtectedTable.Cell big = km.table().cells().stream().filter(c -> c.row().equals("53392536") && c.col().equals("8"))
                    .findFirst().orElseThrow();
            int publishedSiblings = (halves.get("533925361@8") != null ? 1 : 0) + (halves.get("533925362@8") != null ? 1 : 0);
            assertTrue(big.suppressed() || publishedSiblings < 2, "154 − 120 − 30 would give the 4");
        }
    }
}
