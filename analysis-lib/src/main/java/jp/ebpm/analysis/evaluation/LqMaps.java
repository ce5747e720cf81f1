package jp.ebpm.analysis.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.Layers;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.map.ChoroplethOptions;
import jp.ebpm.analysis.gis.map.ClassMethod;
import jp.ebpm.analysis.gis.map.ColorRamp;
import jp.ebpm.analysis.gis.map.LayerMaps;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.store.Project;

/**
 * The map of one industry's location quotients over an area layer, through the workbench's map renderer: the
 * layer's features are matched to the quotient's areas by a key field (e.g. the ward name {@code N03_004}), and
 * coloured in classes around 1 (below 0.8, 0.8–1.0, 1.0–1.2, 1.2–1.5, 1.5 and above) with a diverging ramp.
 *
 * @since 0.2
 */
public final class LqMaps {

    /** Class breaks inside the value range (the range's ends are added). */
    static final double[] BREAKS = {0.8, 1.0, 1.2, 1.5};

    private LqMaps() {
    }

    /**
     * The map.
     *
     * @throws WorkbenchException when the industry is unknown or no feature matches an area
     */
    public static MapSpec map(Project project, LocationQuotient.Result lq, String industry, String layer, String keyField,
                              String labelField, String title) {
        int i = lq.industries().indexOf(industry);
        if (i < 0) {
            throw new WorkbenchException("No industry \"" + industry + "\" (industries: " + String.join(", ", lq.industries()) + ").");
        }
        VectorData data = Layers.read(project, layer);
        if (!data.fields().contains(keyField)) {
            throw new WorkbenchException("The layer \"" + layer + "\" has no field \"" + keyField + "\" (fields: "
                    + String.join(", ", data.fields()) + ").");
        }
        List<String> fields = new ArrayList<>(data.fields());
        fields.add("LQ");
        List<GeoFeature> features = new ArrayList<>();
        int matched = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (GeoFeature f : data.features()) {
            Map<String, Object> attrs = new LinkedHashMap<>(f.attributes());
            Object key = f.get(keyField);
            int a = key == null ? -1 : lq.areas().indexOf(key.toString());
            double v = a < 0 ? Double.NaN : lq.lq()[a][i];
            if (a >= 0) {
                matched++;
            }
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            attrs.put("LQ", Double.isNaN(v) ? null : v);
            features.add(new GeoFeature(f.geometry(), attrs));
        }
        if (matched == 0) {
            throw new WorkbenchException("No feature of \"" + layer + "\" has a " + keyField + " equal to an area of the table ("
                    + String.join(", ", lq.areas()) + ").");
        }
        List<Double> breaks = new ArrayList<>();
        breaks.add(Math.min(min, BREAKS[0] - 0.1));
        for (double b : BREAKS) {
            breaks.add(b);
        }
        breaks.add(Math.max(max, BREAKS[BREAKS.length - 1] + 0.1));
        double[] br = breaks.stream().mapToDouble(Double::doubleValue).toArray();
        ChoroplethOptions o = new ChoroplethOptions("LQ", br.length - 1, ClassMethod.MANUAL, br, ColorRamp.RD_BU, null, false, 1,
                labelField, title, null, 0);
        VectorData joined = new VectorData(fields, features, data.epsg(), data.encoding(), data.warnings());
        String license = project.catalog().get(layer).license();
        return LayerMaps.choropleth(joined, layer, license, o);
    }
}
