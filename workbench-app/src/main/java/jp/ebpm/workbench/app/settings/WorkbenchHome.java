package jp.ebpm.workbench.app.settings;

import java.nio.file.Path;

/**
 * The user's workbench folder, {@code ~/EBPM-Workbench/}: it holds the settings file and the copy of the
 * sample project. Tests and screenshots point it elsewhere with the system property {@code workbench.home}.
 */
public final class WorkbenchHome {

    /** System property overriding the folder. */
    public static final String PROPERTY = "workbench.home";
    /** Name of the folder inside the user's home directory. */
    public static final String FOLDER = "EBPM-Workbench";

    private final Path directory;

    public WorkbenchHome(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** The folder named by {@code workbench.home}, else {@code ~/EBPM-Workbench}. */
    public static WorkbenchHome fromSystem() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return new WorkbenchHome(Path.of(override));
        }
        return new WorkbenchHome(Path.of(System.getProperty("user.home"), FOLDER));
    }

    public Path directory() {
        return directory;
    }

    /** The settings file (JSON, UTF-8). */
    public Path settingsFile() {
        return directory.resolve("settings.json");
    }
}
