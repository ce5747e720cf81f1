package jp.ebpm.analysis.gis.overlay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import jp.ebpm.analysis.gis.crs.Reprojector;
import jp.ebpm.analysis.io.PointBatchReader;
import jp.ebpm.analysis.io.PointGroups;
import jp.ebpm.analysis.io.PointScan;
import jp.ebpm.analysis.store.PointFunctions;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Points in polygons on points of any size: the points are streamed by DuckDB from a file or dataset
 * ({@link PointBatchReader}) through the {@link PointLocator} in column batches, and counted, joined to a CSV file or
 * stored as a new table by DuckDB; only the polygons and their index are held in memory. The command line and the
 * app's overlay panel both use this class. The rule for points on shared edges is {@link PointLocator}'s: a point
 * counts once, for the polygon with the lowest key; the results equal {@link PointsInPolygons} on the same points.
 *
 * <p>Points are transformed into the polygons' coordinate system when the two differ, except between the geographic
 * systems WGS 84, JGD2011 and JGD2000, which agree to well below a metre and are used as they are.
 *
 * @since 0.1
 */
public final class PointOverlay {

    private PointOverlay() {
    }

    /**
     * Counts per polygon key.
     *
     * @param keyField the key field
     * @param rows     one row per key, in the polygons' order of first appearance (every key, 0 when empty)
     * @param scan     rows read, points skipped (bad coordinates) and points outside every polygon ({@code unmatched})
     */
    public record Result(String keyField, List<PointsInPolygons.Row> rows, PointScan scan) {
        /** Usable points covered by no polygon. */
        public long outside() {
            return scan.unmatched();
        }
    }

    /**
     * The locator as a batch function: for each point the index (in {@link KeyedPolygons#keys()}) of the key of the
     * covering polygon, or {@link PointFunctions#NULL} outside every polygon.
     *
     * @param pointsEpsg the points' coordinate system
     */
    public static PointFunctions.Kernel keyOfPoint(KeyedPolygons polygons, int pointsEpsg) {
        PointLocator locator = new PointLocator(polygons.polygons());
        int[] keyIndex = polygons.keyIndex();
        if (!PointsInPolygons.needsTransform(pointsEpsg, polygons.epsg())) {
            return (x, y, n, out) -> {
                for (int i = 0; i < n; i++) {
                    int p = Double.isNaN(x[i]) ? -1 : locator.locate(x[i], y[i]);
                    out[i] = p < 0 ? PointFunctions.NULL : keyIndex[p];
                }
            };
        }
        // proj4j transforms keep state: one per DuckDB worker thread
        ThreadLocal<Reprojector> reprojector = ThreadLocal.withInitial(() -> new Reprojector(pointsEpsg, polygons.epsg()));
        return (x, y, n, out) -> {
            Reprojector r = reprojector.get();
            for (int i = 0; i < n; i++) {
                int p = -1;
                if (!Double.isNaN(x[i])) {
                    double[] xy = r.transform(x[i], y[i]);
                    p = locator.locate(xy[0], xy[1]);
                }
                out[i] = p < 0 ? PointFunctions.NULL : keyIndex[p];
            }
        };
    }

    /**
     * Counts points per polygon key: points, distinct non-blank ids, and the sum and number of the non-missing values.
     *
     * @param idColumn    id column for distinct counts, or null
     * @param valueColumn numeric column to sum, or null
     */
    public static Result count(PointBatchReader points, KeyedPolygons polygons, String idColumn, String valueColumn,
                               ProgressListener progress, Cancellation cancel) {
        progress.progress("Indexing polygons", 0, -1);
        PointFunctions.Kernel kernel = keyOfPoint(polygons, points.epsg());
        PointGroups g = points.groupBy(kernel, idColumn, valueColumn, progress, cancel);
        List<PointsInPolygons.Row> rows = new ArrayList<>();
        for (int i = 0; i < polygons.keys().size(); i++) {
            PointGroups.Group group = g.groups().get((long) i);
            rows.add(group == null ? new PointsInPolygons.Row(polygons.keys().get(i), 0, 0, 0, 0)
                    : new PointsInPolygons.Row(polygons.keys().get(i), group.count(), group.distinctIds(), group.sum(), group.valueCount()));
        }
        return new Result(polygons.keyField(), rows, g.scan());
    }

    /** The name of the key column added by a join: the key field, or {@code <key>_polygon} when the points have that column. */
    public static String joinColumn(List<String> pointColumns, String keyField) {
        return pointColumns.contains(keyField) ? keyField + "_polygon" : keyField;
    }

    /**
     * Writes every point row to a CSV file with the key of its covering polygon added ({@link #joinColumn}; empty
     * outside every polygon and for skipped points), in the points' order.
     */
    public static PointScan joinToCsv(PointBatchReader points, KeyedPolygons polygons, Path out, ProgressListener progress,
                                      Cancellation cancel) {
        progress.progress("Indexing polygons", 0, -1);
        return points.copyCsv(out, keyOfPoint(polygons, points.epsg()), joinColumn(points.columns(), polygons.keyField()),
                keyLabel(polygons), progress, cancel);
    }

    /**
     * Stores the points with the key of their covering polygon as a new table of the points' project (a layer when the
     * points are a layer); {@code then} runs on the same connection before the commit.
     */
    public static <T> T joinToTable(PointBatchReader points, KeyedPolygons polygons, String table, Project.SqlWork<T> then,
                                    ProgressListener progress, Cancellation cancel) {
        progress.progress("Indexing polygons", 0, -1);
        return points.createTable(table, keyOfPoint(polygons, points.epsg()), joinColumn(points.columns(), polygons.keyField()),
                keyLabel(polygons), then, progress, cancel);
    }

    /** SQL turning a key index into the key text. */
    static UnaryOperator<String> keyLabel(KeyedPolygons polygons) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < polygons.keys().size(); i++) {
            list.append(i == 0 ? "" : ", ").append(Sql.literal(polygons.keys().get(i)));
        }
        String keys = list.append("]::VARCHAR[]").toString();
        return call -> "list_extract(" + keys + ", " + call + " + 1)";
    }
}
