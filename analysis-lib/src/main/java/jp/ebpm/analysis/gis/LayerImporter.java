package jp.ebpm.analysis.gis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.io.VectorReader;
import jp.ebpm.analysis.io.ImportResult;
import jp.ebpm.analysis.io.SourceInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Puntal;

/**
 * Imports a vector file (GeoJSON, zipped shapefile or .shp, CSV/Excel point table) into a project as a layer:
 * reads it ({@link VectorReader}), repairs invalid geometries ({@link GeometryRepair}), and stores it with
 * {@link LayerWriter}. The catalog entry records {@code crs}, {@code repaired_geometries},
 * {@code empty_geometries} and {@code geometry_types}; the result's warnings say the same in words.
 *
 * @since 0.1
 */
public final class LayerImporter {

    private LayerImporter() {
    }

    /** Whether a file name looks like a layer this importer reads (.geojson, .json, .zip, .shp). */
    public static boolean handles(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".geojson") || n.endsWith(".json") || n.endsWith(".zip") || n.endsWith(".shp");
    }

    /**
     * Imports a file as a layer.
     *
     * @throws WorkbenchException when the file cannot be read or the name is taken; the project is unchanged
     * @throws jp.ebpm.analysis.task.CancelledException when cancelled; the project is unchanged
     */
    public static ImportResult importLayer(Project project, Path file, LayerImportOptions options,
                                           ProgressListener progress, Cancellation cancel) {
        LayerImportOptions o = options == null ? LayerImportOptions.defaults() : options;
        String fileName = file.getFileName().toString();
        String name = o.name() != null ? o.name() : fileName.replaceFirst("\\.[^.]+$", "");
        project.catalog().checkNewName(name);
        progress.progress("Reading " + fileName, 0, -1);
        VectorData data;
        try {
            data = VectorReader.read(file, o.epsg(), o.latColumn(), o.lonColumn(), new GeometryFactory());
        } catch (IOException e) {
            throw new WorkbenchException("The file cannot be read (" + e.getMessage() + ").", fileName, null, null, e);
        }
        if (data.features().isEmpty()) {
            throw new WorkbenchException("The layer holds no features; there is nothing to import.", fileName, null, null, null);
        }
        String sha = SourceInfo.sha256(file);
        cancel.check();
        GeometryRepair repair = GeometryRepair.of(data);
        boolean allPoints = repair.data().features().stream().allMatch(f -> f.geometry() == null || f.geometry() instanceof Puntal);
        DatasetKind kind = o.kind() != null ? o.kind() : allPoints ? DatasetKind.POINTS : DatasetKind.BOUNDARY;
        Map<String, String> props = new LinkedHashMap<>();
        props.put("repaired_geometries", Integer.toString(repair.repaired()));
        props.put("empty_geometries", Integer.toString(repair.empty()));
        props.put("geometry_types", String.join(",", repair.data().features().stream()
                .filter(f -> f.geometry() != null).map(f -> f.geometry().getGeometryType()).distinct().sorted().toList()));
        DatasetInfo info = LayerWriter.write(project, name, repair.data(),
                new LayerWriter.Meta(kind, fileName, sha, data.encoding(), o.license(),
                        o.sensitivity(), o.description(), props), progress, cancel);
        return new ImportResult(info, repair.messages());
    }
}
