package jp.ebpm.analysis.gis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.ImportResult;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.CancelledException;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerImporterIT {

    @TempDir
    Path dir;

    @Test
    void invalidGeometriesAreRepairedEmptyOnesKeptAndEverythingSurvivesReopen() throws Exception {
        // A bow-tie (self-intersecting) polygon, a valid square, a null geometry and an empty polygon.
        String json = "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"bowtie\",\"fid\":9},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[139.0,35.0],[139.1,35.1],[139.1,35.0],[139.0,35.1],[139.0,35.0]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"square\",\"fid\":10},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[139.2,35.0],[139.3,35.0],[139.3,35.1],[139.2,35.1],[139.2,35.0]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"none\",\"fid\":11},\"geometry\":null},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"empty\",\"fid\":12},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}]}";
        Path f = dir.resolve("areas.geojson");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        Path p = dir.resolve("proj");
        try (Project project = Project.create(p)) {
            ImportResult r = LayerImporter.importLayer(project, f, LayerImportOptions.defaults(), ProgressListener.NONE, Cancellation.none());
            assertEquals(4, r.dataset().rowCount());
            assertEquals("1", r.dataset().property("repaired_geometries"));
            assertEquals("2", r.dataset().property("empty_geometries"));
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("1 invalid geometries were repaired")));
            assertEquals(DatasetKind.BOUNDARY, r.dataset().kind());
        }
        try (Project project = Project.open(p)) {
            DatasetInfo info = project.catalog().get("areas");
            assertEquals("EPSG:4326", info.property("crs"));
            assertTrue(info.columnNames().containsAll(java.util.List.of("fid", "fid_attr", "name", "geom", "minx", "miny", "maxx", "maxy")));
            VectorData v = Layers.read(project, "areas");
            assertEquals(4, v.features().size());
            assertTrue(v.features().get(0).geometry().isValid());
            // The bow-tie's two triangles each have area 0.1 × 0.05 / 2 = 0.0025 square degrees (hand computation).
            assertEquals(0.005, v.features().get(0).geometry().getArea(), 1e-12);
            assertNull(v.features().get(2).geometry());
            assertTrue(v.features().get(3).geometry().isEmpty());
            assertEquals(9L, v.features().get(0).get("fid_attr"));
            var q = project.query("SELECT count(*) FROM areas WHERE minx IS NULL", 10, Cancellation.none());
            assertEquals(2L, ((Number) q.rows().get(0)[0]).longValue());
        }
    }

    @Test
    void failedOrCancelledImportLeavesTheProjectUnchanged() throws Exception {
        Path f = dir.resolve("pts.csv");
        Files.writeString(f, "名称,緯度,経度\nA,35.5,139.6\nB,,\n", StandardCharsets.UTF_8);
        try (Project project = Project.create(dir.resolve("p2"))) {
            Cancellation c = new Cancellation();
            c.cancel();
            assertThrows(CancelledException.class, () -> LayerImporter.importLayer(project, f, LayerImportOptions.defaults(),
                    ProgressListener.NONE, c));
            assertFalse(project.catalog().exists("pts"));
            assertThrows(WorkbenchException.class, () -> LayerImporter.importLayer(project, dir.resolve("missing.geojson"),
                    LayerImportOptions.defaults(), ProgressListener.NONE, Cancellation.none()));
            ImportResult r = LayerImporter.importLayer(project, f, LayerImportOptions.defaults(), ProgressListener.NONE, Cancellation.none());
            assertEquals(DatasetKind.POINTS, r.dataset().kind());
            assertEquals("EPSG:6668", r.dataset().property("crs"));
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("1 rows have no usable latitude/longitude")));
            assertThrows(WorkbenchException.class, () -> LayerImporter.importLayer(project, f, LayerImportOptions.defaults(),
                    ProgressListener.NONE, Cancellation.none()));
        }
    }
}
