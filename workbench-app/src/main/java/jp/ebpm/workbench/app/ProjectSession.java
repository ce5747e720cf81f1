package jp.ebpm.workbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.settings.SettingsStore;
import jp.ebpm.workbench.app.settings.WorkbenchSettings;

/**
 * The open project of a main window and the remembered settings. Opening and creating run as tasks;
 * the new project replaces the old one only once it is open, and lands on top of the recent list.
 * The recent list is saved before a newly opened project is published.
 * On start it opens, in this order: the folder given by {@code workbench.project}, the most recent
 * project that still exists, or the sample project.
 */
public final class ProjectSession {

    /** System property naming a project folder to open at start (screenshots, tests). */
    public static final String PROJECT_PROPERTY = "workbench.project";

    private static final Logger LOG = LoggerFactory.getLogger(ProjectSession.class);

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final SettingsStore store;
    private final TaskRunner tasks;
    private final SampleProjectProvider sample;
    private final Bundles text;
    private WorkbenchSettings settings;

    public ProjectSession(SettingsStore store, TaskRunner tasks, SampleProjectProvider sample, Bundles text) {
        this.store = store;
        this.tasks = tasks;
        this.sample = sample;
        this.text = text;
        this.settings = store.load();
    }

    public ReadOnlyObjectProperty<Project> project() {
        return project.getReadOnlyProperty();
    }

    public WorkbenchSettings settings() {
        return settings;
    }

    /** Stores changed settings (language); the file is tiny, so this writes at once. */
    public void updateSettings(WorkbenchSettings changed) {
        settings = changed;
        save();
    }

    /** Opens the start project (see the class comment). */
    public void startup(Path explicit) {
        if (explicit != null) {
            openOrCreate(explicit);
            return;
        }
        for (Path recent : settings.recentProjects()) {
            if (Files.isRegularFile(recent.resolve(Project.DB_FILE))) {
                open(recent);
                return;
            }
        }
        openSample();
    }

    /** Opens an existing project. */
    public void open(Path dir) {
        tasks.run(text.text("project.task.open", dir.getFileName()), (p, c) -> Project.open(dir), this::switchTo);
    }

    /** Creates a project in an empty folder. */
    public void create(Path dir) {
        tasks.run(text.text("project.task.create", dir.getFileName()), (p, c) -> Project.create(dir), this::switchTo);
    }

    /** Opens the project in a folder, creating it when the folder holds none. */
    public void openOrCreate(Path dir) {
        tasks.run(text.text("project.task.open", dir.getFileName()), (p, c) -> Project.openOrCreate(dir),
                this::switchTo);
    }

    /** Opens the sample project, creating it first when needed. */
    public void openSample() {
        Path home = store.home().directory();
        tasks.run(text.text("project.task.sample"),
                (p, c) -> Project.open(sample.ensureSampleProject(home, p, c)), this::switchTo);
    }

    /** Closes the open project (nothing is open afterwards). */
    public void close() {
        Project old = project.get();
        project.set(null);
        if (old != null) {
            old.close();
        }
    }

    private void switchTo(Project opened) {
        // Saved before the project is published: whoever sees the new project (a listener, a test reading the
        // settings file, the user quitting at once) finds it already on top of the saved recent list.
        settings = settings.withRecent(opened.directory());
        save();
        Project old = project.get();
        project.set(opened);
        if (old != null) {
            old.close();
        }
    }

    private void save() {
        try {
            store.save(settings);
        } catch (IOException e) {
            // Losing the recent list is an inconvenience, not a reason to interrupt the user.
            LOG.warn("Cannot save the settings: {}", e.getMessage());
        }
    }
}
