package jp.ebpm.analysis.gis.overlay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.gis.crs.Reprojector;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Points in polygons: for every polygon key, the number of points, the number of distinct point ids, and the sum and
 * mean of a point value; plus the join form (the key of the polygon covering each point). Every key appears, with 0
 * when no point falls in it. A point on a shared edge or vertex is counted once, in the polygon with the lowest key
 * (see {@link PointLocator}). Points without coordinates or outside all polygons are not counted; their numbers are
 * reported.
 *
 * <p>Coordinates: points are transformed into the polygons' system when the two differ, except between the geographic
 * systems WGS 84, JGD2011 and JGD2000, which agree to well below a metre and are used as they are.
 *
 * @since 0.1
 */
public final class PointsInPolygons {

    private PointsInPolygons() {
    }

    /**
     * One output row.
     *
     * @param key         the polygon key text
     * @param count       points in the polygon(s) with this key
     * @param distinctIds distinct non-empty ids among them (0 when no ids were given)
     * @param sum         sum of the non-missing values (0 when none)
     * @param valueCount  number of non-missing values summed
     */
    public record Row(String key, long count, long distinctIds, double sum, long valueCount) {
        /** Mean of the values, NaN when there are none. */
        public double mean() {
            return valueCount == 0 ? Double.NaN : sum / valueCount;
        }
    }

    /**
     * The result.
     *
     * @param keyField   the key field
     * @param rows       one row per key, in the polygons' order of first appearance
     * @param assignment per point: index into {@code rows}, or -1
     * @param unlocated  points without coordinates
     * @param outside    points with coordinates covered by no polygon
     */
    public record Result(String keyField, List<Row> rows, int[] assignment, long unlocated, long outside) {
    }

    /**
     * Counts points per polygon key.
     *
     * @throws jp.ebpm.analysis.task.CancelledException when cancelled
     */
    public static Result count(KeyedPolygons polygons, PointSet points, ProgressListener progress, Cancellation cancel) {
        double[] xs = points.x();
        double[] ys = points.y();
        if (needsTransform(points.epsg(), polygons.epsg())) {
            Reprojector r = new Reprojector(points.epsg(), polygons.epsg());
            xs = new double[points.size()];
            ys = new double[points.size()];
            for (int i = 0; i < xs.length; i++) {
                double[] p = Double.isNaN(points.x()[i]) || Double.isNaN(points.y()[i])
                        ? new double[] {Double.NaN, Double.NaN} : r.transform(points.x()[i], points.y()[i]);
                xs[i] = p[0];
                ys[i] = p[1];
            }
        }
        progress.progress("Indexing polygons", 0, -1);
        PointLocator locator = new PointLocator(polygons.polygons());
        int[] poly = locator.locateAll(xs, ys, progress, cancel);
        int k = polygons.keys().size();
        long[] count = new long[k];
        double[] sum = new double[k];
        long[] nval = new long[k];
        List<Set<String>> ids = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ids.add(points.ids() == null ? null : new HashSet<>());
        }
        int[] assignment = new int[poly.length];
        long unlocated = 0;
        long outside = 0;
        for (int i = 0; i < poly.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                unlocated++;
                assignment[i] = -1;
                continue;
            }
            if (poly[i] < 0) {
                outside++;
                assignment[i] = -1;
                continue;
            }
            int key = polygons.keyIndex()[poly[i]];
            assignment[i] = key;
            count[key]++;
            if (points.ids() != null && points.ids()[i] != null && !points.ids()[i].isEmpty()) {
                ids.get(key).add(points.ids()[i]);
            }
            if (points.values() != null && !Double.isNaN(points.values()[i])) {
                sum[key] += points.values()[i];
                nval[key]++;
            }
        }
        List<Row> rows = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            rows.add(new Row(polygons.keys().get(i), count[i], ids.get(i) == null ? 0 : ids.get(i).size(), sum[i], nval[i]));
        }
        return new Result(polygons.keyField(), rows, assignment, unlocated, outside);
    }

    /** Whether points in {@code from} must be transformed to compare with polygons in {@code to}. */
    static boolean needsTransform(int from, int to) {
        if (from == to) {
            return false;
        }
        boolean fromModern = from == Crs.WGS84 || from == Crs.JGD2011 || from == Crs.JGD2000;
        boolean toModern = to == Crs.WGS84 || to == Crs.JGD2011 || to == Crs.JGD2000;
        return !(fromModern && toModern);
    }
}
