package jp.ebpm.analysis.gis.overlay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import org.locationtech.jts.geom.Geometry;

/**
 * Polygons grouped by a key field: the distinct keys in order of first appearance, and the polygons sorted into
 * priority order by key (numeric order when both keys are numbers, else text order; equal keys in source order), as
 * {@link PointLocator}'s rule needs.
 *
 * @param keyField  the key field's name
 * @param keys      distinct key texts in order of first appearance (output order)
 * @param polygons  polygons in priority order
 * @param keyIndex  for each polygon in {@code polygons}, the index of its key in {@code keys}
 * @param epsg      coordinate system
 * @since 0.1
 */
public record KeyedPolygons(String keyField, List<String> keys, List<Geometry> polygons, int[] keyIndex, int epsg) {

    /**
     * Groups a polygon layer by a key field.
     *
     * @throws IllegalArgumentException when the field does not exist
     */
    public static KeyedPolygons of(VectorData layer, String keyField) {
        if (!layer.fields().contains(keyField)) {
            throw new IllegalArgumentException("The polygons have no field \"" + keyField + "\" (fields: "
                    + String.join(", ", layer.fields()) + ").");
        }
        Map<String, Integer> keyPos = new LinkedHashMap<>();
        List<GeoFeature> feats = new ArrayList<>(layer.features());
        for (GeoFeature f : feats) {
            keyPos.putIfAbsent(keyText(f.get(keyField)), keyPos.size());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < feats.size(); i++) {
            order.add(i);
        }
        Comparator<String> byKey = KeyedPolygons::compareKeys;
        order.sort((a, b) -> byKey.compare(keyText(feats.get(a).get(keyField)), keyText(feats.get(b).get(keyField))));
        List<Geometry> polys = new ArrayList<>();
        int[] ki = new int[feats.size()];
        for (int j = 0; j < order.size(); j++) {
            GeoFeature f = feats.get(order.get(j));
            polys.add(f.geometry());
            ki[j] = keyPos.get(keyText(f.get(keyField)));
        }
        if (keyPos.isEmpty() && feats.isEmpty()) {
            throw new WorkbenchException("The polygon layer has no features.");
        }
        return new KeyedPolygons(keyField, List.copyOf(keyPos.keySet()), polys, ki, layer.epsg());
    }

    /** The text of a key value: integral numbers without a decimal point, null as empty text. */
    public static String keyText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return v.toString();
    }

    static int compareKeys(String a, String b) {
        double x = parse(a);
        double y = parse(b);
        if (!Double.isNaN(x) && !Double.isNaN(y) && x != y) {
            return Double.compare(x, y);
        }
        return a.compareTo(b);
    }

    private static double parse(String s) {
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
