package jp.ebpm.analysis.sample;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Builds the bundled sample project from the files in {@code sample-data/}: every sub-folder with a
 * {@code manifest.json} lists datasets that are imported through the same APIs a user would use. The
 * bundled files are only read, never modified; the project is built in a new folder and moved into place
 * only when complete.
 *
 * @since 0.1
 */
public final class SampleProject {

    /** System property naming the sample-data folder explicitly. */
    public static final String SAMPLE_DATA_PROPERTY = "workbench.sampleData";
    /** Folder name of the sample project inside the workbench home. */
    public static final String FOLDER = "sample-project";

    private SampleProject() {
    }

    /**
     * Finds the bundled {@code sample-data} folder: the system property {@value #SAMPLE_DATA_PROPERTY}, then
     * {@code sample-data} in the working directory, then next to or two levels above the running jar
     * (repository layout {@code workbench-app/target/workbench.jar}; installer layout {@code app/sample-data}).
     */
    public static Optional<Path> locateSampleData() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty(SAMPLE_DATA_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("sample-data"));
        try {
            Path code = Path.of(SampleProject.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(code) ? code : code.getParent();
            for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
                candidates.add(dir.resolve("sample-data"));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): only the explicit and working-directory candidates
        }
        return candidates.stream().filter(p -> Files.isDirectory(p) && hasManifest(p))
                .map(Path::toAbsolutePath).map(Path::normalize).findFirst();
    }

    private static boolean hasManifest(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> Files.isRegularFile(p.resolve("manifest.json")));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns the sample project in {@code workbenchHome}, building it first when it does not exist yet.
     */
    public static Path ensure(Path workbenchHome, ProgressListener progress, Cancellation cancel) {
        Path target = workbenchHome.resolve(FOLDER);
        if (Files.isRegularFile(target.resolve(Project.DB_FILE))) {
            return target;
        }
        Path data = locateSampleData().orElseThrow(() -> new WorkbenchException(
                "The bundled sample-data folder was not found. Start the workbench from the repository folder"
                        + " or set -D" + SAMPLE_DATA_PROPERTY + "=<folder>."));
        return build(data, target, progress, cancel);
    }

    /**
     * Builds a fresh sample project from a sample-data folder into {@code target} (which must not exist).
     *
     * @return {@code target}
     */
    public static Path build(Path sampleData, Path target, ProgressListener progress, Cancellation cancel) {
        if (Files.exists(target)) {
            throw new WorkbenchException("The folder " + target.getFileName() + " already exists.");
        }
        List<SampleManifest> manifests = readManifests(sampleData);
        int total = manifests.stream().mapToInt(m -> m.entries().size()).sum();
        Path building = target.resolveSibling(target.getFileName() + ".building");
        deleteQuietly(building);
        try {
            try (Project project = Project.create(building)) {
                int done = 0;
                for (SampleManifest m : manifests) {
                    for (SampleManifest.Entry e : m.entries()) {
                        cancel.check();
                        progress.progress("Loading sample dataset " + e.name(), done, total);
                        SampleLoaders.load(project, e, cancel);
                        done++;
                    }
                }
                progress.progress("Sample project ready", total, total);
            }
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            deleteQuietly(building);
            throw new WorkbenchException("Cannot create the sample project: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(building);
            throw e;
        }
    }

    static List<SampleManifest> readManifests(Path sampleData) {
        try (Stream<Path> s = Files.list(sampleData)) {
            return s.map(p -> p.resolve("manifest.json")).filter(Files::isRegularFile).sorted()
                    .map(SampleManifest::read).toList();
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read the sample-data folder: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort clean-up of a half-built folder
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
