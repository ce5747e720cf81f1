package jp.ebpm.workbench.app;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;

/** Builds small test projects: each dataset is made with SQL and registered in the same transaction. */
public final class TestProjects {

    private TestProjects() {
    }

    /** Creates table {@code name} from {@code select} and registers it in the catalog. */
    public static void addDataset(Project project, String name, String select, DatasetKind kind, Sensitivity sensitivity) {
        project.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE \"" + name + "\" AS " + select);
            }
            long rows = Catalog.countRows(c, name);
            project.catalog().register(c, new DatasetInfo(name, kind, name + ".csv", null, Instant.now(), rows,
                    Catalog.describe(c, name), "utf-8", "test data", sensitivity, "", Map.of()));
            return null;
        });
    }

    /** A project with the dataset {@code 区別人口} (2 rows: 川崎区 232000, 幸区 171000). */
    public static Path wardProject(Path dir) {
        try (Project p = Project.create(dir)) {
            addDataset(p, "区別人口", "SELECT * FROM (VALUES ('川崎区', 232000), ('幸区', 171000)) t(区名, 人口)",
                    DatasetKind.STATISTICS, Sensitivity.OPEN);
        }
        return dir;
    }

    /**
     * Builds the sample project from the survey folder of sample-data only (survey with its codebook, and the
     * population table) into {@code dir/project}; returns its folder.
     */
    public static Path surveySample(Path dir) throws java.io.IOException {
        Path data = jp.ebpm.analysis.sample.SampleProject.locateSampleData().orElseThrow();
        Path copy = dir.resolve("data/survey");
        java.nio.file.Files.createDirectories(copy);
        for (String f : java.util.List.of("manifest.json", "respondents.csv", "codebook.csv", "population.csv")) {
            java.nio.file.Files.copy(data.resolve("survey").resolve(f), copy.resolve(f));
        }
        return jp.ebpm.analysis.sample.SampleProject.build(dir.resolve("data"), dir.resolve("project"),
                jp.ebpm.analysis.task.ProgressListener.NONE, jp.ebpm.analysis.task.Cancellation.none());
    }
}
