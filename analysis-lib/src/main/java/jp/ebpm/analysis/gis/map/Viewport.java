package jp.ebpm.analysis.gis.map;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import org.locationtech.jts.geom.Envelope;

/**
 * The mapping between plane coordinates (metres, y up) and image pixels (y down) for a map of a given size: the extent
 * is fitted into the drawing area keeping the aspect ratio (one scale for x and y).
 *
 * @param scale   pixels per metre
 * @param offsetX pixel x of world x = 0
 * @param offsetY pixel y of world y = 0
 * @since 0.1
 */
public record Viewport(double scale, double offsetX, double offsetY) {

    /** Fits an extent into a rectangle of pixels (left, top, width, height). */
    public static Viewport fit(Envelope extent, double left, double top, double width, double height) {
        double w = Math.max(extent.getWidth(), 1e-9);
        double h = Math.max(extent.getHeight(), 1e-9);
        double s = Math.min(width / w, height / h);
        double ox = left + (width - w * s) / 2 - extent.getMinX() * s;
        double oy = top + (height - h * s) / 2 + extent.getMaxY() * s;
        return new Viewport(s, ox, oy);
    }

    /** World to pixel transform. */
    public AffineTransform transform() {
        return new AffineTransform(scale, 0, 0, -scale, offsetX, offsetY);
    }

    /** Pixel to world. */
    public Point2D toWorld(double px, double py) {
        return new Point2D.Double((px - offsetX) / scale, (offsetY - py) / scale);
    }

    /** World to pixel. */
    public Point2D toPixel(double x, double y) {
        return new Point2D.Double(offsetX + x * scale, offsetY - y * scale);
    }
}
