package jp.ebpm.workbench.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.privacy.audit.AuditLog;
import jp.ebpm.analysis.privacy.location.SyntheticPings;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.workbench.app.TestAppContext;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LocationFeatureTest {

    private Path dir;
    private Project project;
    private TestAppContext context;
    private LocationView view;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("wb-location-ui");
        project = Project.create(dir.resolve("project"));
        context = new TestAppContext(project);
        LocationFeature f = new LocationFeature();
        assertEquals("Location data (private)", f.title(context));
        view = new LocationView(context);
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(view.root()), 1200, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void unlockImportAggregateExportAndAudit(FxRobot robot) throws Exception {
        Label status = unlockAndImport(robot);
        robot.clickOn("#locationAggregate");
        @SuppressWarnings("unchecked")
        TableView<List<String>> table = robot.lookup("#locationResult").queryAs(TableView.class);
        waitOrFail(() -> table.getItems().size() == 7 * 24, status);
        for (List<String> row : table.getItems()) {
            if (!"χ".equals(row.get(3))) {
                long devices = Long.parseLong(row.get(3));
                assertTrue(devices == 0 || devices >= 10, row.toString());
            }
        }
        Path out = dir.resolve("ward-hour.csv");
        TextField exportFile = robot.lookup("#locationExportFile").queryAs(TextField.class);
        robot.interact(() -> exportFile.setText(out.toString()));
        robot.clickOn("#locationExport");
        waitOrFail(() -> Files.exists(out) && status.getText().startsWith("Exported"), status);
        assertEquals("area,time,pings,devices", Files.readAllLines(out).get(0));
        robot.clickOn("Audit log");
        robot.clickOn("#locationVerifyAudit");
        Label auditStatus = robot.lookup("#locationAuditStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> auditStatus.getText().startsWith("Audit log OK: 2 entries"));
        // one view and one export were recorded
        assertEquals(List.of("aggregate.view", "aggregate.export"),
                new AuditLog(project).read().stream().map(e -> e.operation()).toList());
        assertTrue(context.errors().isEmpty(), context.errors().toString());
    }

    @Test
    void residentsVisitorsDwellOdAndTheMap(FxRobot robot) throws Exception {
        Label status = unlockAndImport(robot);
        @SuppressWarnings("unchecked")
        TableView<List<String>> table = robot.lookup("#locationResult").queryAs(TableView.class);
        Label shown = robot.lookup("#locationShown").queryAs(Label.class);

        for (String op : List.of("residents", "visitors", "dwell")) {
            robot.interact(() -> table.getItems().clear());
            robot.clickOn("#location" + Character.toUpperCase(op.charAt(0)) + op.substring(1));
            waitOrFail(() -> table.getItems().size() == 7 * 24, status);
            String persons = op.equals("dwell") ? "devices" : op;
            // area code, its name, time, pings, persons
            assertEquals(List.of("area", "area name", "time"), table.getColumns().subList(0, 3).stream().map(c -> c.getText()).toList());
            assertEquals(persons, table.getColumns().get(4).getText());
            assertEquals("川崎区", table.getColumns().get(1).getCellData(0));
            for (List<String> row : table.getItems()) {
                if (!"χ".equals(row.get(3))) {
                    long n = Long.parseLong(row.get(3));
                    assertTrue(n == 0 || n >= 10, op + " " + row);
                }
            }
        }

        // the map of the dwell result: hour 8 and the persons count are preselected
        robot.clickOn("Map");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> mapTime = robot.lookup("#locationMapTime").queryAs(javafx.scene.control.ComboBox.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> measure = robot.lookup("#locationMapMeasure").queryAs(javafx.scene.control.ChoiceBox.class);
        assertEquals("8", mapTime.getValue());
        assertEquals("devices", measure.getValue());
        assertEquals(List.of("dwell_minutes", "devices"), measure.getItems());
        robot.interact(() -> measure.setValue("dwell_minutes"));
        Label mapInfo = robot.lookup("#locationMapInfo").queryAs(Label.class);
        long chiAt8 = table.getItems().stream().filter(r -> r.get(1).equals("8") && r.get(3).equals("χ")).count();
        assertTrue(mapInfo.getText().startsWith("Map of dwell_minutes at time 8: 7 areas, " + chiAt8 + " suppressed"),
                mapInfo.getText());
        Path png = dir.resolve("dwell-8.png");
        TextField mapFile = robot.lookup("#locationMapFile").queryAs(TextField.class);
        robot.interact(() -> mapFile.setText(png.toString()));
        robot.clickOn("#locationExportMap");
        waitOrFail(() -> Files.exists(png) && status.getText().startsWith("Map exported"), status);
        assertEquals(1200, javax.imageio.ImageIO.read(png.toFile()).getWidth());
        var last = new AuditLog(project).read().get(new AuditLog(project).read().size() - 1);
        assertEquals("dwell.map.export", last.operation());
        assertEquals(AuditLog.sha256(png), last.outputSha256());
        assertEquals("dwell_minutes", last.parameters().get("measure"));

        // OD: a table, no map
        robot.clickOn("#locationOd");
        waitOrFail(() -> table.getItems().size() == 7 * 7, status);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mapInfo.getText().startsWith("The OD matrix has no map"));
        assertTrue(mapTime.getItems().isEmpty());

        assertEquals(List.of("residents.view", "visitors.view", "dwell.view", "dwell.map.export", "od.view"),
                new AuditLog(project).read().stream().map(e -> e.operation()).toList());
        assertTrue(shown.getText().startsWith("Showing 49 cells"), shown.getText());
        assertTrue(context.errors().isEmpty(), context.errors().toString());
    }

    /** Writes 5,000 synthetic pings, unlocks (first time: passphrase twice) and imports them. */
    private Label unlockAndImport(FxRobot robot) throws Exception {
        Path csv = dir.resolve("pings.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            new SyntheticPings().writeCsv(5000, 11, w, Cancellation.none());
        }
        Label status = unlock(robot);
        TextField importFile = robot.lookup("#locationImportFile").queryAs(TextField.class);
        robot.interact(() -> importFile.setText(csv.toString()));
        robot.clickOn("#locationImport");
        waitOrFail(() -> status.getText().startsWith("Imported 5000"), status);
        return status;
    }

    /** The first unlock sets the passphrase: typed twice. */
    private Label unlock(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#locationPassphraseConfirm").query().isVisible(), "first unlock asks twice");
        robot.clickOn("#locationPassphrase").write("ui test passphrase");
        robot.clickOn("#locationPassphraseConfirm").write("ui test passphrase");
        robot.clickOn("#locationUnlock");
        Label status = robot.lookup("#locationStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Unlocked"));
        return status;
    }

    private void waitOrFail(java.util.concurrent.Callable<Boolean> condition, Label status) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; status: " + status.getText() + "; errors: " + context.errors(), e);
        }
    }

    /**
     * Issue 11 item 2: switching mesh4 → ward, clicking "Area × time" and then Export while the ward table is still
     * being computed used to write the previous mesh4 table with a success message. Now export is off until the new
     * table is shown, and then writes exactly that table.
     */
    @Test
    void exportWhileANewTableIsComputedWritesNothingThenTheShownTable(FxRobot robot) throws Exception {
        Label status = unlockAndImport(robot);
        @SuppressWarnings("unchecked")
        TableView<List<String>> table = robot.lookup("#locationResult").queryAs(TableView.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> by = robot.lookup("#locationBy").queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> by.setValue("mesh4"));
        robot.clickOn("#locationAggregate");
        waitOrFail(() -> table.getItems().size() > 7 * 24, status);
        WaitForAsyncUtils.waitForFxEvents();
        int meshRows = table.getItems().size();
        javafx.scene.control.Button export = robot.lookup("#locationExport").queryButton();
        assertTrue(!export.isDisabled(), "the mesh4 table on screen can be exported");
        // the slow ward aggregation
        robot.interact(() -> by.setValue("ward"));
        java.util.concurrent.CountDownLatch slow = context.holdTasks();
        robot.clickOn("#locationAggregate");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(export.isDisabled(), "export is off while the new table is computed");
        Path out = dir.resolve("while-computing.csv");
        TextField exportFile = robot.lookup("#locationExportFile").queryAs(TextField.class);
        robot.interact(() -> exportFile.setText(out.toString()));
        LocationViewModel vm = view.viewModel();
        robot.interact(() -> assertEquals(null, vm.export(out), "no export task while computing"));
        assertTrue(robot.lookup("#locationShown").queryAs(Label.class).getText().startsWith("Computing"));
        context.stopHolding();
        slow.countDown();
        waitOrFail(() -> table.getItems().size() == 7 * 24 && !export.isDisabled(), status);
        assertTrue(!Files.exists(out), "nothing was written while computing");
        robot.clickOn("#locationExport");
        waitOrFail(() -> Files.exists(out) && status.getText().startsWith("Exported"), status);
        List<String> lines = Files.readAllLines(out);
        assertEquals(1 + 7 * 24, lines.size(), "the ward table on screen, not the " + meshRows + " mesh4 rows");
        assertTrue(lines.get(1).startsWith("141"), lines.get(1));
        var last = new AuditLog(project).read().get(new AuditLog(project).read().size() - 1);
        assertEquals("ward", last.parameters().get("by"));
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)),
                    "private-derived output is readable by its owner only");
        }
        assertTrue(context.errors().isEmpty(), context.errors().toString());
    }

    @Test
    void theFirstUnlockAsksTwiceAndLaterUnlocksOnce(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#locationFirstTime").queryAs(Label.class).getText().contains("cannot be recovered"));
        robot.clickOn("#locationPassphrase").write("a long passphrase");
        robot.clickOn("#locationPassphraseConfirm").write("a long passphrase!");
        robot.clickOn("#locationUnlock");
        Label status = robot.lookup("#locationStatus").queryAs(Label.class);
        assertTrue(status.getText().startsWith("The two passphrases differ"), status.getText());
        assertTrue(!jp.ebpm.analysis.privacy.UnlockedVault.hasPassphrase(project), "nothing was created");
        robot.clickOn("#locationPassphrase").write("a long passphrase");
        robot.clickOn("#locationPassphraseConfirm").write("a long passphrase");
        robot.clickOn("#locationUnlock");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Unlocked"));
        robot.clickOn("#locationLock");
        assertTrue(!robot.lookup("#locationPassphraseConfirm").query().isVisible(), "later unlocks ask once");
        robot.clickOn("#locationPassphrase").write("a long passphrase");
        robot.clickOn("#locationUnlock");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Unlocked"));
    }

    @Test
    void bundlesHaveTheSameKeys() throws Exception {
        Properties en = new Properties();
        Properties ja = new Properties();
        try (var in = getClass().getResourceAsStream("/jp/ebpm/workbench/i18n/location.properties")) {
            en.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        try (var in = getClass().getResourceAsStream("/jp/ebpm/workbench/i18n/location_ja.properties")) {
            ja.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertEquals(en.keySet(), ja.keySet());
        ResourceBundle jab = new TestAppContext(project, Locale.JAPANESE).bundle("location");
        assertEquals("位置情報データ（秘匿）", jab.getString("location.title"));
    }
}
