package jp.ebpm.analysis.gis.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.io.PointBatchReader;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads any supported vector file by its extension: {@code .geojson}/{@code .json} (GeoJSON), {@code .zip}/{@code .shp}
 * (shapefile), {@code .csv}/{@code .txt}/{@code .tsv}/{@code .xlsx}/{@code .xls} (point table).
 *
 * @since 0.1
 */
public final class VectorReader {

    private VectorReader() {
    }

    /**
     * Reads a file.
     *
     * @param epsg   coordinate system for files that carry none (GeoJSON without crs, CSV, shapefile without .prj);
     *               0 = default
     * @param latCol latitude column of point tables, or null to detect
     * @param lonCol longitude column of point tables, or null to detect
     */
    public static VectorData read(Path file, int epsg, String latCol, String lonCol, GeometryFactory f) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new WorkbenchException("The file does not exist.", file.getFileName().toString(), null, null, null);
        }
        if (n.endsWith(".geojson") || n.endsWith(".json")) {
            return GeoJsonReader.read(file, epsg, f);
        }
        if (n.endsWith(".zip") || n.endsWith(".shp")) {
            return ShapefileReader.read(file, epsg, f);
        }
        if (n.endsWith(".csv") || n.endsWith(".txt") || n.endsWith(".tsv") || n.endsWith(".xlsx") || n.endsWith(".xls")) {
            try (PointBatchReader points = PointBatchReader.open(file, latCol, lonCol, null, epsg, ProgressListener.NONE,
                    Cancellation.none())) {
                return points.features(f, Cancellation.none());
            }
        }
        throw new WorkbenchException("Unsupported file type: use GeoJSON, a zipped shapefile, .shp, CSV or Excel.",
                file.getFileName().toString(), null, null, null);
    }
}
