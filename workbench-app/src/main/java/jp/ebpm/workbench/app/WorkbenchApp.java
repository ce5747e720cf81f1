package jp.ebpm.workbench.app;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import jp.ebpm.workbench.app.settings.SettingsStore;
import jp.ebpm.workbench.app.settings.WorkbenchHome;

/**
 * The JavaFX application: reads the workbench folder ({@code workbench.home}) and the optional start
 * project ({@code workbench.project}), shows the {@link StartupSplash} at once, then builds and opens the
 * main window; the splash follows the opening of the start project (the sample project on the first start).
 * {@code -Dworkbench.startupProbe=print|exit} times these steps ({@link StartupProbe}).
 */
public final class WorkbenchApp extends Application {

    @Override
    public void start(Stage stage) {
        StartupProbe probe = StartupProbe.fromSystem();
        probe.mark("toolkit-started");
        SettingsStore store = new SettingsStore(WorkbenchHome.fromSystem());
        Bundles text = new Bundles(store.load().language().locale());
        probe.mark("settings-read");
        Theme theme = Theme.detect();
        probe.mark("fonts-listed");
        StartupSplash splash = new StartupSplash(text, theme);
        splash.show();
        probe.mark("splash-shown");
        splash.afterFirstFrame(() -> {
            MainWindow main;
            try {
                main = new MainWindow(stage, store, new BundledSampleProjectProvider());
                String project = System.getProperty(ProjectSession.PROJECT_PROPERTY);
                main.show(project == null || project.isBlank() ? null : Path.of(project));
            } catch (RuntimeException | Error e) {
                splash.close();   // the last window closes, so the toolkit exits instead of hanging
                throw e;
            }
            probe.mark("main-window-shown");
            splash.follow(main.runner(), main.session().project(), () -> {
                probe.mark(main.session().project().get() == null ? "start-project-failed" : "start-project-open");
                if (probe.exitWhenReady()) {
                    Platform.runLater(stage::hide);
                }
            });
        });
    }
}
