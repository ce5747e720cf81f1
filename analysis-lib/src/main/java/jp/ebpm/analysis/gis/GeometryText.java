package jp.ebpm.analysis.gis;

import java.util.Locale;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * A short text for a geometry cell of a table (the Data tab, previews): a point as WKT with 6 decimals
 * ({@code POINT (139.703 35.531)}), other shapes as their kind and size ({@code (polygon, 35 vertices)},
 * {@code (multipolygon of 3, 412 vertices)}); bytes that are not WKB as {@code (binary, 1,024 bytes)}.
 *
 * @since 0.3
 */
public final class GeometryText {

    private GeometryText() {
    }

    /** The text of a cell value: geometries (WKB bytes) described, other values as they are. */
    public static String describe(Object value) {
        if (value instanceof byte[] bytes) {
            return describe(bytes);
        }
        return value == null ? "" : value.toString();
    }

    /** The text of WKB bytes. */
    public static String describe(byte[] wkb) {
        Geometry g;
        try {
            g = new WKBReader(new GeometryFactory()).read(wkb);
        } catch (ParseException | RuntimeException e) {
            return String.format(Locale.ROOT, "(binary, %,d bytes)", wkb.length);
        }
        return describe(g);
    }

    /** The text of a geometry. */
    public static String describe(Geometry g) {
        if (g.isEmpty()) {
            return "(empty " + g.getGeometryType().toLowerCase(Locale.ROOT) + ")";
        }
        if (g instanceof Point) {
            WKTWriter w = new WKTWriter();
            w.setPrecisionModel(new org.locationtech.jts.geom.PrecisionModel(1e6));
            return w.write(g);
        }
        String type = g.getGeometryType().toLowerCase(Locale.ROOT);
        int parts = g.getNumGeometries();
        return String.format(Locale.ROOT, "(%s%s, %,d vertices)", type, parts > 1 ? " of " + parts : "", g.getNumPoints());
    }
}
