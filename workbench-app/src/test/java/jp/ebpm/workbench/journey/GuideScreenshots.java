package jp.ebpm.workbench.journey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.workbench.app.settings.UiLanguage;

/**
 * The user guide's screenshots (docs/guide/images/ja and /en), taken by walking the three journeys in the real main
 * window at 1280 × 800, in Japanese and in English. Runs only when {@code -Dguide.screenshots=FOLDER} is given:
 * {@code scripts/screenshots.sh} refreshes them all. Headless (Monocle, software rendering): the pictures are the
 * window's scene as JavaFX draws it, without the title bar of a desktop window.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GuideScreenshots {

    @TempDir
    Path temp;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @ParameterizedTest
    @EnumSource(value = UiLanguage.class, names = {"JAPANESE", "ENGLISH"})
    @SuppressWarnings("unchecked")
    void takeTheGuidesScreenshots(UiLanguage language, FxRobot robot) throws Exception {
        String target = System.getProperty("guide.screenshots");
        Assumptions.assumeTrue(target != null && !target.isBlank(), "only with -Dguide.screenshots=FOLDER");
        Path out = Path.of(target).resolve(language == UiLanguage.JAPANESE ? "ja" : "en");
        Files.createDirectories(out);
        JourneyWindow w = JourneyWindow.open(robot, stage, temp, language);
        // folders of this run are shown where a user has them: the workbench folder in the home folder, the survey files
        // in Documents, the sample data where the installed workbench keeps it (the .deb's /opt/ebpm-workbench)
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put(temp.resolve("home").toString(), "~/EBPM-Workbench");
        shown.put(temp.toString(), "~/Documents");
        shown.put(jp.ebpm.analysis.sample.SampleProject.locateSampleData().orElseThrow().toString(),
                "/opt/ebpm-workbench/lib/app/sample-data");
        Shots shots = new Shots(robot, out, shown);

        // getting started: the sample project open, a dataset in the Data tab
        robot.interact(() -> w.window.context().showDataset("市民アンケート2018"));
        Thread.sleep(1500);
        shots.take(w.stage().getScene(), "start-main-window");

        // journey 1: planning staff
        Path csv = temp.resolve("市民アンケート_cp932.csv");
        Path codebook = temp.resolve("codebook_cp932.csv");
        PlanningStaffJourneyTest.writeCp932Copies(csv, codebook);
        DialogPane wizard = w.openImportWizard(csv);
        robot.interact(() -> {
            robot.from(wizard).lookup("#importKind").queryAs(ComboBox.class).setValue(DatasetKind.SURVEY);
            TableView<?> preview = robot.from(wizard).lookup("#importPreview").queryAs(TableView.class);
            preview.scrollToColumnIndex(preview.getColumns().size() - 1); // the ward names (区名), decoded from CP932
        });
        Thread.sleep(300);
        shots.take(wizard.getScene(), "j1-import-wizard");
        w.finishImport(wizard, PlanningStaffJourneyTest.NAME, DatasetKind.SURVEY);
        w.tab("feature-survey");
        w.chooseSurvey(PlanningStaffJourneyTest.NAME);
        Stage editor = w.importCodebook(codebook);
        TableView<Object> vars = robot.from(editor.getScene().getRoot()).lookup("#codebook-variables").queryAs(TableView.class);
        robot.interact(() -> vars.getSelectionModel().select(2)); // age_group: its values in the lower table
        shots.take(editor.getScene(), "j1-codebook");
        w.click(editor, "#codebook-save");
        JourneyWindow.waitFor(20, () -> !editor.isShowing());
        Stage rake = w.openRaking("w_rake");
        w.rakeLeavingOut(rake);
        shots.take(rake.getScene(), "j1-raking");
        w.click(rake, "#rake-close");
        w.tabulate("q4a", "age_group", 7);
        w.click("#chartToggle");
        Thread.sleep(800);
        shots.take(w.stage().getScene(), "j1-crosstab");

        // journey 2: EBPM help desk
        w.tab("feature-map");
        w.showMap(HelpDeskJourneyTest.MESH, List.of("kawasaki_shelters", "kawasaki_wards"));
        Thread.sleep(1500);
        shots.take(w.stage().getScene(), "j2-map");
        w.overlay(2, HelpDeskJourneyTest.MESH, "kawasaki_shelters", "kawasaki_wards", "N03_004", "population_near_shelters",
                "population_share");
        Thread.sleep(1500);
        shots.take(w.stage().getScene(), "j2-overlay");
        w.tab("feature-location");
        w.unlockAndImportPings(HelpDeskJourneyTest.PASSPHRASE);
        w.click("#locationAggregate");
        TableView<?> table = robot.lookup("#locationResult").queryAs(TableView.class);
        JourneyWindow.waitFor(60, () -> table.getItems().size() == 7 * 24);
        shots.take(w.stage().getScene(), "j2-location-table");
        w.subTab("#locationTabs", tabTitle(w, "location.tab.map"));
        ComboBox<String> mapTime = robot.lookup("#locationMapTime").queryAs(ComboBox.class);
        robot.interact(() -> mapTime.setValue("8"));
        Thread.sleep(1000);
        shots.take(w.stage().getScene(), "j2-location-map");
        w.click("#locationExport"); // the save dialog answers nothing: cancelled
        w.subTab("#locationTabs", tabTitle(w, "location.tab.audit"));
        w.click("#locationVerifyAudit");
        Thread.sleep(500);
        shots.take(w.stage().getScene(), "j2-audit");

        // journey 3: evaluator
        w.tab("feature-kpi");
        TableView<Object> kpis = robot.lookup("#kpiTable").queryAs(TableView.class);
        JourneyWindow.waitFor(30, () -> kpis.getItems().size() == 14);
        robot.interact(() -> kpis.getSelectionModel().select(5)); // K06: no FY2021 actual yet
        robot.clickOn("#actualField").write("170,000");
        w.click("#setActual");
        Thread.sleep(800);
        shots.take(w.stage().getScene(), "j3-kpi");
        w.close();
    }

    private static String tabTitle(JourneyWindow w, String key) {
        return w.window.context().bundle("location").getString(key);
    }

    /**
     * Writes snapshots of scenes as PNG files. While a snapshot is taken, the texts on screen that name a folder of this
     * run show it as {@code shown} maps it (then they are put back).
     */
    private record Shots(FxRobot robot, Path folder, Map<String, String> shown) {

        void take(Scene scene, String name) throws Exception {
            WaitForAsyncUtils.waitForFxEvents();
            WritableImage[] img = new WritableImage[1];
            robot.interact(() -> {
                List<Runnable> restore = new ArrayList<>();
                showFolders(scene.getRoot(), restore);
                img[0] = scene.snapshot(null);
                restore.forEach(Runnable::run);
            });
            int w = (int) img[0].getWidth();
            int h = (int) img[0].getHeight();
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            PixelReader px = img[0].getPixelReader();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, px.getArgb(x, y));
                }
            }
            Path file = folder.resolve(name.toLowerCase(Locale.ROOT) + ".png");
            ImageIO.write(out, "png", file.toFile());
            assertTrue(Files.size(file) > 5_000, file + " is blank");
        }

        private void showFolders(Node n, List<Runnable> restore) {
            javafx.beans.property.StringProperty text = n instanceof Labeled l ? l.textProperty()
                    : n instanceof TextInputControl t ? t.textProperty() : null;
            if (text != null && !text.isBound() && text.get() != null) {
                String before = text.get();
                String after = before;
                for (Map.Entry<String, String> e : shown.entrySet()) {
                    after = after.replace(e.getKey(), e.getValue());
                }
                if (!after.equals(before)) {
                    text.set(after);
                    restore.add(() -> text.set(before));
                }
            }
            if (n instanceof Parent p) {
                for (Node c : p.getChildrenUnmodifiable()) {
                    showFolders(c, restore);
                }
            }
        }
    }
}
