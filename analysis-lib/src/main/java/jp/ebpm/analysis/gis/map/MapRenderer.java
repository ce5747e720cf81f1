package jp.ebpm.analysis.gis.map;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.jfree.svg.SVGGraphics2D;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;

/**
 * Draws maps with Java2D into any {@link Graphics2D}: a {@link BufferedImage} (PNG), {@link SVGGraphics2D} (SVG),
 * FXGraphics2D in the app, or PNG bytes for Excel reports. Layers are drawn bottom to top with their opacity;
 * classified polygons are filled with the class colour, features without a value are hatched ("no data");
 * classified points are coloured by class or sized by value (symbol area proportional to the value); labels are drawn
 * at each polygon's interior point with a Japanese-capable font; then the title, legend (class ranges and counts),
 * scale bar (metres), north arrow and the source line.
 *
 * @since 0.1
 */
public final class MapRenderer {

    private MapRenderer() {
    }

    /** The viewport used for a map of this size (for hit testing in interactive views). */
    public static Viewport viewport(MapSpec spec, int width, int height) {
        float fs = fontSize(width, height);
        double top = spec.title() == null ? 8 : fs * 2.6;
        double bottom = spec.attribution() == null ? 8 : fs * 1.8;
        return Viewport.fit(extent(spec), 8, top, width - 16, height - top - bottom);
    }

    /** The extent of all layers (or the spec's extent), padded by 3 %. */
    public static Envelope extent(MapSpec spec) {
        if (spec.extent() != null) {
            return spec.extent();
        }
        Envelope e = new Envelope();
        for (MapLayer l : spec.layers()) {
            for (Geometry g : l.geometries()) {
                if (g != null && !g.isEmpty()) {
                    e.expandToInclude(g.getEnvelopeInternal());
                }
            }
        }
        if (e.isNull()) {
            return new Envelope(0, 1, 0, 1);
        }
        e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.03 + 1);
        return e;
    }

    private static float fontSize(int width, int height) {
        return Math.max(9f, Math.min(width, height) / 45f);
    }

    /** Draws the map into {@code g} over the rectangle (0, 0, width, height). */
    public static void render(Graphics2D g, MapSpec spec, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        float fs = fontSize(width, height);
        Viewport vp = viewport(spec, width, height);
        AffineTransform at = vp.transform();
        ShapeWriter sw = new ShapeWriter((src, dest) -> at.transform(new Point2D.Double(src.x, src.y), dest));
        Envelope view = new Envelope(vp.toWorld(0, height).getX(), vp.toWorld(width, 0).getX(),
                vp.toWorld(0, height).getY(), vp.toWorld(width, 0).getY());
        MapLayer legendLayer = null;
        Color[] legendColors = null;
        long legendNoData = 0;
        for (MapLayer l : spec.layers()) {
            Composite old = g.getComposite();
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(0, Math.min(1, l.opacity()))));
            Color[] colors = l.classification() == null ? null : l.ramp().colors(l.classification().classCount());
            long noData = drawLayer(g, l, colors, sw, vp, view, fs);
            g.setComposite(old);
            if ((colors != null || (l.values() != null && l.noDataLabel() != null)) && !l.sizeByValue()) {
                legendLayer = l;
                legendColors = colors;
                legendNoData = noData;
            }
        }
        for (MapLayer l : spec.layers()) {
            if (l.labels() != null) {
                drawLabels(g, l, vp, view, fs);
            }
        }
        if (spec.title() != null) {
            g.setColor(Color.BLACK);
            g.setFont(jp.ebpm.analysis.io.JapaneseFonts.font(Font.BOLD, fs * 1.4f));
            g.drawString(spec.title(), 12, Math.round(fs * 1.9f));
        }
        if (spec.legend() && legendLayer != null) {
            MapDecorations.legend(g, legendLayer, legendColors, legendNoData > 0, legendNoData, width, height, fs);
        }
        if (spec.scaleBar()) {
            MapDecorations.scaleBar(g, vp.scale(), width, height, fs);
        }
        if (spec.northArrow()) {
            MapDecorations.northArrow(g, width, fs);
        }
        if (spec.attribution() != null) {
            g.setColor(Color.DARK_GRAY);
            g.setFont(jp.ebpm.analysis.io.JapaneseFonts.font(Font.PLAIN, fs * 0.75f));
            g.drawString(spec.attribution(), 12, height - Math.round(fs * 0.6f));
        }
    }

    private static long drawLayer(Graphics2D g, MapLayer l, Color[] colors, ShapeWriter sw, Viewport vp, Envelope view, float fs) {
        long noData = 0;
        double maxValue = 0;
        if (l.values() != null && l.sizeByValue()) {
            for (double v : l.values()) {
                if (!Double.isNaN(v)) {
                    maxValue = Math.max(maxValue, Math.abs(v));
                }
            }
        }
        BasicStroke edge = new BasicStroke(0.6f);
        for (int i = 0; i < l.geometries().size(); i++) {
            Geometry geom = l.geometries().get(i);
            if (geom == null || geom.isEmpty()) {
                continue;
            }
            double v = l.values() == null ? Double.NaN : l.values()[i];
            int cls = l.classification() == null || Double.isNaN(v) ? -1 : l.classification().classOf(v);
            boolean missing = l.values() != null && (Double.isNaN(v) || (colors != null && cls < 0));
            if (missing) {
                noData++;
            }
            if (!view.intersects(geom.getEnvelopeInternal())) {
                continue;
            }
            Color fill = colors != null && cls >= 0 ? colors[cls] : l.fill();
            if (geom instanceof Puntal) {
                double r = fs * 0.28;
                if (l.sizeByValue() && maxValue > 0 && !Double.isNaN(v)) {
                    r = Math.max(1.5, fs * 1.2 * Math.sqrt(Math.abs(v) / maxValue));
                }
                for (int p = 0; p < geom.getNumGeometries(); p++) {
                    Point pt = (Point) geom.getGeometryN(p);
                    Point2D c = vp.toPixel(pt.getX(), pt.getY());
                    Shape s = new Ellipse2D.Double(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
                    g.setColor(missing ? Color.LIGHT_GRAY : fill == null ? new Color(0x2166ac) : fill);
                    g.fill(s);
                    g.setColor(Color.DARK_GRAY);
                    g.setStroke(edge);
                    g.draw(s);
                }
                continue;
            }
            Shape s = sw.toShape(geom);
            if (missing) {
                MapDecorations.hatch(g, s, Color.GRAY, l.noDataFill());
            } else if (fill != null) {
                g.setColor(fill);
                g.fill(s);
            }
            g.setColor(new Color(0x555555));
            g.setStroke(edge);
            g.draw(s);
        }
        return noData;
    }

    private static void drawLabels(Graphics2D g, MapLayer l, Viewport vp, Envelope view, float fs) {
        g.setFont(jp.ebpm.analysis.io.JapaneseFonts.font(Font.PLAIN, fs * 0.95f));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < l.geometries().size(); i++) {
            Geometry geom = l.geometries().get(i);
            String text = l.labels().get(i);
            if (geom == null || geom.isEmpty() || text == null || text.isEmpty() || !view.intersects(geom.getEnvelopeInternal())) {
                continue;
            }
            Point p = geom.getInteriorPoint();
            Point2D c = vp.toPixel(p.getX(), p.getY());
            int x = (int) Math.round(c.getX() - fm.stringWidth(text) / 2.0);
            int y = (int) Math.round(c.getY() + fm.getAscent() / 2.0);
            g.setColor(new Color(255, 255, 255, 200));
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    g.drawString(text, x + dx, y + dy);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(text, x, y);
        }
    }

    /** Renders into a new image. */
    public static BufferedImage renderImage(MapSpec spec, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            render(g, spec, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Renders PNG bytes (for files and Excel reports).
     *
     * @param dpi resolution written into the PNG (pHYs chunk), e.g. 96 or 300
     */
    public static byte[] renderPng(MapSpec spec, int width, int height, double dpi) {
        return png(renderImage(spec, width, height), dpi);
    }

    /** Renders an SVG document. */
    public static String renderSvg(MapSpec spec, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        render(g, spec, width, height);
        return g.getSVGDocument();
    }

    /** Encodes an image as PNG with its resolution. */
    public static byte[] png(BufferedImage img, double dpi) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("png");
            ImageWriter w = it.next();
            ImageWriteParam p = w.getDefaultWriteParam();
            IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
            double dpm = dpi / 0.0254;
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", Integer.toString((int) Math.round(dpm)));
            phys.setAttribute("pixelsPerUnitYAxis", Integer.toString((int) Math.round(dpm)));
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            md.mergeTree("javax_imageio_png_1.0", root);
            try (var ios = ImageIO.createImageOutputStream(out)) {
                w.setOutput(ios);
                w.write(null, new IIOImage(img, null, md), p);
            }
            w.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
