package jp.ebpm.workbench.journey;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.DatasetKind;
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
 * The real main window of a journey (1280 × 800) on a fresh copy of the sample project built from the bundled
 * sample-data into a temporary folder, with file dialogs answered by the test ({@link AnsweredFileDialogs}), and the
 * steps the journeys and the guide's screenshots share. Controls are found by id, so the steps work in both UI
 * languages; every step goes through the window: menus, tab headers, buttons, dialogs.
 */
final class JourneyWindow {

    static final String POPULATION = "川崎市人口_区性年代";

    final Path projectDir;
    final AnsweredFileDialogs dialogs = new AnsweredFileDialogs();
    final MainWindow window;
    private final FxRobot robot;
    private final ResourceBundle main;

    private JourneyWindow(FxRobot robot, Stage stage, Path temp, UiLanguage language) throws Exception {
        this.robot = robot;
        Path home = temp.resolve("home");
        // a fresh copy of the sample project, as the first start builds it (sample-data is never modified)
        this.projectDir = SampleProject.ensure(home, ProgressListener.NONE, Cancellation.none());
        SettingsStore store = new SettingsStore(new WorkbenchHome(home));
        store.save(new WorkbenchSettings(language, List.of()));
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = new MainWindow(stage, store, new EmptySampleProjectProvider(), dialogs);
            w[0].show(projectDir);
        });
        this.window = w[0];
        this.main = window.context().bundle("main");
        waitFor(60, () -> window.session().project().get() != null);
    }

    /** The window in English. */
    static JourneyWindow open(FxRobot robot, Stage stage, Path temp) throws Exception {
        return new JourneyWindow(robot, stage, temp, UiLanguage.ENGLISH);
    }

    static JourneyWindow open(FxRobot robot, Stage stage, Path temp, UiLanguage language) throws Exception {
        return new JourneyWindow(robot, stage, temp, language);
    }

    Project project() {
        return window.session().project().get();
    }

    Stage stage() {
        return (Stage) window.context().owner();
    }

    /** Clicks a tab of the main window by its id ({@code dataTab}, {@code feature-survey}, {@code feature-map}, …). */
    void tab(String id) throws Exception {
        TabPane pane = robot.lookup(".tab-pane").match((TabPane p) -> p.getTabs().stream().anyMatch(t -> "dataTab".equals(t.getId())))
                .query();
        clickTab(pane, pane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow().getText());
    }

    /** Clicks the tab with this title of the tab pane with this id (a feature's own tabs). */
    void subTab(String paneId, String title) throws Exception {
        clickTab(robot.lookup(paneId).queryAs(TabPane.class), title);
    }

    private void clickTab(TabPane pane, String title) {
        Node header = robot.from(pane).lookup(".tab-label").match((Labeled l) -> title.equals(l.getText()) && owner(l) == pane)
                .query();
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The tab pane a tab header belongs to (the nearest one above it). */
    private static TabPane owner(Node n) {
        Node p = n.getParent();
        while (p != null && !(p instanceof TabPane)) {
            p = p.getParent();
        }
        return (TabPane) p;
    }

    /** Clicks a button (by id) once it is enabled, scrolling it into view first. */
    void click(String id) throws Exception {
        click(robot.lookup(id).queryAs(ButtonBase.class));
    }

    /** Clicks a button of a dialog (looked up inside the dialog's scene). */
    void click(Stage dialog, String id) throws Exception {
        click(robot.from(dialog.getScene().getRoot()).lookup(id).queryAs(ButtonBase.class));
    }

    private void click(ButtonBase b) throws Exception {
        waitFor(30, () -> !b.isDisabled() && b.isVisible());
        for (int i = 0; i < 20 && !onScreen(b); i++) {
            reveal(b); // a titled pane that was just opened is still growing
            Thread.sleep(100);
        }
        robot.clickOn(b);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the titled pane (a folded section of a side panel) that holds the control with this id, by its title. */
    void unfold(String id) throws Exception {
        Node p = robot.lookup(id).query().getParent();
        while (p != null && !(p instanceof TitledPane)) {
            p = p.getParent();
        }
        TitledPane pane = (TitledPane) p;
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
        ScrollPane sp = scrollPane(n);
        if (sp == null) {
            return true;
        }
        javafx.geometry.Bounds node = n.localToScene(n.getBoundsInLocal());
        javafx.geometry.Bounds view = sp.localToScene(sp.getLayoutBounds());
        return node.getMinY() >= view.getMinY() && node.getMaxY() <= view.getMaxY();
    }

    /** Scrolls the scroll pane around a node (the Map tab's side panel) so that the node is on screen, as a user would. */
    void reveal(Node n) {
        robot.interact(() -> {
            ScrollPane sp = scrollPane(n);
            if (sp != null && sp.getContent() != null) {
                javafx.geometry.Bounds in = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                double extra = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                if (extra > 0) {
                    sp.setVvalue(Math.max(0, Math.min(1, (in.getMinY() - 20) / extra)));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static ScrollPane scrollPane(Node n) {
        Node p = n.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        return (ScrollPane) p;
    }

    /** The showing window (a dialog of the main window) that holds a control with this id. */
    static Stage stageWith(String id) throws Exception {
        waitFor(20, () -> Window.getWindows().stream().anyMatch(w -> holds(w, id)));
        return (Stage) Window.getWindows().stream().filter(w -> holds(w, id)).findFirst().orElseThrow();
    }

    private static boolean holds(Window w, String id) {
        return w instanceof Stage && w.isShowing() && w.getScene() != null && w.getScene().getRoot().lookup(id) != null;
    }

    // ---- journey steps shared by the journeys and the guide's screenshots ----

    /** File > Import..., the file typed and Enter: returns the wizard once its preview shows the first 100 rows. */
    DialogPane openImportWizard(Path file) throws Exception {
        robot.clickOn("#menuFile");
        String item = main.getString("menu.file.import");
        waitFor(10, () -> robot.lookup(".menu-item .label").match((Labeled l) -> item.equals(l.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".menu-item .label").match((Labeled l) -> item.equals(l.getText())).queryLabeled());
        waitFor(10, () -> robot.lookup("#importWizard").tryQuery().isPresent());
        DialogPane wizard = robot.lookup("#importWizard").queryAs(DialogPane.class);
        TextField field = robot.from(wizard).lookup("#importFile").queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(() -> field.setText(file.toString()));
        robot.type(KeyCode.ENTER);
        TableView<?> preview = robot.from(wizard).lookup("#importPreview").queryAs(TableView.class);
        waitFor(30, () -> preview.getItems().size() == 100);
        return wizard;
    }

    /** Names the dataset, chooses its kind and imports; waits until the wizard has closed. */
    @SuppressWarnings("unchecked")
    void finishImport(DialogPane wizard, String name, DatasetKind kind) throws Exception {
        robot.interact(() -> {
            robot.from(wizard).lookup("#importName").queryAs(TextField.class).setText(name);
            robot.from(wizard).lookup("#importKind").queryAs(ComboBox.class).setValue(kind);
        });
        robot.clickOn(robot.from(wizard).lookup("#importRun").queryButton());
        waitFor(60, () -> robot.lookup("#importWizard").tryQuery().isEmpty());
    }

    /** In the Cross-tab tab: chooses the dataset (once it is offered). */
    @SuppressWarnings("unchecked")
    void chooseSurvey(String name) throws Exception {
        ComboBox<String> dataset = robot.lookup("#dataset").queryAs(ComboBox.class);
        waitFor(20, () -> dataset.getItems().contains(name));
        robot.interact(() -> dataset.setValue(name));
    }

    /** Codebook… → Import CSV/xlsx… (the file dialog answered with {@code file}); returns the editor, not yet saved. */
    Stage importCodebook(Path file) throws Exception {
        click("#codebook");
        Stage editor = stageWith("#codebook-variables");
        dialogs.answer(file);
        click(editor, "#codebook-import");
        Label status = robot.from(editor.getScene().getRoot()).lookup("#codebook-status").queryAs(Label.class);
        waitFor(20, () -> status.getText().contains(file.getFileName().toString()));
        return editor;
    }

    /** Opens the raking dialog with the margins ward and sex+age_group against the population table and the weight name. */
    @SuppressWarnings("unchecked")
    Stage openRaking(String weight) throws Exception {
        click("#rake");
        Stage rake = stageWith("#rake-run");
        Node r = rake.getScene().getRoot();
        robot.interact(() -> robot.from(r).lookup("#rake-vars-0").queryAs(ComboBox.class).getEditor().setText("ward"));
        click(rake, "#rake-margin-add");
        robot.interact(() -> {
            robot.from(r).lookup("#rake-vars-1").queryAs(ComboBox.class).getEditor().setText("sex+age_group");
            robot.from(r).lookup("#rake-out").queryAs(TextField.class).setText(weight);
        });
        return rake;
    }

    /** Ticks "leave out respondents without a population target" and rakes; waits for the report. */
    Label rakeLeavingOut(Stage rake) throws Exception {
        Node r = rake.getScene().getRoot();
        CheckBox leaveOut = robot.from(r).lookup("#rake-leave-out").queryAs(CheckBox.class);
        if (!leaveOut.isSelected()) {
            robot.clickOn(leaveOut);
        }
        click(rake, "#rake-run");
        Label report = robot.from(r).lookup("#rake-report").queryAs(Label.class);
        waitFor(30, () -> !report.getText().isEmpty());
        return report;
    }

    /** Chooses rows and columns and clicks Tabulate; waits until the table and the Rao–Scott line are shown. */
    @SuppressWarnings("unchecked")
    TableView<List<String>> tabulate(String rows, String cols, int tableRows) throws Exception {
        robot.interact(() -> {
            robot.lookup("#rows").queryAs(ComboBox.class).setValue(rows);
            robot.lookup("#cols").queryAs(ComboBox.class).setValue(cols);
        });
        click("#run");
        TableView<List<String>> table = robot.lookup("#result").queryAs(TableView.class);
        Label stats = robot.lookup("#stats").queryAs(Label.class);
        waitFor(30, () -> table.getItems().size() == tableRows && stats.getText().contains("Rao-Scott F"));
        return table;
    }

    /** In the Map tab: a base layer with further layers ticked to be drawn on top, then Show. */
    @SuppressWarnings("unchecked")
    void showMap(String base, List<String> onTop) throws Exception {
        ListView<String> layers = robot.lookup("#map-layers").queryAs(ListView.class);
        waitFor(30, () -> layers.getItems().contains(base));
        robot.interact(() -> layers.getSelectionModel().select(base));
        ListView<String> list = robot.lookup("#map-overlays").queryAs(ListView.class);
        waitFor(20, () -> list.getItems().containsAll(onTop));
        for (String layer : onTop) {
            robot.clickOn(robot.from(list).lookup(".check-box").match((CheckBox c) -> layer.equals(
                    ((javafx.scene.control.ListCell<?>) c.getParent()).getItem())).queryAs(CheckBox.class));
        }
        click("#map-show");
    }

    /**
     * The overlay panel: operation (0 points per polygon, 2 population near points), inputs and output; Run; waits for
     * the result table to show the column {@code resultColumn}.
     */
    @SuppressWarnings("unchecked")
    TableView<List<String>> overlay(int operation, String source, String points, String polygons, String key, String out,
                                    String resultColumn) throws Exception {
        unfold("#overlay-run");
        robot.interact(() -> {
            robot.lookup("#overlay-op").queryAs(ComboBox.class).getSelectionModel().select(operation);
            robot.lookup("#overlay-points").queryAs(ComboBox.class).setValue(points);
            robot.lookup("#overlay-polygons").queryAs(ComboBox.class).setValue(polygons);
            robot.lookup("#overlay-key").queryAs(ComboBox.class).setValue(key);
            if (source != null) {
                robot.lookup("#overlay-source").queryAs(ComboBox.class).setValue(source);
                robot.lookup("#overlay-value").queryAs(ComboBox.class).setValue("population");
                robot.lookup("#overlay-distance").queryAs(TextField.class).setText("500");
            }
            robot.lookup("#overlay-out").queryAs(TextField.class).setText(out);
        });
        click("#overlay-run");
        TableView<List<String>> result = robot.lookup("#overlay-result").queryAs(TableView.class);
        waitFor(30, () -> result.getColumns().stream().anyMatch(c -> c.getText().equals(resultColumn)));
        return result;
    }

    /** In the Location tab: the first unlock (passphrase twice), then the sample pings imported through Browse. */
    void unlockAndImportPings(String passphrase) throws Exception {
        robot.clickOn("#locationPassphrase").write(passphrase);
        robot.clickOn("#locationPassphraseConfirm").write(passphrase);
        click("#locationUnlock");
        waitFor(30, () -> window.session().project().get() != null && robot.lookup("#locationAggregate").queryButton().isDisabled() == false);
        dialogs.answer(SampleProject.locateSampleData().orElseThrow().resolve("location/pings-sample.csv"));
        click("#locationBrowse");
        robot.interact(() -> robot.lookup("#locationImportName").queryAs(TextField.class).setText("pings"));
        click("#locationImport");
        TextField name = robot.lookup("#locationImportName").queryAs(TextField.class);
        waitFor(120, () -> project().catalog().find("pings").isPresent() && name.getScene() != null);
        waitFor(30, () -> robot.lookup("#locationStatus").queryAs(Label.class).getText().contains("100000"));
    }

    /** The texts of the alert dialogs on screen (an error the window showed instead of going on). */
    static List<String> dialogTexts() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(sc -> sc != null && sc.getRoot() instanceof DialogPane)
                .map(sc -> (DialogPane) sc.getRoot())
                .map(d -> d.getHeaderText() + ": " + d.getContentText()).toList();
    }

    void close() {
        robot.interact(() -> stage().close());
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
