package jp.ebpm.analysis.gis.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/** Scale bar, north arrow, hatching and number format of a map (package-private helpers of {@link MapRenderer}). */
final class MapDecorations {

    private MapDecorations() {
    }

    /** Fills a shape with diagonal hatching (no-data areas); works the same in PNG and SVG. */
    static void hatch(Graphics2D g, Shape s, Color line) {
        hatch(g, s, line, null);
    }

    /** Hatching over a background colour (null = white). */
    static void hatch(Graphics2D g, Shape shape, Color line, Color background) {
        // as a plain path: clipping with JTS's GeometryCollectionShape fails in FXGraphics2D when a clip is already set
        // (the map frame), since it cannot test intersection
        Shape s = new Path2D.Double(shape);
        Shape oldClip = g.getClip();
        g.clip(s);
        Rectangle2D b = s.getBounds2D();
        g.setColor(background == null ? Color.WHITE : background);
        g.fill(s);
        g.setColor(line);
        g.setStroke(new BasicStroke(1f));
        double step = 6;
        for (double d = -b.getHeight(); d < b.getWidth(); d += step) {
            g.draw(new java.awt.geom.Line2D.Double(b.getMinX() + d, b.getMaxY(), b.getMinX() + d + b.getHeight(), b.getMinY()));
        }
        g.setClip(oldClip);
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        double a = Math.abs(v);
        String p = a >= 100 ? "%,.1f" : a >= 1 ? "%.2f" : "%.3g";
        return String.format(Locale.ROOT, p, v);
    }

    /** A scale bar with its left end at (x, y) and a round length (1, 2 or 5 × 10^n metres) near a fifth of the frame. */
    static void scaleBar(Graphics2D g, double pixelsPerMetre, int x, int y, int frameWidth, float fontSize) {
        double target = frameWidth / 5.0 / pixelsPerMetre;
        double pow = Math.pow(10, Math.floor(Math.log10(target)));
        double len = pow;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * pow <= target) {
                len = m * pow;
            }
        }
        int px = (int) Math.round(len * pixelsPerMetre);
        g.setColor(Color.BLACK);
        g.fillRect(x, y, px / 2, 5);
        g.setColor(Color.WHITE);
        g.fillRect(x + px / 2, y, px - px / 2, 5);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, px, 5);
        g.setFont(jp.ebpm.analysis.io.JapaneseFonts.font(Font.PLAIN, fontSize * 0.9f));
        String label = len >= 1000 ? format(len / 1000) + " km" : format(len) + " m";
        g.drawString("0", x - 3, y - 3);
        g.drawString(label, x + px - g.getFontMetrics().stringWidth(label) / 2, y - 3);
    }

    /** A north arrow centred in the panel that starts at (x, top) and is {@code panelWidth} wide; returns its bottom. */
    static int northArrow(Graphics2D g, int x, int top, int panelWidth, float fontSize) {
        int s = Math.round(fontSize * 2.2f);
        int cx = x + Math.max(s, Math.min(panelWidth, s * 3)) / 2;
        int tip = top + Math.round(fontSize * 1.4f);
        Path2D left = new Path2D.Double();
        left.moveTo(cx, tip);
        left.lineTo(cx - s / 2.5, tip + s * 1.4);
        left.lineTo(cx, tip + s * 1.1);
        left.closePath();
        Path2D right = new Path2D.Double();
        right.moveTo(cx, tip);
        right.lineTo(cx + s / 2.5, tip + s * 1.4);
        right.lineTo(cx, tip + s * 1.1);
        right.closePath();
        g.setColor(Color.BLACK);
        g.fill(left);
        g.setColor(Color.WHITE);
        g.fill(right);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.draw(right);
        g.setFont(jp.ebpm.analysis.io.JapaneseFonts.font(Font.BOLD, fontSize));
        g.drawString("N", cx - g.getFontMetrics().stringWidth("N") / 2, tip - 3);
        return (int) Math.round(tip + s * 1.4);
    }
}
