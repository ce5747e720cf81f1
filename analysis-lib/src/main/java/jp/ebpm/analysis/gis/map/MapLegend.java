package jp.ebpm.analysis.gis.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Puntal;

/**
 * The legend of a map, drawn outside the map frame (in the panel at the right) so that it never covers data: the
 * classes of the topmost classified layer with their counts, its "no data" entry, and one entry per plain layer
 * drawn over it (points as a dot, polygons as an outline) with the layer's name.
 */
final class MapLegend {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /** One line of the legend. */
    private record Entry(String text, Color fill, boolean hatched, boolean point, boolean outline) {
    }

    private final String title;
    private final List<Entry> entries;
    private final MapLayer noDataLayer;
    private final float fs;

    private MapLegend(String title, List<Entry> entries, MapLayer noDataLayer, float fs) {
        this.title = title;
        this.entries = entries;
        this.noDataLayer = noDataLayer;
        this.fs = fs;
    }

    /** The legend of a spec, or null when it has nothing to show. */
    static MapLegend of(MapSpec spec, float fs) {
        MapLayer classified = null;
        for (MapLayer l : spec.layers()) {
            if ((l.classification() != null || (l.values() != null && l.noDataLabel() != null)) && !l.sizeByValue()) {
                classified = l;
            }
        }
        List<Entry> entries = new ArrayList<>();
        String title = null;
        if (classified != null) {
            title = classified.valueName() == null ? classified.name() : classified.valueName();
            Classification c = classified.classification();
            int k = c == null ? 0 : c.classCount();
            Color[] colors = c == null ? new Color[0] : classified.ramp().colors(k);
            for (int i = 0; i < k; i++) {
                entries.add(new Entry(MapDecorations.format(c.breaks()[i]) + " – " + MapDecorations.format(c.breaks()[i + 1])
                        + " (" + c.counts()[i] + ")", colors[i], false, false, false));
            }
            long noData = noData(classified, c);
            if (noData > 0 || classified.noDataLabel() != null && noData > 0) {
                entries.add(new Entry((classified.noDataLabel() != null ? classified.noDataLabel() : "no data / データなし")
                        + " (" + noData + ")", null, true, false, false));
            }
        }
        for (MapLayer l : spec.layers()) {
            if (l.values() == null && l != classified) {
                boolean point = l.geometries().stream().anyMatch(g -> g instanceof Puntal);
                entries.add(new Entry(l.name(), l.fill(), false, point, !point && l.fill() == null));
                // a plain area layer (no value) shows its fill
            }
        }
        if (title == null && entries.isEmpty()) {
            return null;
        }
        return new MapLegend(title, entries, classified, fs);
    }

    private static long noData(MapLayer l, Classification c) {
        if (l.values() == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < l.values().length; i++) {
            Geometry g = l.geometries().get(i);
            double v = l.values()[i];
            if (g != null && !g.isEmpty() && (Double.isNaN(v) || (c != null && c.classOf(v) < 0))) {
                n++;
            }
        }
        return n;
    }

    private Font plain() {
        return jp.ebpm.analysis.io.JapaneseFonts.font(Font.PLAIN, fs);
    }

    private Font bold() {
        return jp.ebpm.analysis.io.JapaneseFonts.font(Font.BOLD, fs);
    }

    private int swatch() {
        return Math.round(fs * 1.6f);
    }

    private int lineHeight() {
        return (int) Math.max(Math.ceil(plain().getLineMetrics("Ag", FRC).getHeight()), swatch()) + 3;
    }

    /** Width of the legend box. */
    int width() {
        double w = title == null ? 0 : bold().getStringBounds(title, FRC).getWidth();
        for (Entry e : entries) {
            w = Math.max(w, swatch() + 8 + plain().getStringBounds(e.text(), FRC).getWidth());
        }
        return (int) Math.ceil(w) + 16;
    }

    /** Height of the legend box. */
    int height() {
        return lineHeight() * (entries.size() + (title == null ? 0 : 1)) + 12;
    }

    /** Draws the box with its top-left corner at (x, y). */
    void draw(Graphics2D g, int x, int y) {
        int boxW = width();
        int boxH = height();
        g.setColor(new Color(255, 255, 255, 235));
        g.fillRect(x, y, boxW, boxH);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, boxW, boxH);
        int ascent = (int) Math.ceil(plain().getLineMetrics("Ag", FRC).getAscent());
        int line = 0;
        if (title != null) {
            g.setFont(bold());
            g.drawString(title, x + 8, y + 6 + ascent);
            line = 1;
        }
        g.setFont(plain());
        int sw = swatch();
        for (Entry e : entries) {
            int ly = y + 6 + lineHeight() * line++;
            Rectangle2D sq = new Rectangle2D.Double(x + 8, ly, sw, sw * 0.7);
            if (e.hatched()) {
                MapDecorations.hatch(g, sq, Color.GRAY, noDataLayer == null ? null : noDataLayer.noDataFill());
                g.setColor(Color.DARK_GRAY);
                g.draw(sq);
            } else if (e.point()) {
                double r = fs * 0.35;
                Ellipse2D dot = new Ellipse2D.Double(sq.getCenterX() - r, sq.getCenterY() - r, 2 * r, 2 * r);
                g.setColor(e.fill() == null ? MapRenderer.DEFAULT_POINT : e.fill());
                g.fill(dot);
                g.setColor(Color.DARK_GRAY);
                g.draw(dot);
            } else if (e.outline()) {
                g.setColor(MapRenderer.OUTLINE);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(sq);
                g.setStroke(new BasicStroke(1f));
            } else {
                g.setColor(e.fill());
                g.fill(sq);
                g.setColor(Color.DARK_GRAY);
                g.draw(sq);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(e.text(), x + 8 + sw + 8, ly + ascent - 2);
        }
    }
}
