package jp.ebpm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.app.settings.SettingsStore;
import jp.ebpm.workbench.app.settings.UiLanguage;
import jp.ebpm.workbench.app.settings.WorkbenchHome;
import jp.ebpm.workbench.app.settings.WorkbenchSettings;

/**
 * Issue 11 "the app at 1280×800": the main window at its default size (1280×800) on the sample project, in English
 * and Japanese; every tab is shown (the Cross-tab tab with a computed table, the Map tab with its map, the KPI tab
 * with its register, the Location tab, each Evaluation sub-tab with a result) and no label, button, check box, tab title or choice box of it may be clipped
 * to "…". Cells of tables and lists are not checked (their columns can be widened). Each tab is also saved as a PNG
 * under {@code target/screenshots} for a look.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WindowAt1280Test {

    @TempDir
    static Path temp;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        if (window != null) {
            robot.interact(() -> window.stage().close());
        }
    }

    @ParameterizedTest
    @EnumSource(value = UiLanguage.class, names = {"ENGLISH", "JAPANESE"})
    void everyTabIsReadableAt1280x800(UiLanguage language, FxRobot robot) throws Exception {
        WorkbenchHome home = new WorkbenchHome(temp.resolve("home-" + language));
        SettingsStore store = new SettingsStore(home);
        store.save(new WorkbenchSettings(language, List.of()));
        SampleProjectProvider sample = (dir, progress, cancel) -> SampleProject.ensure(dir, ProgressListener.NONE, Cancellation.none());
        robot.interact(() -> {
            window = new MainWindow(stage, store, sample);
            window.show(null);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.session().project().get() != null);
        assertEquals(1280, stage.getScene().getWidth(), 1);
        assertEquals(800, stage.getScene().getHeight(), 1);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            Tab tab = tabs.getTabs().get(i);
            int index = i;
            robot.interact(() -> window.selectTab(index));
            prepare(robot, tab);
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(300);
            WaitForAsyncUtils.waitForFxEvents();
            snapshot(robot, language.name().toLowerCase(Locale.ROOT) + "-" + index + "-" + (tab.getId() == null ? "tab" : tab.getId()));
            for (String t : truncated(stage.getScene().getRoot())) {
                problems.add(tab.getText() + ": " + t);
            }
            if ("feature-evaluation".equals(tab.getId())) {
                evaluationSubTabs(robot, language.name().toLowerCase(Locale.ROOT) + "-" + index + "-" + tab.getId(), problems);
            }
        }
        assertTrue(problems.isEmpty(), "clipped to …: " + String.join("; ", problems));
    }

    /** Shows each tab with content: a cross-tab table, the map, the KPI register. */
    @SuppressWarnings("unchecked")
    private static void prepare(FxRobot robot, Tab tab) throws Exception {
        String id = tab.getId() == null ? "" : tab.getId();
        if (id.equals("feature-survey")) {
            ComboBox<String> ds = robot.lookup("#dataset").queryAs(ComboBox.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ds.getValue() != null && !robot.lookup("#rows").queryAs(ComboBox.class)
                    .getItems().isEmpty());
            robot.interact(() -> {
                robot.lookup("#rows").queryAs(ComboBox.class).setValue("q5");
                robot.lookup("#cols").queryAs(ComboBox.class).setValue("ward");
            });
            robot.interact(() -> robot.lookup("#run").queryButton().fire());
            TableView<?> t = robot.lookup("#result").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !t.getItems().isEmpty());
        } else if (id.equals("feature-map")) {
            ListView<String> layers = robot.lookup("#map-layers").queryAs(ListView.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());
            Thread.sleep(1500);
        } else if (id.equals("feature-kpi")) {
            TableView<?> t = robot.lookup("#kpiTable").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !t.getItems().isEmpty());
            robot.interact(() -> t.getSelectionModel().select(0));
        } else if (id.equals("dataTab")) {
            TreeView<?> tree = robot.lookup(".tree-view").queryAs(TreeView.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getExpandedItemCount() > 3);
        }
    }

    /**
     * Each Evaluation sub-tab with a result computed from what it preselects on the sample project: a regression, a
     * difference-in-differences, a pyramid and a location-quotient map.
     */
    private void evaluationSubTabs(FxRobot robot, String name, List<String> problems) throws Exception {
        TabPane sub = robot.lookup("#evalTabs").queryAs(TabPane.class);
        // the defaults looked up in the background: the pyramid's years, the reference row of the quotients
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#evalPyrYears").queryAs(TextInputControl.class).getText()
                .isBlank() && !robot.lookup("#evalLqReference").queryAs(TextInputControl.class).getText().isBlank());
        String[][] runs = {{"Reg", "#evalRegTable"}, {"Did", "#evalDidEvents"}, {"Pyr", "#evalPyrRatios"}, {"Lq", "#evalLqTable"}};
        for (int i = 0; i < sub.getTabs().size(); i++) {
            int index = i;
            robot.interact(() -> sub.getSelectionModel().select(index));
            robot.interact(() -> robot.lookup("#eval" + runs[index][0] + "Run").queryButton().fire());
            TableView<?> result = robot.lookup(runs[index][1]).queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !result.getItems().isEmpty()
                    && !robot.lookup("#eval" + runs[index][0] + "Export").queryButton().isDisabled());
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(300);
            WaitForAsyncUtils.waitForFxEvents();
            Tab t = sub.getTabs().get(index);
            snapshot(robot, name + "-" + index + "-" + t.getId());
            for (String s : truncated(stage.getScene().getRoot())) {
                problems.add(t.getText() + ": " + s);
            }
        }
    }

    private void snapshot(FxRobot robot, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = stage.getScene().snapshot(null));
        int w = (int) img[0].getWidth();
        int h = (int) img[0].getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javafx.scene.image.PixelReader px = img[0].getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, px.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
    }

    /**
     * Labeled controls on screen whose text is shown cut with their ellipsis: the text node their skin draws no longer
     * equals their text and ends with "…". Cells of tables, tree and list views are left out.
     */
    static List<String> truncated(Parent root) {
        List<String> out = new ArrayList<>();
        visit(root, out);
        return out;
    }

    private static void visit(Node n, List<String> out) {
        if (!n.isVisible() || n instanceof TableView || n instanceof ListView || n instanceof TreeView) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && t.getText() != null && t.getText().endsWith(l.getEllipsisString())
                        && !l.getText().endsWith(l.getEllipsisString())
                        && !t.getText().equals(l.getText().replace("_", ""))) {
                    out.add("\"" + l.getText() + "\" shown as \"" + t.getText() + "\" (" + l.getClass().getSimpleName()
                            + (l.getId() == null ? "" : " #" + l.getId()) + ")");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                visit(c, out);
            }
        }
    }
}
