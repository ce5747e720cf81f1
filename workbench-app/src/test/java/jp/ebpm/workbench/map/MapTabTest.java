package jp.ebpm.workbench.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.ebpm.analysis.gis.map.MapLayer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.app.TestAppContext;
import jp.ebpm.workbench.cli.CliTestSupport;

/**
 * The Map tab on the sample project: several layers on one map with legend entries and every source attributed,
 * the default value field (never a key) and labels by name — the same map as {@code workbench map render} — and
 * export of the map on screen only (off while a new map loads).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MapTabTest {

    static final String MESH = "kawasaki_mesh500_population_synthetic";

    @TempDir
    Path home;
    Project project;
    TestAppContext context;
    MapView view;

    @Start
    void start(Stage stage) {
        project = Project.open(SampleProject.ensure(home, ProgressListener.NONE, Cancellation.none()));
        context = new TestAppContext(project);
        view = new MapView(context);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        project.close();
    }

    @SuppressWarnings("unchecked")
    private MapSpec showLayer(FxRobot robot, String layer, List<String> onTop) throws Exception {
        ListView<String> layers = robot.lookup("#map-layers").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> layers.getItems().contains(layer));
        robot.interact(() -> layers.getSelectionModel().select(layer));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.shown().forOutput().filter(m -> m.layer().equals(layer)).isPresent());
        if (!onTop.isEmpty()) {
            robot.interact(() -> {
                onTop.forEach(l -> view.drawOnTop(l, true));
                view.load();
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.shown().forOutput()
                    .filter(m -> m.overlays().size() == onTop.size()).isPresent());
        }
        WaitForAsyncUtils.waitForFxEvents();
        return view.currentSpec();
    }

    @Test
    void meshChoroplethWithWardOutlinesAndShelterPointsAttributesEverySource(FxRobot robot) throws Exception {
        MapSpec spec = showLayer(robot, MESH, List.of("kawasaki_shelters", "kawasaki_wards"));
        assertEquals(3, spec.layers().size());
        MapLayer base = spec.layers().get(0);
        assertEquals("population", base.valueName(), "the population, never mesh_code or fid");
        assertNull(base.labels(), "500 m cells are not each labelled with their ward's name");
        assertEquals("kawasaki_shelters", spec.layers().get(1).name());
        assertNull(spec.layers().get(1).values(), "an overlay is a plain layer with a legend entry");
        for (String source : List.of("神奈川県人口統計調査", "指定緊急避難場所データ", "国土数値情報（行政区域データ）")) {
            assertTrue(spec.attribution().contains(source), spec.attribution());
        }
        // the command line draws the same map from the same library call: same classes of the same default field
        Path folder = Files.createDirectories(home.resolve("maps"));
        CliTestSupport.Result r = CliTestSupport.run("map", "render", "--project", project.directory().toString(), "--layer", MESH,
                "--overlay", "kawasaki_shelters", "--overlay", "kawasaki_wards", "--out", folder.toString());
        assertEquals(0, r.exitCode(), r.err());
        // the same default file name as the tab's save dialog (one naming rule)
        assertTrue(Files.exists(folder.resolve(MapView.suggestedName(view.shown().forOutput().orElseThrow()))), r.out());
        JsonNode breaks = new ObjectMapper().readTree(r.out()).get("breaks");
        double[] app = base.classification().breaks();
        assertEquals(app.length, breaks.size());
        for (int i = 0; i < app.length; i++) {
            assertEquals(app[i], breaks.get(i).asDouble(), 1e-9);
        }
    }

    @Test
    void wardsAreLabelledWithTheirNames(FxRobot robot) throws Exception {
        MapSpec spec = showLayer(robot, "kawasaki_wards", List.of());
        List<String> labels = spec.layers().get(0).labels();
        assertTrue(labels != null && labels.contains("中原区"), String.valueOf(labels));
    }

    @Test
    void exportIsOffWhileANewMapLoadsAndThenWritesTheMapOnScreen(FxRobot robot) throws Exception {
        showLayer(robot, "kawasaki_wards", List.of());
        Button export = robot.lookup("#map-export").queryButton();
        assertTrue(!export.isDisabled());
        java.util.concurrent.CountDownLatch slow = context.holdTasks();
        robot.interact(() -> {
            view.drawOnTop("kawasaki_shelters", true);
            view.load();
        });
        assertTrue(export.isDisabled(), "off while the new map loads");
        Path png = home.resolve("while-loading.png");
        robot.interact(() -> assertNull(view.export(png, 800, 600, 96)));
        context.stopHolding();
        slow.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !export.isDisabled());
        assertTrue(!Files.exists(png));
        robot.interact(() -> view.export(png, 800, 600, 96));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(png) && Files.size(png) > 1000);
        assertEquals(2, view.shown().forOutput().orElseThrow().spec().layers().size(), "the map on screen, with the shelters");
        assertTrue(context.errors().isEmpty(), context.errors().toString());
    }
}
