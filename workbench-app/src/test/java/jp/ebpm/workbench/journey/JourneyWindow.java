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
        javafx.scene.control.TabPane main = robot.lookup(".tab-pane").match((javafx.scene.control.TabPane p) -> p.getTabs().stream()
                .anyMatch(t -> "dataTab".equals(t.getId()))).query();
        Node header = robot.from(main).lookup(".tab-label").match((Labeled l) -> title.equals(l.getText())
                && owner(l) == main).query();
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the titled pane (a folded section of a side panel) that holds the control with this id, by its title. */
    void unfold(String id) throws Exception {
        Node n = robot.lookup(id).query();
        Node p = n.getParent();
        while (p != null && !(p instanceof javafx.scene.control.TitledPane)) {
            p = p.getParent();
        }
        javafx.scene.control.TitledPane pane = (javafx.scene.control.TitledPane) p;
        if (pane == null || pane.isExpanded()) {
            return;
        }
        Node title = pane.lookup(".title");
        for (int i = 0; i < 20 && !onScreen(title); i++) {
            reveal(title);
            Thread.sleep(50);
        }
        robot.clickOn(title);
        waitFor(10, pane::isExpanded);
        Thread.sleep(400); // the unfolding animation
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether the node lies inside its scroll pane's viewport (or has none). */
    static boolean onScreen(Node n) {
        Node p = n.getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        if (!(p instanceof javafx.scene.control.ScrollPane sp)) {
            return true;
        }
        javafx.geometry.Bounds node = n.localToScene(n.getBoundsInLocal());
        javafx.geometry.Bounds view = sp.localToScene(sp.getLayoutBounds());
        return node.getMinY() >= view.getMinY() && node.getMaxY() <= view.getMaxY();
    }

    /** Scrolls the scroll pane around a node (the Map tab's side panel) so that the node is on screen, as a user would. */
    void reveal(Node n) {
        robot.interact(() -> {
            Node p = n.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                javafx.geometry.Bounds in = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                double extra = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                if (extra > 0) {
                    sp.setVvalue(Math.max(0, Math.min(1, (in.getMinY() - 20) / extra)));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The tab pane a tab header belongs to (the nearest one above it). */
    private static javafx.scene.control.TabPane owner(Node n) {
        Node p = n.getParent();
        while (p != null && !(p instanceof javafx.scene.control.TabPane)) {
            p = p.getParent();
        }
        return (javafx.scene.control.TabPane) p;
    }

    /** Clicks a button (by id) that must be enabled. */
    void click(String id) throws Exception {
        ButtonBase b = robot.lookup(id).queryAs(ButtonBase.class);
        waitFor(30, () -> !b.isDisabled() && b.isVisible());
        for (int i = 0; i < 20 && !onScreen(b); i++) {
            reveal(b); // a titled pane that was just opened is still growing
            Thread.sleep(100);
        }
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
