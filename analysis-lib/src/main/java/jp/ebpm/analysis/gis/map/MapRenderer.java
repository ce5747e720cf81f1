package jp.ebpm.analysis.gis.map;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * at each polygon's interior point with a Japanese-capable font; then the title, and — outside the map frame, so that
 * they never cover data — the north arrow and the legend (class ranges and counts, one entry per overlay layer) in a
 * panel at the right, and the scale bar (metres) and the source lines below the frame.
 *
 * @since 0.1
 */
public final class MapRenderer {

    private MapRenderer() {
    }

    /** Outline colour of polygons and of plain polygon layers in the legend. */
    static final Color OUTLINE = new Color(0x555555);
    /** Colour of points of a plain layer without a fill. */
    static final Color DEFAULT_POINT = new Color(0x0072B2);

    private static final java.awt.font.FontRenderContext FRC = new java.awt.font.FontRenderContext(null, true, true);

    /**
     * Where things go on a map of this size: the title strip at the top; the map frame (data only); at the right of
     * the frame a panel with the north arrow and the legend; below the frame the scale bar and the source lines.
     * Nothing is drawn over the data.
     */
    record Layout(float fs, double titleH, Rectangle frame, int panelX, MapLegend legend, List<String> sourceLines,
                  int scaleY, int sourceY) {
    }

    static Layout layout(MapSpec spec, int width, int height) {
        float fs = fontSize(width, height);
        double titleH = spec.title() == null ? 8 : fs * 2.6;
        MapLegend legend = spec.legend() ? MapLegend.of(spec, fs) : null;
        int panelW = legend != null ? legend.width() + 16 : spec.northArrow() ? Math.round(fs * 3f) : 0;
        panelW = Math.min(panelW, (int) (width * 0.45));
        Font small = jp.ebpm.analysis.io.JapaneseFonts.font(Font.PLAIN, fs * 0.75f);
        List<String> lines = spec.attribution() == null ? List.of() : wrap(spec.attribution(), small, width - 24);
        double lineH = small.getLineMetrics("Ag", FRC).getHeight();
        int sourceH = (int) Math.ceil(lines.size() * lineH + (lines.isEmpty() ? 0 : fs * 0.4));
        int scaleH = spec.scaleBar() ? Math.round(fs * 2.4f) : 0;
        int bottom = sourceH + scaleH + 6;
        int fy = (int) Math.round(titleH);
        Rectangle frame = new Rectangle(8, fy, Math.max(10, width - 16 - panelW), Math.max(10, height - fy - bottom));
        int scaleY = frame.y + frame.height + Math.round(fs * 1.6f);
        int sourceY = frame.y + frame.height + scaleH + (int) Math.ceil(lineH * 0.8);
        return new Layout(fs, titleH, frame, frame.x + frame.width + 8, legend, lines, scaleY, sourceY);
    }

    /** Splits text at "; " into items and fills lines of at most {@code maxWidth} pixels (long items are broken). */
    static List<String> wrap(String text, Font font, double maxWidth) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String item : text.split("; ")) {
            String candidate = line.length() == 0 ? item : line + "; " + item;
            if (font.getStringBounds(candidate, FRC).getWidth() <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
            }
            String rest = item;
            while (font.getStringBounds(rest, FRC).getWidth() > maxWidth && rest.length() > 1) {
                int cut = rest.length();
                while (cut > 1 && font.getStringBounds(rest.substring(0, cut), FRC).getWidth() > maxWidth) {
                    cut--;
                }
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    /** The viewport used for a map of this size (for hit testing in interactive views). */
    public static Viewport viewport(MapSpec spec, int width, int height) {
        Rectangle f = layout(spec, width, height).frame();
        return Viewport.fit(extent(spec), f.x, f.y, f.width, f.height);
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
        Layout lay = layout(spec, width, height);
        float fs = lay.fs();
        Viewport vp = viewport(spec, width, height);
        AffineTransform at = vp.transform();
        ShapeWriter sw = new ShapeWriter((src, dest) -> at.transform(new Point2D.Double(src.x, src.y), dest));
        Rectangle fr = lay.frame();
        Envelope view = new Envelope(vp.toWorld(fr.x, fr.y + fr.height).getX(), vp.toWorld(fr.x + fr.width, fr.y).getX(),
                vp.toWorld(fr.x, fr.y + fr.height).getY(), vp.toWorld(fr.x + fr.width, fr.y).getY());
        Shape oldClip = g.getClip();
        g.clip(fr);
        for (MapLayer l : spec.layers()) {
            Composite old = g.getComposite();
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(0, Math.min(1, l.opacity()))));
            Color[] colors = l.classification() == null ? null : l.ramp().colors(l.classification().classCount());
            drawLayer(g, l, colors, sw, vp, view, fs);
            g.setComposite(old);
        }
        for (MapLayer l : spec.layers()) {
            if (l.labels() != null) {
                drawLabels(g, l, vp, view, fs);
            }
        }
        g.setClip(oldClip);
        g.setColor(new Color(0xbbbbbb));
        g.setStroke(new BasicStroke(1f));
        g.draw(fr);
        if (spec.title() != null) {
            g.setColor(Color.BLACK);
            g.setFont(jp.ebpm.analysis.io.JapaneseFonts.font(Font.BOLD, fs * 1.4f));
            g.drawString(spec.title(), 12, Math.round(fs * 1.9f));
        }
        int panelY = fr.y;
        if (spec.northArrow()) {
            int arrowBottom = MapDecorations.northArrow(g, lay.panelX(), fr.y, width - lay.panelX() - 8, fs);
            panelY = arrowBottom + Math.round(fs);
        }
        if (lay.legend() != null) {
            lay.legend().draw(g, lay.panelX(), panelY);
        }
        if (spec.scaleBar()) {
            MapDecorations.scaleBar(g, vp.scale(), fr.x + 6, lay.scaleY(), fr.width, fs);
        }
        if (!lay.sourceLines().isEmpty()) {
            g.setColor(Color.DARK_GRAY);
            Font small = jp.ebpm.analysis.io.JapaneseFonts.font(Font.PLAIN, fs * 0.75f);
            g.setFont(small);
            double lineH = small.getLineMetrics("Ag", FRC).getHeight();
            for (int i = 0; i < lay.sourceLines().size(); i++) {
                g.drawString(lay.sourceLines().get(i), 12, (float) (lay.sourceY() + i * lineH));
            }
        }
    }

    private static void drawLayer(Graphics2D g, MapLayer l, Color[] colors, ShapeWriter sw, Viewport vp, Envelope view, float fs) {
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
                    g.setColor(missing ? Color.LIGHT_GRAY : fill == null ? DEFAULT_POINT : fill);
                    g.fill(s);
                    g.setColor(l.values() == null ? Color.WHITE : Color.DARK_GRAY);
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
            g.setColor(OUTLINE);
            g.setStroke(l.values() == null && fill == null ? new BasicStroke(1.4f) : edge);
            g.draw(s);
        }
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
