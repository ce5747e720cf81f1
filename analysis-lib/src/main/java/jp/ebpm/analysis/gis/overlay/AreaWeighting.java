package jp.ebpm.analysis.gis.overlay;

import java.util.ArrayList;
import java.util.List;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Area-weighted apportionment (areal interpolation) of counts from source polygons (e.g. mesh cells with a
 * population) to target polygons (e.g. wards): each source value is split in proportion to area,
 * {@code target_value = Σ_s value_s · area(s ∩ t) / area(s)}, assuming the value is spread evenly over its source
 * polygon (Goodchild &amp; Lam 1980). Optionally also the part within a coverage area (e.g. the union of 500 m buffers
 * around shelters): {@code covered_t = Σ_s value_s · area(s ∩ t ∩ cover) / area(s)}. All areas are computed in a
 * plane-rectangular zone (m²). Value falling outside every target is reported as {@code unassigned}.
 *
 * @since 0.1
 */
public final class AreaWeighting {

    private AreaWeighting() {
    }

    /**
     * Result per target key.
     *
     * @param keys       target keys in order of first appearance
     * @param fields     value fields
     * @param totals     [key][field] apportioned totals
     * @param covered    [key][field] apportioned totals inside the cover, or null without a cover
     * @param areas      target area per key (m²)
     * @param unassigned per field, source value that fell in no target
     * @param epsg       plane zone used
     */
    public record Result(List<String> keys, List<String> fields, double[][] totals, double[][] covered, double[] areas,
                         double[] unassigned, int epsg) {
    }

    /**
     * Apportions source values to targets.
     *
     * @param source      source polygons with numeric value fields
     * @param valueFields fields of {@code source} to apportion (non-numbers count as 0)
     * @param target      target polygons grouped by key
     * @param targetLayer the target layer (for its coordinate system)
     * @param cover       coverage geometry in the plane zone, or null
     * @param planeEpsg   the plane zone
     * @param withinTargets divide by the part of each source polygon that lies inside the targets instead of its whole
     *                    area ({@code value_s · area(s ∩ t) / area(s ∩ ∪targets)}): use when the values are known to lie
     *                    inside the target area (e.g. a city's mesh population whose edge cells extend into the sea)
     */
    public static Result apportion(VectorData source, List<String> valueFields, KeyedPolygons target, VectorData targetLayer,
                                   Geometry cover, int planeEpsg, boolean withinTargets, ProgressListener progress,
                                   Cancellation cancel) {
        for (String f : valueFields) {
            if (!source.fields().contains(f)) {
                throw new IllegalArgumentException("The source polygons have no field \"" + f + "\" (fields: "
                        + String.join(", ", source.fields()) + ").");
            }
        }
        List<Geometry> src = PlaneZone.geometries(source, planeEpsg);
        VectorData tv = new VectorData(List.of(), target.polygons().stream().map(g -> new GeoFeature(g, java.util.Map.of())).toList(),
                targetLayer.epsg(), null, List.of());
        List<Geometry> tgt = PlaneZone.geometries(tv, planeEpsg);
        int k = target.keys().size();
        int nf = valueFields.size();
        double[][] totals = new double[k][nf];
        double[][] covered = cover == null ? null : new double[k][nf];
        double[] areas = new double[k];
        double[] unassigned = new double[nf];
        STRtree tree = new STRtree();
        for (int i = 0; i < tgt.size(); i++) {
            Geometry g = tgt.get(i);
            if (g != null && !g.isEmpty()) {
                tree.insert(g.getEnvelopeInternal(), i);
                areas[target.keyIndex()[i]] += g.getArea();
            }
        }
        STRtree coverTree = new STRtree();
        if (cover != null) {
            for (int i = 0; i < cover.getNumGeometries(); i++) {
                coverTree.insert(cover.getGeometryN(i).getEnvelopeInternal(), cover.getGeometryN(i));
            }
        }
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (Geometry g : tgt) {
            prepared.add(g == null || g.isEmpty() ? null : PreparedGeometryFactory.prepare(g));
        }
        GeometryFactory gf = new GeometryFactory();
        for (int s = 0; s < src.size(); s++) {
            if ((s & 255) == 0) {
                cancel.check();
                progress.progress("Apportioning", s, src.size());
            }
            Geometry g = src.get(s);
            double[] vals = new double[nf];
            for (int j = 0; j < nf; j++) {
                Object v = source.features().get(s).get(valueFields.get(j));
                vals[j] = v instanceof Number n ? n.doubleValue() : parse(v);
            }
            double area = g == null ? 0 : g.getArea();
            if (area <= 0) {
                for (int j = 0; j < nf; j++) {
                    unassigned[j] += vals[j];
                }
                continue;
            }
            Geometry localCover = null;
            if (cover != null) {
                @SuppressWarnings("unchecked")
                List<Geometry> parts = coverTree.query(g.getEnvelopeInternal());
                localCover = parts.isEmpty() ? null : g.intersection(gf.buildGeometry(parts));
            }
            double assignedShare = 0;
            List<double[]> parts = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Integer> hits = tree.query(g.getEnvelopeInternal());
            for (int t : hits) {
                PreparedGeometry pt = prepared.get(t);
                if (!pt.intersects(g)) {
                    continue;
                }
                double share;
                Geometry inter;
                if (pt.containsProperly(g)) {
                    share = 1;
                    inter = g;
                } else {
                    inter = g.intersection(tgt.get(t));
                    share = inter.getArea() / area;
                }
                assignedShare += share;
                double c = localCover == null || localCover.isEmpty() ? 0
                        : (share == 1 ? localCover : localCover.intersection(inter)).getArea() / area;
                parts.add(new double[] {target.keyIndex()[t], share, c});
            }
            double scale = withinTargets && assignedShare > 0 ? 1 / assignedShare : 1;
            for (double[] part : parts) {
                int key = (int) part[0];
                for (int j = 0; j < nf; j++) {
                    totals[key][j] += vals[j] * part[1] * scale;
                    if (covered != null) {
                        covered[key][j] += vals[j] * part[2] * scale;
                    }
                }
            }
            for (int j = 0; j < nf; j++) {
                unassigned[j] += vals[j] * Math.max(0, 1 - assignedShare * scale);
            }
        }
        return new Result(target.keys(), List.copyOf(valueFields), totals, covered, areas, unassigned, planeEpsg);
    }

    private static double parse(Object v) {
        if (v == null) {
            return 0;
        }
        try {
            return Double.parseDouble(v.toString().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
