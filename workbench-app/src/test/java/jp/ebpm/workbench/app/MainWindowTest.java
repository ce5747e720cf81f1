package jp.ebpm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Accordion;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.workbench.app.settings.SettingsStore;
import jp.ebpm.workbench.app.settings.UiLanguage;
import jp.ebpm.workbench.app.settings.WorkbenchHome;
import jp.ebpm.workbench.app.settings.WorkbenchSettings;

/** The main window, headless: catalog, data view, SQL console and its confirmation. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

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

    private void open(FxRobot robot, Path project, String folder) throws Exception {
        WorkbenchHome home = new WorkbenchHome(temp.resolve(folder + "-home"));
        SettingsStore store = new SettingsStore(home);
        store.save(new WorkbenchSettings(UiLanguage.ENGLISH, List.of()));
        robot.interact(() -> {
            window = new MainWindow(stage, store, new EmptySampleProjectProvider());
            window.show(project);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.session().project().get() != null);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    private static List<String> cellTexts(FxRobot robot, String table) {
        return robot.lookup(table + " .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).toList();
    }

    /** Texts of the visible cells of one column of the data view. */
    private static List<String> columnTexts(FxRobot robot, String column) {
        return robot.lookup("#dataTable .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getText()))
                .map(c -> c.getText()).filter(t -> t != null).toList();
    }

    @Test
    void catalogShowsTheDatasetAndClickingShowsItsRows(FxRobot robot) throws Exception {
        open(robot, TestProjects.wardProject(temp.resolve("wards")), "wards");
        waitUntil(() -> robot.lookup("区別人口").tryQuery().isPresent());
        // the row count and badge of the catalog entry
        assertTrue(robot.lookup("2 rows").tryQuery().isPresent());
        assertTrue(robot.lookup(".badge-open").tryQuery().isPresent());

        robot.clickOn("区別人口");
        waitUntil(() -> cellTexts(robot, "#dataTable").containsAll(List.of("川崎区", "幸区", "232000", "171000")));
        TableView<?> table = robot.lookup("#dataTable").queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
    }

    @Test
    void sqlConsoleRunsAQueryAndShowsTheResult(FxRobot robot) throws Exception {
        open(robot, TestProjects.wardProject(temp.resolve("sql")), "sql");
        robot.interact(() -> window.selectTab(1));
        robot.interact(() -> robot.lookup("#sqlEditor").queryAs(TextArea.class)
                .setText("SELECT 区名, 人口 * 2 AS 倍 FROM 区別人口 ORDER BY 人口"));
        robot.clickOn("#sqlEditor").press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        // 171000 * 2 = 342000 (hand computation)
        waitUntil(() -> cellTexts(robot, "#sqlResult").contains("342000"));
        assertTrue(robot.lookup("#sqlStatus").queryAs(Labeled.class).getText().startsWith("2 rows"));
    }

    @Test
    void aModifyingStatementIsRefusedWithItsReasonAndChangesNothing(FxRobot robot) throws Exception {
        open(robot, TestProjects.wardProject(temp.resolve("modify")), "modify");
        robot.interact(() -> window.selectTab(1));
        robot.interact(() -> robot.lookup("#sqlEditor").queryAs(TextArea.class)
                .setText("EXPLAIN ANALYZE DELETE FROM 区別人口 WHERE 区名 = '幸区'"));

        robot.clickOn("#sqlRun");
        waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane error = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue(error.getContentText().contains("only queries that read data"), error.getContentText());
        clickDialogButton(robot, "#errorDialog", ButtonBar.ButtonData.OK_DONE);
        assertEquals(2L, rowCount(window.session().project().get()));
    }

    @Test
    void aMillionRowTableShowsItsFirstRowsAndPagesOnScroll(FxRobot robot) throws Exception {
        Path dir = temp.resolve("big");
        try (Project p = Project.create(dir)) {
            TestProjects.addDataset(p, "big", "SELECT range AS id, range * 2 AS twice FROM range(1000000)",
                    DatasetKind.POINTS, Sensitivity.INTERNAL);
        }
        open(robot, dir, "big");
        waitUntil(() -> robot.lookup("big").tryQuery().isPresent());
        robot.clickOn("big");
        TableView<?> table = robot.lookup("#dataTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1_000_000);
        // the first rows: twice = 2 * id, ids from 0 (hand computation)
        waitUntil(() -> columnTexts(robot, "twice").containsAll(List.of("0", "2", "4")));
        robot.interact(() -> table.scrollTo(600_000));
        // row index 600000 lies on page 1200, far beyond the first: id 600000, twice 1200000 (hand computation)
        waitUntil(() -> columnTexts(robot, "twice").contains("1200000"));
        assertFalse(columnTexts(robot, "twice").contains("…"));
    }

    @Test
    void privateDatasetsShowANoticeInsteadOfRows(FxRobot robot) throws Exception {
        Path dir = temp.resolve("private");
        try (Project p = Project.create(dir)) {
            TestProjects.addDataset(p, "住民", "SELECT 1 AS id, '山田' AS name", DatasetKind.TABLE, Sensitivity.PRIVATE);
        }
        open(robot, dir, "private");
        waitUntil(() -> robot.lookup("住民").tryQuery().isPresent());
        assertTrue(robot.lookup(".badge-private").tryQuery().isPresent());
        robot.clickOn("住民");
        waitUntil(() -> robot.lookup("#dataNotice").queryAs(Labeled.class).getText().contains("aggregates"));
        assertFalse(robot.lookup("#dataTable").queryAs(TableView.class).isVisible());
    }

    @Test
    void theChosenLanguageIsSavedForTheNextStart(FxRobot robot) throws Exception {
        open(robot, TestProjects.wardProject(temp.resolve("settings")), "settings");
        robot.clickOn("Settings").clickOn("Preferences...");
        waitUntil(() -> robot.lookup("#settingsLanguage").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#settingsLanguage").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(UiLanguage.JAPANESE));
        clickDialogButton(robot, "#settingsDialog", ButtonBar.ButtonData.OK_DONE);
        SettingsStore store = new SettingsStore(new WorkbenchHome(temp.resolve("settings-home")));
        assertEquals(UiLanguage.JAPANESE, store.load().language());
        // the open project is remembered as the most recent one
        assertEquals(temp.resolve("settings").toAbsolutePath(), store.load().recentProjects().get(0));
    }

    @Test
    void everyControlIdOfTheMainWindowIsUnique(FxRobot robot) throws Exception {
        open(robot, TestProjects.wardProject(temp.resolve("ids")), "ids");
        // TestFX finds "#id" in any window and tab; a second control with the same id (say in a feature tab)
        // makes such lookups pick either one, which made the import wizard test flaky.
        Map<String, Integer> counts = new TreeMap<>();
        robot.interact(() -> collectIds(window.stage().getScene().getRoot(), counts, new HashSet<>()));
        // the walk reaches the data view, the SQL tab and the controls of a feature tab that is not selected
        assertTrue(counts.keySet().containsAll(List.of("dataTable", "sqlEditor", "locationImportFile")),
                counts.keySet().toString());
        Map<String, Integer> duplicates = new TreeMap<>(counts);
        duplicates.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), duplicates);
    }

    /** Counts the ids of a node and the controls below it, including the content of unselected tabs. */
    private static void collectIds(Node node, Map<String, Integer> counts, Set<Node> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node.getId() != null) {
            counts.merge(node.getId(), 1, Integer::sum);
        }
        if (node instanceof TabPane tabs) {
            tabs.getTabs().forEach(t -> collectIds(t.getContent(), counts, seen));
        }
        if (node instanceof SplitPane split) {
            split.getItems().forEach(n -> collectIds(n, counts, seen));
        }
        if (node instanceof ScrollPane scroll) {
            collectIds(scroll.getContent(), counts, seen);
        }
        if (node instanceof TitledPane titled) {
            collectIds(titled.getContent(), counts, seen);
        }
        if (node instanceof ToolBar bar) {
            bar.getItems().forEach(n -> collectIds(n, counts, seen));
        }
        if (node instanceof Accordion accordion) {
            accordion.getPanes().forEach(n -> collectIds(n, counts, seen));
        }
        // a control's own children belong to its skin (JavaFX gives them ids like "arrow"): only layout
        // containers and groups are walked through
        if (node instanceof Pane || node instanceof Group) {
            ((Parent) node).getChildrenUnmodifiable().forEach(n -> collectIds(n, counts, seen));
        }
    }

    private static void clickDialogButton(FxRobot robot, String dialog, ButtonBar.ButtonData data) {
        DialogPane pane = robot.lookup(dialog).queryAs(DialogPane.class);
        AtomicReference<Node> button = new AtomicReference<>();
        robot.interact(() -> pane.getButtonTypes().stream().filter(t -> t.getButtonData() == data).findFirst()
                .ifPresent(t -> button.set(pane.lookupButton(t))));
        robot.clickOn((Button) button.get());
    }

    private static long rowCount(Project p) {
        return ((Number) p.query("SELECT count(*) FROM 区別人口", 1, jp.ebpm.analysis.task.Cancellation.none())
                .get(0, 0)).longValue();
    }
}
