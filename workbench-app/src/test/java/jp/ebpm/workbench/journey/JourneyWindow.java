package jp.ebpm.workbench.journey;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.app.AnsweredFileDialogs;
import jp.ebpm.workbench.app.EmptySampleProjectProvider;
import jp.ebpm.workbench.app.MainWindow;
import jp.ebpm.workbench.app.settings.SettingsStore;
import jp.ebpm.workbench.app.settings.UiLanguage;
import jp.ebpm.workbench.app.settings.WorkbenchHome;
import jp.ebpm.workbench.app.settings.WorkbenchSettings;

/**
 * The real main window of a journey (English UI, 1280 × 800) on a fresh copy of the sample project built from the
 * bundled sample-data into a temporary folder, with file dialogs answered by the test ({@link AnsweredFileDialogs}).
 * Every step of a journey goes through this window: tab clicks, buttons, dialogs.
 */
final class JourneyWindow {

    final Path home;
    final Path projectDir;
    final AnsweredFileDialogs dialogs = new AnsweredFileDialogs();
    final MainWindow window;
    private final FxRobot robot;

    private JourneyWindow(FxRobot robot, Stage stage, Path temp) throws Exception {
        this.robot = robot;
        this.home = temp.resolve("home");
        // a fresh copy of the sample project, as the first start builds it (sample-data is never modified)
        this.projectDir = SampleProject.ensure(home, ProgressListener.NONE, Cancellation.none());
        SettingsStore store = new SettingsStore(new WorkbenchHome(home));
        store.save(new WorkbenchSettings(UiLanguage.ENGLISH, List.of()));
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = new MainWindow(stage, store, new EmptySampleProjectProvider(), dialogs);
            w[0].show(projectDir);
        });
        this.window = w[0];
        waitFor(60, () -> window.session().project().get() != null);
    }

    static JourneyWindow open(FxRobot robot, Stage stage, Path temp) throws Exception {
        return new JourneyWindow(robot, stage, temp);
    }

    Project project() {
        return window.session().project().get();
    }

    /** Clicks a tab of the main window by its title. */
    void tab(String title) throws Exception {
        Node header = robot.lookup(".tab-pane > .tab-header-area .tab-label")
                .match((Labeled l) -> title.equals(l.getText())).query();
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks a button (by id) that must be enabled. */
    void click(String id) throws Exception {
        ButtonBase b = robot.lookup(id).queryAs(ButtonBase.class);
        waitFor(30, () -> !b.isDisabled() && b.isVisible());
        robot.clickOn(b);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The stage whose title contains the text (a dialog of the window). */
    static Stage stage(String titlePart) throws Exception {
        waitFor(20, () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.isShowing() && s.getTitle() != null && s.getTitle().contains(titlePart)));
        return (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && s.getTitle() != null && s.getTitle().contains(titlePart))
                .findFirst().orElseThrow();
    }

    /** The texts of the alert dialogs on screen (an error the window showed instead of going on). */
    static List<String> dialogTexts() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(sc -> sc != null && sc.getRoot() instanceof javafx.scene.control.DialogPane)
                .map(sc -> (javafx.scene.control.DialogPane) sc.getRoot())
                .map(d -> d.getHeaderText() + ": " + d.getContentText()).toList();
    }

    void close() {
        robot.interact(() -> ((Stage) window.context().owner()).close());
    }

    /** Waits for a condition (FX events first), failing with the errors the window would have shown. */
    static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s; dialogs shown: " + dialogTexts(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
