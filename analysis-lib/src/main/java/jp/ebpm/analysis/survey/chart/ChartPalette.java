package jp.ebpm.analysis.survey.chart;

import java.awt.Color;

/**
 * Calm colours for print and colour-blind readers. Qualitative: Okabe &amp; Ito (2008), "Color Universal Design"
 * (blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, grey). Diverging for ordered scales
 * (Likert items, positive end first): ColorBrewer RdBu (Cynthia Brewer, Apache 2.0) from dark blue through a neutral
 * grey to dark red, so agreement and disagreement read as two sides of one scale.
 *
 * @since 0.3
 */
public final class ChartPalette {

    private static final Color[] OKABE_ITO = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xD55E00), new Color(0x56B4E9), new Color(0xCC79A7), new Color(0xF0E442), new Color(0x999999)};

    /** RdBu 7 classes, blue (positive) first; the middle is a light grey rather than white so it shows on paper. */
    private static final Color[] RD_BU = {new Color(0x2166AC), new Color(0x67A9CF), new Color(0xD1E5F0), new Color(0xD9D9D9),
        new Color(0xFDDBC7), new Color(0xEF8A62), new Color(0xB2182B)};

    private ChartPalette() {
    }

    /** The i-th qualitative colour (repeats after eight). */
    public static Color qualitative(int i) {
        return OKABE_ITO[Math.floorMod(i, OKABE_ITO.length)];
    }

    /**
     * The colours of an ordered scale of k points, positive end first: dark blue … neutral grey (odd k) … dark red.
     */
    public static Color[] diverging(int k) {
        Color[] out = new Color[k];
        if (k == 1) {
            out[0] = RD_BU[3];
            return out;
        }
        for (int i = 0; i < k; i++) {
            double pos = (double) i / (k - 1) * (RD_BU.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(RD_BU.length - 1, lo + 1);
            double f = pos - lo;
            if (k % 2 == 1 && i == k / 2) {
                out[i] = RD_BU[3];
                continue;
            }
            out[i] = mix(RD_BU[lo], RD_BU[hi], f);
        }
        return out;
    }

    private static Color mix(Color a, Color b, double f) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }
}
