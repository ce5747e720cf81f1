package jp.ebpm.analysis.gis;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Repairs invalid geometries with JTS {@link GeometryFixer} (self-intersections, wrong ring nesting, collapsed
 * rings, repeated points) and counts what it did. Nothing is dropped: a geometry that is missing stays
 * {@code null}, an empty one stays empty, and both are counted.
 *
 * @param data      the repaired features
 * @param repaired  number of invalid geometries that were repaired
 * @param empty     number of features without a geometry ({@code null}) or with an empty one (including repairs that
 *                  collapsed to empty)
 * @param messages  plain-words summary for the user
 * @since 0.1
 */
public record GeometryRepair(VectorData data, int repaired, int empty, List<String> messages) {

    /** Checks and repairs every feature. */
    public static GeometryRepair of(VectorData in) {
        List<GeoFeature> out = new ArrayList<>(in.features().size());
        int repaired = 0;
        int empty = 0;
        int collapsed = 0;
        for (GeoFeature f : in.features()) {
            Geometry g = f.geometry();
            if (g != null && !g.isEmpty() && !g.isValid()) {
                g = GeometryFixer.fix(g);
                repaired++;
                if (g.isEmpty()) {
                    collapsed++;
                }
            }
            if (g == null || g.isEmpty()) {
                empty++;
            }
            out.add(g == f.geometry() ? f : new GeoFeature(g, f.attributes()));
        }
        List<String> msgs = new ArrayList<>(in.warnings());
        if (repaired > 0) {
            msgs.add(repaired + " invalid geometries were repaired (JTS GeometryFixer)"
                    + (collapsed > 0 ? "; " + collapsed + " of them collapsed to empty" : "") + ".");
        }
        if (empty > 0) {
            msgs.add(empty + " features have no or an empty geometry; they were kept and are left out of maps and overlays.");
        }
        return new GeometryRepair(new VectorData(in.fields(), out, in.epsg(), in.encoding(), msgs), repaired, empty, msgs);
    }
}
