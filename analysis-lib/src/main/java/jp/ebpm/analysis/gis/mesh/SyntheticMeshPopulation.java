package jp.ebpm.analysis.gis.mesh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.gis.overlay.KeyedPolygons;
import jp.ebpm.analysis.gis.overlay.PlaneZone;
import jp.ebpm.analysis.gis.overlay.PointLocator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Generates a <b>synthetic</b> mesh population layer whose totals per area equal given real totals (e.g. each ward's
 * population). Deterministic; the method:
 * <ol>
 *   <li>all cells of the level over the areas' extent are generated ({@link MeshGrid});</li>
 *   <li>each cell meeting an area is assigned to one area: the one covering the cell centre (lowest key on edges),
 *       else the one with the largest overlap;</li>
 *   <li>cell weight = (overlap area of the cell with its area, m², plane zone) &times; (0.3 + 1.4&middot;u), where u in [0, 1)
 *       is a SplitMix64 hash of the mesh code and the seed;</li>
 *   <li>each area's total is split over its cells in proportion to the weights with the largest-remainder method
 *       (Hamilton), ties broken by mesh code, so the integers sum exactly to the total.</li>
 * </ol>
 * Fields: {@code mesh_code}, {@code area_key}, {@code area_name}, {@code population} (integer), {@code synthetic} (true).
 *
 * @since 0.1
 */
public final class SyntheticMeshPopulation {

    private SyntheticMeshPopulation() {
    }

    /**
     * Generates the layer.
     *
     * @param areas      area polygons (lon/lat)
     * @param keyField   area key field (matches {@code totals})
     * @param nameField  area name field, or null
     * @param totals     total per area key
     * @param level      mesh level (e.g. HALF for 500 m)
     * @param seed       random seed
     * @throws IllegalArgumentException when an area key has no total or an area has no cell
     */
    public static VectorData generate(VectorData areas, String keyField, String nameField, Map<String, Long> totals,
                                      MeshLevel level, long seed) {
        GeometryFactory f = new GeometryFactory();
        KeyedPolygons kp = KeyedPolygons.of(areas, keyField);
        Map<String, String> names = new LinkedHashMap<>();
        Envelope env = new Envelope();
        for (GeoFeature a : areas.features()) {
            if (a.geometry() != null) {
                env.expandToInclude(a.geometry().getEnvelopeInternal());
            }
            names.putIfAbsent(KeyedPolygons.keyText(a.get(keyField)), nameField == null ? null : String.valueOf(a.get(nameField)));
        }
        int plane = PlaneZone.choose(0, areas);
        List<Geometry> planeAreas = PlaneZone.geometries(new VectorData(List.of(), kp.polygons().stream()
                .map(g -> new GeoFeature(g, Map.of())).toList(), areas.epsg(), null, List.of()), plane);
        List<PreparedGeometry> prepared = planeAreas.stream().map(g -> g == null ? null : PreparedGeometryFactory.prepare(g)).toList();
        PointLocator locator = new PointLocator(kp.polygons());
        jp.ebpm.analysis.gis.crs.Reprojector toPlane = new jp.ebpm.analysis.gis.crs.Reprojector(Crs.JGD2011, plane);
        record Cell(MeshCell cell, int key, double weight) {
        }
        List<List<Cell>> byKey = new ArrayList<>();
        for (int i = 0; i < kp.keys().size(); i++) {
            byKey.add(new ArrayList<>());
        }
        for (MeshCell c : MeshGrid.cells(env, level)) {
            Geometry cellPlane = toPlane.transform(c.toPolygon(f));
            int bestPoly = locator.locate(c.centerLon(), c.centerLat());
            double bestArea = 0;
            double[] overlap = new double[planeAreas.size()];
            for (int i = 0; i < planeAreas.size(); i++) {
                if (prepared.get(i) != null && prepared.get(i).intersects(cellPlane)) {
                    overlap[i] = cellPlane.intersection(planeAreas.get(i)).getArea();
                    if (bestPoly < 0 && overlap[i] > bestArea) {
                        bestArea = overlap[i];
                    }
                }
            }
            if (bestPoly < 0) {
                for (int i = 0; i < overlap.length; i++) {
                    if (overlap[i] > 0 && overlap[i] == bestArea) {
                        bestPoly = i;
                        break;
                    }
                }
            }
            if (bestPoly < 0) {
                continue;
            }
            int key = kp.keyIndex()[bestPoly];
            double ov = 0;
            for (int i = 0; i < overlap.length; i++) {
                if (kp.keyIndex()[i] == key) {
                    ov += overlap[i];
                }
            }
            double u = (mix(Long.parseLong(c.code()) ^ seed) >>> 11) * 0x1.0p-53;
            byKey.get(key).add(new Cell(c, key, Math.max(ov, 1.0) * (0.3 + 1.4 * u)));
        }
        List<GeoFeature> out = new ArrayList<>();
        for (int k = 0; k < kp.keys().size(); k++) {
            String key = kp.keys().get(k);
            Long total = totals.get(key);
            if (total == null) {
                throw new IllegalArgumentException("No population total for area " + key + ".");
            }
            List<Cell> cells = byKey.get(k);
            if (cells.isEmpty()) {
                throw new IllegalArgumentException("Area " + key + " has no mesh cell.");
            }
            double sw = cells.stream().mapToDouble(Cell::weight).sum();
            long[] pop = new long[cells.size()];
            double[] rem = new double[cells.size()];
            long assigned = 0;
            for (int i = 0; i < pop.length; i++) {
                double q = total * cells.get(i).weight() / sw;
                pop[i] = (long) Math.floor(q);
                rem[i] = q - pop[i];
                assigned += pop[i];
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < pop.length; i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer>comparingDouble(i -> -rem[i]).thenComparing(i -> cells.get(i).cell().code()));
            for (int j = 0; j < total - assigned; j++) {
                pop[order.get(j % pop.length)]++;
            }
            for (int i = 0; i < pop.length; i++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("mesh_code", cells.get(i).cell().code());
                a.put("area_key", key);
                a.put("area_name", names.get(key));
                a.put("population", pop[i]);
                a.put("synthetic", Boolean.TRUE);
                out.add(new GeoFeature(cells.get(i).cell().toPolygon(f), a));
            }
        }
        out.sort(Comparator.comparing(g -> (String) g.get("mesh_code")));
        return new VectorData(List.of("mesh_code", "area_key", "area_name", "population", "synthetic"), out, Crs.JGD2011, "UTF-8",
                List.of());
    }

    /** SplitMix64 finaliser (Steele, Lea &amp; Flood 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
