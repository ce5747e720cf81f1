package jp.ebpm.workbench.map;

import java.util.ArrayList;
import java.util.List;
import jp.ebpm.analysis.gis.Layers;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.map.ChoroplethOptions;
import jp.ebpm.analysis.gis.map.ClassMethod;
import jp.ebpm.analysis.gis.map.ColorRamp;
import jp.ebpm.analysis.gis.map.LayerMaps;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.gis.overlay.PlaneZone;
import jp.ebpm.analysis.gis.overlay.PointLocator;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import org.locationtech.jts.geom.Geometry;

/**
 * A loaded map: the layer's features, their plane geometries, the map specification, and a locator for hit testing.
 * Built off the FX thread by {@link #load}.
 *
 * @param layer     layer name
 * @param data      features as read
 * @param spec      what to draw
 * @param locator   finds the feature under a plane coordinate
 * @param geometries plane geometries, by feature
 */
record MapModel(String layer, VectorData data, MapSpec spec, PointLocator locator, List<Geometry> geometries) {

    /** The names of the project's map layers. */
    static List<String> layerNames(Project p) {
        List<String> out = new ArrayList<>();
        for (DatasetInfo i : p.catalog().list()) {
            if (Layers.isLayer(i)) {
                out.add(i.name());
            }
        }
        return out;
    }

    /** Numeric-looking fields of a layer (for the value chooser). */
    static List<String> numericFields(VectorData v) {
        List<String> out = new ArrayList<>();
        for (String f : v.fields()) {
            // Numeric: at least one value, and every non-null value a number (an all-empty field cannot be classified).
            boolean numeric = v.features().stream().map(x -> x.get(f)).anyMatch(o -> o != null)
                    && v.features().stream().map(x -> x.get(f)).filter(o -> o != null).allMatch(o -> o instanceof Number);
            if (numeric) {
                out.add(f);
            }
        }
        return out;
    }

    static MapModel load(Project p, String layer, String value, int classes, ClassMethod method, ColorRamp ramp, String label) {
        VectorData v = Layers.read(p, layer);
        String field = value != null ? value : numericFields(v).stream().filter(f -> !f.equals("fid")).findFirst().orElse("fid");
        ChoroplethOptions o = new ChoroplethOptions(field, classes, method, null, ramp, null, false, 1, label, null, null, 0);
        MapSpec spec = LayerMaps.choropleth(v, layer, p.catalog().get(layer).license(), o);
        List<Geometry> geoms = PlaneZone.geometries(v, PlaneZone.choose(0, v));
        return new MapModel(layer, v, spec, new PointLocator(geoms), geoms);
    }

    /** Attributes of the feature at a plane coordinate as text, or null. */
    String describe(double x, double y) {
        int i = featureAt(x, y);
        if (i < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        data.features().get(i).attributes().forEach((k, val) -> sb.append(k).append(": ").append(val).append('\n'));
        return sb.toString().strip();
    }

    /** Index of the feature at a plane coordinate, or -1 (points within a few metres count). */
    int featureAt(double x, double y) {
        int i = locator.locate(x, y);
        if (i >= 0) {
            return i;
        }
        return -1;
    }
}
