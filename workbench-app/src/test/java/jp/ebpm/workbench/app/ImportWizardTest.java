package jp.ebpm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.settings.SettingsStore;
import jp.ebpm.workbench.app.settings.UiLanguage;
import jp.ebpm.workbench.app.settings.WorkbenchHome;
import jp.ebpm.workbench.app.settings.WorkbenchSettings;

/** End to end through the import wizard: a Shift_JIS (CP932) CSV with Japanese headers lands in the catalog. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ImportWizardTest {

    @TempDir
    Path temp;
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

    private static List<String> cellTexts(FxRobot robot, String table) {
        return robot.lookup(table + " .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).toList();
    }

    @Test
    void aCp932CsvIsImportedThroughTheWizardAndItsRowsAreShown(FxRobot robot) throws Exception {
        Path csv = temp.resolve("wards_cp932.csv");
        // 高津区 and the wave dash ～ differ between Shift_JIS and CP932 decoders; 髙 exists only in CP932
        Files.writeString(csv, "区名,人口,備考\r\n川崎区,232000,髙～\r\n幸区,171000,\r\n高津区,235000,①\r\n",
                jp.ebpm.analysis.io.TextEncoding.CP932.charset());
        Path projectDir = temp.resolve("project");
        Project.create(projectDir).close();
        SettingsStore store = new SettingsStore(new WorkbenchHome(temp.resolve("home")));
        store.save(new WorkbenchSettings(UiLanguage.ENGLISH, List.of()));
        robot.interact(() -> {
            window = new MainWindow(stage, store, new EmptySampleProjectProvider());
            window.show(projectDir);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.session().project().get() != null);

        robot.clickOn("File").clickOn("Import...");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#importWizard").tryQuery().isPresent());
        // Look up the wizard's controls inside the wizard: a control of another window with the same id would
        // otherwise be found first now and then (a feature tab once had its own "#importFile").
        DialogPane wizard = robot.lookup("#importWizard").queryAs(DialogPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wizard.getScene().getWindow().isShowing());
        assertEquals(1, robot.lookup("#importFile").queryAll().size(), "one #importFile in all windows");
        TextField file = robot.from(wizard).lookup("#importFile").queryAs(TextField.class);
        robot.clickOn(file);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, file::isFocused);
        robot.interact(() -> file.setText(csv.toString()));
        robot.type(KeyCode.ENTER);

        TableView<?> preview = robot.from(wizard).lookup("#importPreview").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> preview.getItems().size() == 3);
        // the cells are laid out in the next pulse after the items arrive
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> cellTexts(robot, "#importPreview").containsAll(List.of("川崎区", "髙～", "①")));
        assertEquals("wards_cp932", robot.from(wizard).lookup("#importName").queryAs(TextField.class).getText());

        robot.clickOn(robot.from(wizard).lookup("#importRun").queryButton());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#importWizard").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> cellTexts(robot, "#dataTable").containsAll(List.of("高津区", "235000", "①", "髙～")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("wards_cp932").tryQuery().isPresent());
        DatasetInfo info = window.session().project().get().catalog().get("wards_cp932");
        assertEquals(3, info.rowCount());
        assertEquals(List.of("区名", "人口", "備考"), info.columnNames());
    }
}
