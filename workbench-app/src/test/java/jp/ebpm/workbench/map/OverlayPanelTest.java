package jp.ebpm.workbench.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
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

import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.QueryResult;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.app.TestAppContext;

/** The help desk's overlays from the map tab, on the bundled sample project. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OverlayPanelTest {

    @TempDir
    Path home;
    Project project;
    TestAppContext context;
    OverlayPanel panel;

    @Start
    void start(Stage stage) {
        project = Project.open(SampleProject.ensure(home, ProgressListener.NONE, Cancellation.none()));
        context = new TestAppContext(project);
        panel = new OverlayPanel(context, context.bundle("map"), name -> { });
        panel.setLayers(MapModel.layers(project));
        stage.setScene(new Scene(new StackPane(panel.node()), 500, 500));
        stage.show();
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void countsSheltersPerWardAndComputesPopulationCoverage(FxRobot robot) throws Exception {
        robot.interact(() -> {
            panel.operation.setValue(OverlayPanel.Operation.COUNT);
            panel.points.setValue("kawasaki_shelters");
            panel.polygons.setValue("kawasaki_wards");
            panel.key.setValue("N03_007");
            panel.output.setText("shelters_per_ward");
            panel.run();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.infos().contains("created shelters_per_ward")
                || !context.errors().isEmpty());
        assertTrue(context.errors().isEmpty(), () -> context.errors().toString());
        QueryResult r = project.query("SELECT \"N03_007\", count FROM shelters_per_ward ORDER BY 1", 10, Cancellation.none());
        assertEquals(7, r.rowCount());
        // GSI designated emergency evacuation sites in 川崎区 (14131): 35, the same as `workbench overlay count`.
        assertEquals("14131", r.get(0, 0).toString());
        assertEquals(35L, ((Number) r.get(0, 1)).longValue());

        robot.interact(() -> {
            panel.operation.setValue(OverlayPanel.Operation.COVERAGE);
            panel.source.setValue("kawasaki_mesh500_population_synthetic");
            panel.distance.setText("500");
            panel.output.setText("coverage_500m");
            panel.run();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.infos().contains("created coverage_500m")
                || !context.errors().isEmpty());
        assertTrue(context.errors().isEmpty(), () -> context.errors().toString());
        QueryResult c = project.query("SELECT population_share FROM coverage_500m WHERE \"N03_007\" = '14132'", 1,
                Cancellation.none());
        // Share of 幸区's (synthetic mesh) population within 500 m of a shelter: 0.8897 by the command line too.
        assertEquals(0.8897, ((Number) c.get(0, 0)).doubleValue(), 1e-3);
        // shown rounded for reading (share as %, people as whole numbers); the dataset keeps full precision
        WaitForAsyncUtils.waitForFxEvents();
        List<String> header = panel.result.getColumns().stream().map(col -> col.getText()).toList();
        List<String> saiwai = panel.result.getItems().stream().filter(row -> row.get(0).equals("14132")).findFirst().orElseThrow();
        assertEquals("89.0%", saiwai.get(header.indexOf("population_share")));
        assertTrue(saiwai.get(header.indexOf("population_covered")).matches("[0-9,]+"), saiwai.toString());
    }

    @Test
    void choicesOfferOnlyLayersOfTheKindTheOperationNeeds(FxRobot robot) {
        robot.interact(() -> {
            panel.polygons.setValue("kawasaki_wards");
            panel.source.setValue("kawasaki_mesh500_population_synthetic");
        });
        assertEquals(List.of("kawasaki_nurseries", "kawasaki_shelters"), panel.points.getItems().stream().sorted().toList());
        assertTrue(panel.polygons.getItems().contains("kawasaki_wards"));
        assertTrue(panel.polygons.getItems().stream().noneMatch(n -> n.contains("shelters") || n.contains("nurseries")));
        assertEquals("N03_007", panel.key.getValue(), "a key-like field of the polygons");
        assertEquals("population", panel.valueField.getValue(), "the population layer's value field is not a key");
        assertEquals("A layer of points (e.g. shelters, nurseries).", panel.points.getTooltip().getText());
    }
}
