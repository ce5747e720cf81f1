package jp.ebpm.analysis.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.ProjectCodebooks;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;
import jp.ebpm.analysis.task.ProgressListener;

/** Builds the bundled sample project from the repository's sample-data folder (found via the build). */
class SampleProjectIT {

    @TempDir
    Path home;

    private static Path sampleData() {
        return SampleProject.locateSampleData().orElseThrow(() -> new AssertionError(
                "sample-data not found; the build sets -D" + SampleProject.SAMPLE_DATA_PROPERTY));
    }

    @Test
    void everyManifestEntryLandsInTheCatalog() {
        Path dir = SampleProject.ensure(home, ProgressListener.NONE, Cancellation.none());
        List<SampleManifest> manifests = SampleProject.readManifests(sampleData());
        assertFalse(manifests.isEmpty());
        try (Project p = Project.open(dir)) {
            for (SampleManifest m : manifests) {
                for (SampleManifest.Entry e : m.entries()) {
                    DatasetInfo info = p.catalog().get(e.name());
                    assertEquals(e.kind(), info.kind(), e.name());
                    assertTrue(info.rowCount() > 0, e.name());
                    assertEquals(e.license(), info.license(), e.name());
                }
            }
        }
        // the survey's manifest entry names its codebook, which is stored with the dataset
        try (Project p = Project.open(dir)) {
            Codebook cb = ProjectCodebooks.load(p, "市民アンケート2018").orElseThrow();
            Codebook.Variable sex = cb.variable("sex").orElseThrow();
            assertEquals("男性", sex.value("1").orElseThrow().labelJa());
            assertEquals("Female", sex.value("2").orElseThrow().labelEn());
            assertEquals(java.util.Set.of("99"), cb.variable("q5").orElseThrow().missingCodes());
            assertFalse(ProjectCodebooks.load(p, "川崎市人口_区性年代").isPresent());
        }
        // A second call opens the existing copy instead of rebuilding it.
        assertEquals(dir, SampleProject.ensure(home, ProgressListener.NONE, Cancellation.none()));
    }

    @Test
    void cancelledBuildLeavesNoFolder() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        Path target = home.resolve("sample");
        assertThrows(CancelledException.class, () -> SampleProject.build(sampleData(), target, ProgressListener.NONE, cancel));
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(home.resolve("sample.building")));
    }
}
