package jp.ebpm.analysis.gis.map;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.Layers;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.overlay.PlaneZone;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import org.locationtech.jts.geom.Geometry;

/**
 * Builds map specifications from project layers: geometries are transformed into the plane zone of the data, values
 * are read from a field (optionally as a rate per another field or per km²) and classified.
 *
 * @since 0.1
 */
public final class LayerMaps {

    private LayerMaps() {
    }

    /**
     * A choropleth of one layer.
     *
     * @throws IllegalArgumentException when the field does not exist or has no numeric values
     */
    public static MapSpec choropleth(Project project, String layerName, ChoroplethOptions o) {
        DatasetInfo info = project.catalog().get(layerName);
        VectorData data = Layers.read(project, layerName);
        return choropleth(data, layerName, info.license(), o);
    }

    /** A choropleth of features already read. */
    public static MapSpec choropleth(VectorData data, String layerName, String license, ChoroplethOptions o) {
        if (!data.fields().contains(o.valueField())) {
            throw new IllegalArgumentException("The layer has no field \"" + o.valueField() + "\" (fields: "
                    + String.join(", ", data.fields()) + ").");
        }
        if (o.perField() != null && !data.fields().contains(o.perField())) {
            throw new IllegalArgumentException("The layer has no field \"" + o.perField() + "\".");
        }
        int plane = PlaneZone.choose(o.zone(), data);
        List<Geometry> geoms = PlaneZone.geometries(data, plane);
        double[] values = new double[geoms.size()];
        List<String> labels = o.labelField() == null ? null : new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            GeoFeature f = data.features().get(i);
            double v = number(f.get(o.valueField()));
            if (o.perField() != null) {
                double d = number(f.get(o.perField()));
                v = d == 0 || Double.isNaN(d) ? Double.NaN : v / d;
            }
            if (o.perKm2()) {
                double a = geoms.get(i) == null ? 0 : geoms.get(i).getArea() / 1e6;
                v = a == 0 ? Double.NaN : v / a;
            }
            values[i] = (o.perField() != null || o.perKm2()) ? v * o.multiplier() : v;
            if (labels != null) {
                Object l = f.get(o.labelField());
                labels.add(l == null ? null : l.toString());
            }
        }
        Classification c = Classifier.classify(values, o.classes(), o.method(), o.manualBreaks());
        String valueName = o.valueField() + (o.perField() != null ? " / " + o.perField() : "") + (o.perKm2() ? " / km²" : "")
                + (o.multiplier() != 1 && (o.perField() != null || o.perKm2()) ? " × " + MapDecorations.format(o.multiplier()) : "");
        MapLayer layer = MapLayer.choropleth(layerName, geoms, values, valueName, c, o.ramp(), labels);
        String title = o.title() != null ? o.title() : layerName + ": " + valueName;
        String attribution = o.attribution() != null ? o.attribution() : license == null || license.isEmpty() ? null : license;
        return new MapSpec(title, attribution, List.of(layer), null, true, true, true);
    }

    /** A plain layer (outlines or points) for stacking over a choropleth, in the given plane zone. */
    public static MapLayer plainLayer(VectorData data, String name, int planeEpsg, Color fill, double opacity) {
        return MapLayer.plain(name, PlaneZone.geometries(data, planeEpsg), fill, opacity);
    }

    static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.toString().strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
