package jp.ebpm.analysis.gis.map;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * What to draw: layers bottom to top, title, source/attribution line, and map furniture.
 *
 * @param title       title at the top (may be null)
 * @param attribution source / attribution line at the bottom (may be null)
 * @param layers      layers, drawn in list order (first at the bottom)
 * @param extent      area to show in plane coordinates, or null for all layers' extent
 * @param legend      draw the legend of the topmost classified layer
 * @param scaleBar    draw a scale bar in metres
 * @param northArrow  draw a north arrow (plane-rectangular grid north; differs from true north by under 1°)
 * @since 0.1
 */
public record MapSpec(String title, String attribution, List<MapLayer> layers, Envelope extent, boolean legend,
                      boolean scaleBar, boolean northArrow) {

    public MapSpec {
        layers = List.copyOf(layers);
    }

    /** A copy showing another extent (pan/zoom). */
    public MapSpec withExtent(Envelope e) {
        return new MapSpec(title, attribution, layers, e, legend, scaleBar, northArrow);
    }
}
