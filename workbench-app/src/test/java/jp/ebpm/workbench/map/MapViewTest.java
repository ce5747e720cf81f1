package jp.ebpm.workbench.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import jp.ebpm.analysis.gis.LayerImportOptions;
import jp.ebpm.analysis.gis.LayerImporter;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.app.TestAppContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MapViewTest {

    @TempDir
    static Path dir;
    static Project project;
    TestAppContext context;
    MapView view;

    @Start
    void start(Stage stage) throws Exception {
        if (project == null) {
            project = Project.create(dir.resolve("p"));
            Path wards = dir.resolve("wards.geojson");
            try (InputStream in = getClass().getResourceAsStream("/jp/ebpm/workbench/gis/kawasaki-wards-n03-2021-simplified.geojson")) {
                Files.copy(in, wards);
            }
            LayerImporter.importLayer(project, wards, LayerImportOptions.defaults().withName("wards"), ProgressListener.NONE,
                    Cancellation.none());
        }
        context = new TestAppContext(project);
        view = new MapView(context);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1100, 760));
        stage.show();
    }

    @AfterAll
    static void close() {
        if (project != null) {
            project.close();
        }
    }

    @Test
    void opensTheLayerDrawsItSelectsAFeatureAndExportsPng(FxRobot robot) throws Exception {
        ListView<?> layers = robot.lookup("#map-layers").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());
        assertEquals("wards", layers.getItems().get(0));
        robot.clickOn("#map-show");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.currentSpec() != null);
        WaitForAsyncUtils.waitForFxEvents();
        // Click the middle of 中原区 (its interior point, found through the view's own hit test on a grid of pixels).
        javafx.scene.canvas.Canvas canvas = robot.lookup("#map-canvas").queryAs(javafx.scene.canvas.Canvas.class);
        javafx.geometry.Point2D hit = null;
        for (int y = 50; y < canvas.getHeight() && hit == null; y += 20) {
            for (int x = 50; x < canvas.getWidth() && hit == null; x += 20) {
                if (view.featureAt(x, y) >= 0) {
                    hit = canvas.localToScreen(x, y);
                }
            }
        }
        assertTrue(hit != null, "some feature is on screen");
        robot.moveTo(hit).clickOn(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.List.of("wards"), context.shownDatasets());
        robot.scroll(2, javafx.geometry.VerticalDirection.UP);
        Path png = dir.resolve("map.png");
        robot.interact(() -> view.export(png, 900, 700, 150));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(png) && Files.size(png) > 1000);
        Thread.sleep(300);
        var img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertTrue(context.errors().isEmpty(), context.errors().toString());
    }

    @Test
    void bundlesHaveTheSameKeys() throws Exception {
        Properties en = new Properties();
        Properties ja = new Properties();
        try (InputStream a = getClass().getResourceAsStream("/jp/ebpm/workbench/i18n/map.properties");
             InputStream b = getClass().getResourceAsStream("/jp/ebpm/workbench/i18n/map_ja.properties")) {
            en.load(a);
            ja.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(en.keySet(), ja.keySet());
        assertEquals("地図", ja.getProperty("map.title"));
    }
}
