package jp.ebpm.workbench.app;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.stage.Stage;

import jp.ebpm.workbench.app.settings.SettingsStore;
import jp.ebpm.workbench.app.settings.WorkbenchHome;

/**
 * The JavaFX application: reads the workbench folder ({@code workbench.home}) and the optional start
 * project ({@code workbench.project}), and opens the main window.
 */
public final class WorkbenchApp extends Application {

    @Override
    public void start(Stage stage) {
        SettingsStore store = new SettingsStore(WorkbenchHome.fromSystem());
        String project = System.getProperty(ProjectSession.PROJECT_PROPERTY);
        new MainWindow(stage, store, new BundledSampleProjectProvider())
                .show(project == null || project.isBlank() ? null : Path.of(project));
    }
}
