package jp.ebpm.analysis.gis.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/** Legend, scale bar, north arrow and hatching of a map (package-private helpers of {@link MapRenderer}). */
final class MapDecorations {

    private MapDecorations() {
    }

    /** Fills a shape with diagonal hatching (no-data areas); works the same in PNG and SVG. */
    static void hatch(Graphics2D g, Shape s, Color line) {
        hatch(g, s, line, null);
    }

    /** Hatching over a background colour (null = white). */
    static void hatch(Graphics2D g, Shape s, Color line, Color background) {
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

    /** Draws the legend box at the lower right; returns its bounds. */
    static Rectangle2D legend(Graphics2D g, MapLayer layer, Color[] colors, boolean hasNoData, long noDataCount,
                              int width, int height, float fontSize) {
        Classification c = layer.classification();
        Font f = jp.ebpm.analysis.io.JapaneseFonts.font(Font.PLAIN, fontSize);
        Font bold = jp.ebpm.analysis.io.JapaneseFonts.font(Font.BOLD, fontSize);
        g.setFont(f);
        FontMetrics fm = g.getFontMetrics();
        int k = c == null ? 0 : c.classCount();
        String[] labels = new String[k + (hasNoData ? 1 : 0)];
        for (int i = 0; i < k; i++) {
            String lo = format(c.breaks()[i]);
            String hi = format(c.breaks()[i + 1]);
            labels[i] = lo + " – " + hi + " (" + c.counts()[i] + ")";
        }
        if (hasNoData) {
            labels[k] = (layer.noDataLabel() != null ? layer.noDataLabel() : "no data / データなし") + " (" + noDataCount + ")";
        }
        String title = layer.valueName() == null ? layer.name() : layer.valueName();
        int sw = Math.round(fontSize * 1.6f);
        int lineH = Math.max(fm.getHeight(), sw) + 3;
        int textW = fm.stringWidth(title);
        for (String l : labels) {
            textW = Math.max(textW, sw + 8 + fm.stringWidth(l));
        }
        int boxW = textW + 16;
        int boxH = lineH * (labels.length + 1) + 12;
        int x = width - boxW - 10;
        int y = height - boxH - Math.round(fontSize * 2.5f);
        g.setColor(new Color(255, 255, 255, 235));
        g.fillRect(x, y, boxW, boxH);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, boxW, boxH);
        g.setFont(bold);
        g.drawString(title, x + 8, y + 6 + fm.getAscent());
        g.setFont(f);
        for (int i = 0; i < labels.length; i++) {
            int ly = y + 6 + lineH * (i + 1);
            Rectangle2D sq = new Rectangle2D.Double(x + 8, ly, sw, sw * 0.7);
            if (i < k) {
                g.setColor(colors[i]);
                g.fill(sq);
            } else {
                hatch(g, sq, Color.GRAY, layer.noDataFill());
            }
            g.setColor(Color.DARK_GRAY);
            g.draw(sq);
            g.drawString(labels[i], x + 8 + sw + 8, ly + fm.getAscent() - 2);
        }
        return new Rectangle2D.Double(x, y, boxW, boxH);
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        double a = Math.abs(v);
        String p = a >= 100 ? "%,.1f" : a >= 1 ? "%.2f" : "%.3g";
        return String.format(Locale.ROOT, p, v);
    }

    /** A scale bar at the lower left with a round length (1, 2 or 5 × 10^n metres) near a fifth of the width. */
    static void scaleBar(Graphics2D g, double pixelsPerMetre, int width, int height, float fontSize) {
        double target = width / 5.0 / pixelsPerMetre;
        double pow = Math.pow(10, Math.floor(Math.log10(target)));
        double len = pow;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * pow <= target) {
                len = m * pow;
            }
        }
        int px = (int) Math.round(len * pixelsPerMetre);
        int x = 14;
        int y = height - Math.round(fontSize * 3.2f);
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

    /** A north arrow at the top right. */
    static void northArrow(Graphics2D g, int width, float fontSize) {
        int s = Math.round(fontSize * 2.2f);
        int cx = width - s - 10;
        int top = Math.round(fontSize * 3f);
        Path2D left = new Path2D.Double();
        left.moveTo(cx, top);
        left.lineTo(cx - s / 2.5, top + s * 1.4);
        left.lineTo(cx, top + s * 1.1);
        left.closePath();
        Path2D right = new Path2D.Double();
        right.moveTo(cx, top);
        right.lineTo(cx + s / 2.5, top + s * 1.4);
        right.lineTo(cx, top + s * 1.1);
        right.closePath();
        g.setColor(Color.BLACK);
        g.fill(left);
        g.setColor(Color.WHITE);
        g.fill(right);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.draw(right);
        g.setFont(jp.ebpm.analysis.io.JapaneseFonts.font(Font.BOLD, fontSize));
        g.drawString("N", cx - g.getFontMetrics().stringWidth("N") / 2, top - 3);
    }
}
