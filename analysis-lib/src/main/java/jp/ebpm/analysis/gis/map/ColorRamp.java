package jp.ebpm.analysis.gis.map;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * Colour-blind-safe colour ramps typed in as constants. Sequential: ColorBrewer {@code YlOrRd}, {@code Blues},
 * {@code YlGnBu} (9-class schemes) and matplotlib {@code viridis} (9 samples); diverging: ColorBrewer {@code RdBu},
 * {@code PuOr} (11-class). For k classes the ramp is sampled at k evenly spaced positions with linear RGB
 * interpolation between the typed colours.
 *
 * <p>Attribution: ColorBrewer colours by Cynthia A. Brewer, Pennsylvania State University (www.colorbrewer2.org,
 * Apache License 2.0); viridis by Stéfan van der Walt and Nathaniel Smith (matplotlib, CC0).
 *
 * @param name   ramp name
 * @param stops  colours from low to high
 * @param diverging whether the ramp is diverging
 * @since 0.1
 */
public record ColorRamp(String name, List<Color> stops, boolean diverging) {

    /** ColorBrewer YlOrRd, 9 classes. */
    public static final ColorRamp YL_OR_RD = of("YlOrRd", false, 0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c, 0xfd8d3c,
            0xfc4e2a, 0xe31a1c, 0xbd0026, 0x800026);
    /** ColorBrewer Blues, 9 classes. */
    public static final ColorRamp BLUES = of("Blues", false, 0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6,
            0x2171b5, 0x08519c, 0x08306b);
    /** ColorBrewer YlGnBu, 9 classes. */
    public static final ColorRamp YL_GN_BU = of("YlGnBu", false, 0xffffd9, 0xedf8b1, 0xc7e9b4, 0x7fcdbb, 0x41b6c4,
            0x1d91c0, 0x225ea8, 0x253494, 0x081d58);
    /** viridis, 9 samples. */
    public static final ColorRamp VIRIDIS = of("viridis", false, 0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c,
            0x28ae80, 0x5ec962, 0xaddc30, 0xfde725);
    /** ColorBrewer RdBu, 11 classes (red low, blue high). */
    public static final ColorRamp RD_BU = of("RdBu", true, 0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7,
            0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac, 0x053061);
    /** ColorBrewer PuOr, 11 classes. */
    public static final ColorRamp PU_OR = of("PuOr", true, 0x7f3b08, 0xb35806, 0xe08214, 0xfdb863, 0xfee0b6, 0xf7f7f7,
            0xd8daeb, 0xb2abd2, 0x8073ac, 0x542788, 0x2d004b);

    private static final List<ColorRamp> ALL = List.of(YL_OR_RD, BLUES, YL_GN_BU, VIRIDIS, RD_BU, PU_OR);

    private static ColorRamp of(String name, boolean diverging, int... rgb) {
        return new ColorRamp(name, java.util.Arrays.stream(rgb).mapToObj(Color::new).toList(), diverging);
    }

    /** All ramps. */
    public static List<ColorRamp> all() {
        return ALL;
    }

    /** A ramp by name (case-insensitive). */
    public static ColorRamp named(String name) {
        for (ColorRamp r : ALL) {
            if (r.name.toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown colour ramp \"" + name + "\": use YlOrRd, Blues, YlGnBu, viridis, RdBu or PuOr.");
    }

    /** k colours from low to high. */
    public Color[] colors(int k) {
        Color[] out = new Color[k];
        for (int i = 0; i < k; i++) {
            double t = k == 1 ? 1 : i / (double) (k - 1);
            out[i] = at(t);
        }
        return out;
    }

    /** The colour at position t in [0, 1]. */
    public Color at(double t) {
        double p = Math.max(0, Math.min(1, t)) * (stops.size() - 1);
        int i = (int) Math.floor(p);
        if (i >= stops.size() - 1) {
            return stops.get(stops.size() - 1);
        }
        double f = p - i;
        Color a = stops.get(i);
        Color b = stops.get(i + 1);
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
