package jp.ebpm.analysis.gis.overlay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.LayerWriter;
import jp.ebpm.analysis.gis.Layers;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Reprojector;
import jp.ebpm.analysis.io.PointBatchReader;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import org.locationtech.jts.geom.Geometry;

/**
 * Overlays on project layers. Each result is a new catalog dataset (a layer with the polygons' geometry, so it can be
 * mapped) whose properties record the operation, its inputs and its parameters ({@code operation}, {@code inputs},
 * {@code parameters}).
 *
 * @since 0.1
 */
public final class ProjectOverlays {

    private ProjectOverlays() {
    }

    private static Map<String, String> props(String op, String inputs, String params) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("operation", op);
        m.put("inputs", inputs);
        m.put("parameters", params);
        return m;
    }

    private static LayerWriter.Meta meta(Project p, String source, DatasetKind kind, String description, Map<String, String> props) {
        DatasetInfo src = p.catalog().get(source);
        return new LayerWriter.Meta(kind, null, null, null, src.license(), src.sensitivity(), description, props);
    }

    /**
     * Points in polygons: a polygon layer {@code out} with the key, {@code count}, and {@code distinct_ids} /
     * {@code sum_<v>}, {@code mean_<v>} when asked; every polygon key appears (0 when empty).
     */
    public static DatasetInfo countPoints(Project p, String pointsLayer, String polygonLayer, String key, String idField,
                                          String valueField, String out, ProgressListener progress, Cancellation cancel) {
        VectorData polys = Layers.read(p, polygonLayer);
        KeyedPolygons kp = KeyedPolygons.of(polys, key);
        PointOverlay.Result r;
        try (PointBatchReader points = PointBatchReader.open(p, pointsLayer, null, null)) {
            r = PointOverlay.count(points, kp, idField, valueField, progress, cancel);
        }
        Map<String, Geometry> geomByKey = dissolveByKey(polys, key);
        List<String> fields = new ArrayList<>(List.of(key, "count"));
        if (idField != null) {
            fields.add("distinct_ids");
        }
        if (valueField != null) {
            fields.add("sum_" + valueField);
            fields.add("mean_" + valueField);
        }
        List<GeoFeature> feats = new ArrayList<>();
        for (PointsInPolygons.Row row : r.rows()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put(key, row.key());
            a.put("count", row.count());
            if (idField != null) {
                a.put("distinct_ids", row.distinctIds());
            }
            if (valueField != null) {
                a.put("sum_" + valueField, row.sum());
                a.put("mean_" + valueField, Double.isNaN(row.mean()) ? null : row.mean());
            }
            feats.add(new GeoFeature(geomByKey.get(row.key()), a));
        }
        String params = "key=" + key + (idField == null ? "" : ", id=" + idField) + (valueField == null ? "" : ", value=" + valueField)
                + ", edge rule=lowest key; skipped=" + r.scan().skipped() + ", outside=" + r.outside();
        return LayerWriter.write(p, out, new VectorData(fields, feats, polys.epsg(), null, List.of()),
                meta(p, polygonLayer, DatasetKind.BOUNDARY, "Points of " + pointsLayer + " counted per " + polygonLayer,
                        props("count_points_in_polygons", pointsLayer + ", " + polygonLayer, params)), progress, cancel);
    }

    /**
     * Join form: the points plus the covering polygon's key (null outside), as a new dataset (a points layer when the
     * points are a layer). The points are streamed; the new table is written by DuckDB.
     */
    public static DatasetInfo joinPoints(Project p, String pointsLayer, String polygonLayer, String key, String out,
                                         ProgressListener progress, Cancellation cancel) {
        p.catalog().checkNewName(out);
        KeyedPolygons kp = KeyedPolygons.of(Layers.read(p, polygonLayer), key);
        DatasetInfo src = p.catalog().get(pointsLayer);
        Map<String, String> props = new LinkedHashMap<>(props("join_points_to_polygons", pointsLayer + ", " + polygonLayer,
                "key=" + key + ", edge rule=lowest key"));
        try (PointBatchReader points = PointBatchReader.open(p, pointsLayer, null, null)) {
            if (points.isLayer()) {
                props.put("crs", "EPSG:" + points.epsg());
                props.put("geometry_column", LayerWriter.GEOM);
            }
            return PointOverlay.joinToTable(points, kp, out, c -> {
                DatasetInfo info = new DatasetInfo(out, points.isLayer() ? DatasetKind.POINTS : src.kind(), null, null,
                        java.time.Instant.now(), Catalog.countRows(c, out), Catalog.describe(c, out), null, src.license(),
                        src.sensitivity(), "Points of " + pointsLayer + " with the key of " + polygonLayer, props);
                p.catalog().register(c, info);
                return info;
            }, progress, cancel);
        }
    }

    /**
     * Buffers every feature by {@code metres} in the plane zone; with {@code dissolve} the union as one feature. The result
     * is stored in the plane zone's EPSG code.
     */
    public static DatasetInfo buffer(Project p, String layer, double metres, boolean dissolve, int zone, String out,
                                     ProgressListener progress, Cancellation cancel) {
        VectorData v = Layers.read(p, layer);
        int plane = PlaneZone.choose(zone, v);
        List<Geometry> buffers = Buffers.buffer(PlaneZone.geometries(v, plane), metres);
        cancel.check();
        VectorData result;
        if (dissolve) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("features", (long) v.features().size());
            result = new VectorData(List.of("features"), List.of(new GeoFeature(Buffers.union(buffers), a)), plane, null, List.of());
        } else {
            List<GeoFeature> feats = new ArrayList<>();
            for (int i = 0; i < buffers.size(); i++) {
                Map<String, Object> a = new LinkedHashMap<>(v.features().get(i).attributes());
                a.remove("fid");
                feats.add(new GeoFeature(buffers.get(i), a));
            }
            List<String> fields = new ArrayList<>(v.fields());
            fields.remove("fid");
            result = new VectorData(fields, feats, plane, null, List.of());
        }
        return LayerWriter.write(p, out, result, meta(p, layer, DatasetKind.BOUNDARY, metres + " m buffers of " + layer,
                props("buffer", layer, "distance_m=" + metres + ", dissolve=" + dissolve + ", crs=EPSG:" + plane
                        + ", quadrant_segments=" + Buffers.QUADRANT_SEGMENTS)), progress, cancel);
    }

    /**
     * Area-weighted apportionment of {@code valueFields} from {@code source} to {@code target} (see {@link AreaWeighting});
     * with a points layer and distance, also the covered part and its share per target key.
     */
    public static DatasetInfo areaWeight(Project p, String source, List<String> valueFields, String target, String key,
                                         String nearPoints, double distance, boolean withinTargets, int zone, String out,
                                         ProgressListener progress, Cancellation cancel) {
        VectorData src = Layers.read(p, source);
        VectorData tgt = Layers.read(p, target);
        int plane = PlaneZone.choose(zone, tgt, src);
        Geometry cover = null;
        if (nearPoints != null) {
            cover = Buffers.union(Buffers.buffer(PlaneZone.geometries(Layers.read(p, nearPoints), plane), distance));
        }
        KeyedPolygons kp = KeyedPolygons.of(tgt, key);
        AreaWeighting.Result r = AreaWeighting.apportion(src, valueFields, kp, tgt, cover, plane, withinTargets, progress, cancel);
        Map<String, Geometry> geomByKey = dissolveByKey(tgt, key);
        List<String> fields = new ArrayList<>(List.of(key, "area_km2"));
        for (String v : valueFields) {
            fields.add(v);
            if (cover != null) {
                fields.add(v + "_covered");
                fields.add(v + "_share");
            }
        }
        List<GeoFeature> feats = new ArrayList<>();
        for (int i = 0; i < r.keys().size(); i++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put(key, r.keys().get(i));
            a.put("area_km2", r.areas()[i] / 1e6);
            for (int j = 0; j < valueFields.size(); j++) {
                a.put(valueFields.get(j), r.totals()[i][j]);
                if (cover != null) {
                    a.put(valueFields.get(j) + "_covered", r.covered()[i][j]);
                    a.put(valueFields.get(j) + "_share", r.totals()[i][j] == 0 ? null : r.covered()[i][j] / r.totals()[i][j]);
                }
            }
            feats.add(new GeoFeature(geomByKey.get(r.keys().get(i)), a));
        }
        String params = "values=" + String.join("+", valueFields) + ", key=" + key + ", within_targets=" + withinTargets
                + ", crs=EPSG:" + plane + (nearPoints == null ? "" : ", near=" + nearPoints + ", distance_m=" + distance);
        return LayerWriter.write(p, out, new VectorData(fields, feats, tgt.epsg(), null, List.of()),
                meta(p, target, DatasetKind.BOUNDARY, "Area-weighted " + String.join(", ", valueFields) + " of " + source + " per " + target,
                        props("area_weight", source + ", " + target + (nearPoints == null ? "" : ", " + nearPoints), params)),
                progress, cancel);
    }

    /** Dissolves a polygon layer by a field: one feature per value with the union of its geometries and a feature count. */
    public static DatasetInfo dissolve(Project p, String layer, String field, String out, ProgressListener progress, Cancellation cancel) {
        VectorData v = Layers.read(p, layer);
        Map<String, Geometry> g = dissolveByKey(v, field);
        Map<String, Long> n = new LinkedHashMap<>();
        for (GeoFeature f : v.features()) {
            n.merge(KeyedPolygons.keyText(f.get(field)), 1L, Long::sum);
        }
        List<GeoFeature> feats = new ArrayList<>();
        g.forEach((k, geom) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put(field, k);
            a.put("features", n.get(k));
            feats.add(new GeoFeature(geom, a));
        });
        return LayerWriter.write(p, out, new VectorData(List.of(field, "features"), feats, v.epsg(), null, List.of()),
                meta(p, layer, DatasetKind.BOUNDARY, layer + " dissolved by " + field, props("dissolve", layer, "field=" + field)),
                progress, cancel);
    }

    /** Clips a layer to the union of a boundary layer; features entirely outside are dropped (their number is recorded). */
    public static DatasetInfo clip(Project p, String layer, String boundary, String out, ProgressListener progress, Cancellation cancel) {
        VectorData v = Layers.read(p, layer);
        VectorData b = Layers.read(p, boundary);
        Reprojector r = new Reprojector(b.epsg(), v.epsg());
        List<Geometry> bs = new ArrayList<>();
        for (GeoFeature f : b.features()) {
            bs.add(f.geometry() == null ? null : r.transform(f.geometry()));
        }
        Geometry clip = Buffers.union(bs);
        var prepared = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(clip);
        List<GeoFeature> feats = new ArrayList<>();
        long dropped = 0;
        for (GeoFeature f : v.features()) {
            Geometry g = f.geometry();
            if (g == null || g.isEmpty() || !prepared.intersects(g)) {
                dropped++;
                continue;
            }
            feats.add(new GeoFeature(prepared.containsProperly(g) ? g : g.intersection(clip), f.attributes()));
        }
        List<String> fields = new ArrayList<>(v.fields());
        fields.remove("fid");
        List<GeoFeature> clean = feats.stream().map(f -> {
            Map<String, Object> a = new LinkedHashMap<>(f.attributes());
            a.remove("fid");
            return new GeoFeature(f.geometry(), a);
        }).toList();
        return LayerWriter.write(p, out, new VectorData(fields, clean, v.epsg(), null, List.of()),
                meta(p, layer, p.catalog().get(layer).kind(), layer + " clipped to " + boundary,
                        props("clip", layer + ", " + boundary, "dropped_outside_or_empty=" + dropped)), progress, cancel);
    }

    /** Union of the geometries per key text, in order of first appearance. */
    static Map<String, Geometry> dissolveByKey(VectorData v, String key) {
        Map<String, List<Geometry>> parts = new LinkedHashMap<>();
        for (GeoFeature f : v.features()) {
            parts.computeIfAbsent(KeyedPolygons.keyText(f.get(key)), k -> new ArrayList<>()).add(f.geometry());
        }
        Map<String, Geometry> out = new LinkedHashMap<>();
        parts.forEach((k, gs) -> out.put(k, gs.size() == 1 ? gs.get(0) : Buffers.union(gs)));
        return out;
    }
}
