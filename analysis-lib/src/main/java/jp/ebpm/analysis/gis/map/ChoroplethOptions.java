package jp.ebpm.analysis.gis.map;

/**
 * How to make a choropleth of a layer.
 *
 * @param valueField    numeric field to map
 * @param classes       number of classes (ignored by stddev and manual)
 * @param method        classification method
 * @param manualBreaks  breaks for MANUAL, else null
 * @param ramp          colour ramp
 * @param perField      divide the value by this field (rate per population), or null
 * @param perKm2        divide the value by the polygon area in km² (density); computed in the plane zone
 * @param multiplier    multiply rates by this (e.g. 1000 for "per 1,000 people"); 1 for none
 * @param labelField    field whose text labels each polygon (e.g. ward names), or null
 * @param title         map title, or null for the value name
 * @param attribution   source line, or null for the layer's license text
 * @param zone          plane zone 1..19, or 0 to choose from the data
 * @since 0.1
 */
public record ChoroplethOptions(String valueField, int classes, ClassMethod method, double[] manualBreaks, ColorRamp ramp,
                                String perField, boolean perKm2, double multiplier, String labelField, String title,
                                String attribution, int zone) {

    /** Defaults: 5 Jenks classes, YlOrRd, no rate, no labels. */
    public static ChoroplethOptions of(String valueField) {
        return new ChoroplethOptions(valueField, 5, ClassMethod.JENKS, null, ColorRamp.YL_OR_RD, null, false, 1, null, null, null, 0);
    }
}
