package jp.ebpm.analysis.gis.map;

import java.awt.Color;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * One layer of a map, with geometries already in the map's plane coordinates (metres).
 *
 * @param name           layer name (legend title when there is no value name)
 * @param geometries     one geometry per feature (null = nothing drawn)
 * @param values         value per feature for colouring or sizing (NaN = no data), or null for a plain layer
 * @param valueName      legend title for the values
 * @param classification classes of the values, or null
 * @param ramp           colours for the classes
 * @param labels         label per feature, or null
 * @param fill           fill of plain polygons / points
 * @param opacity        0..1
 * @param sizeByValue    points: symbol area proportional to the value instead of colour classes
 * @param noDataLabel    legend text for polygons without a value (NaN), or null for "no data / データなし"
 * @param noDataFill     background of the hatching of polygons without a value, or null for white
 * @since 0.1
 */
public record MapLayer(String name, List<Geometry> geometries, double[] values, String valueName,
                       Classification classification, ColorRamp ramp, List<String> labels, Color fill, double opacity,
                       boolean sizeByValue, String noDataLabel, Color noDataFill) {

    /** A layer with the default "no data" style. */
    public MapLayer(String name, List<Geometry> geometries, double[] values, String valueName, Classification classification,
                    ColorRamp ramp, List<String> labels, Color fill, double opacity, boolean sizeByValue) {
        this(name, geometries, values, valueName, classification, ramp, labels, fill, opacity, sizeByValue, null, null);
    }

    /** A plain (outline or single-colour) layer. */
    public static MapLayer plain(String name, List<Geometry> geometries, Color fill, double opacity) {
        return new MapLayer(name, geometries, null, null, null, null, null, fill, opacity, false, null, null);
    }

    /** A choropleth layer. */
    public static MapLayer choropleth(String name, List<Geometry> geometries, double[] values, String valueName,
                                      Classification classes, ColorRamp ramp, List<String> labels) {
        return new MapLayer(name, geometries, values, valueName, classes, ramp, labels, null, 1.0, false, null, null);
    }

    /**
     * A copy whose polygons without a value are drawn hatched over {@code fill} and listed in the legend as
     * {@code label} (e.g. suppressed cells of a protected table: "χ 秘匿"). The legend shows the entry even when
     * no polygon has a value (then {@code classification} may be null).
     */
    public MapLayer withNoData(String label, Color background) {
        return new MapLayer(name, geometries, values, valueName, classification, ramp, labels, fill, opacity, sizeByValue,
                label, background);
    }
}
