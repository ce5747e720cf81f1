package jp.ebpm.workbench.map;

import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.gis.Layers;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.map.ChoroplethOptions;
import jp.ebpm.analysis.gis.map.ClassMethod;
import jp.ebpm.analysis.gis.map.ColorRamp;
import jp.ebpm.analysis.gis.map.MapComposer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.gis.overlay.PlaneZone;
import jp.ebpm.analysis.gis.overlay.PointLocator;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import org.locationtech.jts.geom.Geometry;

/**
 * A loaded map: the base layer's features, their plane geometries, the map specification (with the layers drawn on
 * top), and a locator for hit testing. Built off the FX thread by {@link #load} through the same library call as
 * {@code workbench map render} ({@link MapComposer#compose}).
 *
 * @param layer      base layer name
 * @param overlays   layers drawn on top
 * @param data       features of the base layer as read
 * @param spec       what to draw
 * @param locator    finds the feature under a plane coordinate
 * @param geometries plane geometries, by feature
 */
record MapModel(String layer, List<String> overlays, VectorData data, MapSpec spec, PointLocator locator, List<Geometry> geometries) {

    /** A map layer of the project: its name, whether it holds points, its attribute fields and the numeric ones. */
    record LayerRef(String name, boolean points, List<String> fields, List<String> numericFields) {
    }

    /** The project's map layers. */
    static List<LayerRef> layers(Project p) {
        List<LayerRef> out = new ArrayList<>();
        for (DatasetInfo i : p.catalog().list()) {
            if (Layers.isLayer(i)) {
                out.add(new LayerRef(i.name(), i.kind() == DatasetKind.POINTS,
                        i.columnNames().stream().filter(c -> !c.equals("geom")).toList(),
                        i.columns().stream().filter(c -> c.type().matches("(?i).*(INT|DOUBLE|DECIMAL|FLOAT|REAL|NUMERIC).*"))
                                .map(c -> c.name()).toList()));
            }
        }
        return out;
    }

    /** The names of the project's map layers. */
    static List<String> layerNames(Project p) {
        return layers(p).stream().map(LayerRef::name).toList();
    }

    /**
     * Loads a map.
     *
     * @param value the value field, or null for the library's default (never a key or id)
     * @param label the label field, null for the default name field, "" for none
     */
    static MapModel load(Project p, String layer, List<String> overlays, String value, int classes, ClassMethod method,
                         ColorRamp ramp, String label) {
        ChoroplethOptions o = new ChoroplethOptions(value, classes, method, null, ramp, null, false, 1, label, null, null, 0);
        MapSpec spec = MapComposer.compose(p, layer, o, overlays, overlays.isEmpty() ? 1 : 0.85);
        VectorData v = Layers.read(p, layer);
        List<Geometry> geoms = PlaneZone.geometries(v, PlaneZone.choose(0, v));
        return new MapModel(layer, List.copyOf(overlays), v, spec, new PointLocator(geoms), geoms);
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
        return i >= 0 ? i : -1;
    }
}
