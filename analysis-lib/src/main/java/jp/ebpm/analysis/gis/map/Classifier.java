package jp.ebpm.analysis.gis.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds class breaks for choropleth maps (see {@link ClassMethod}). NaN values are ignored.
 * Results match R classInt 0.4.9 {@code classIntervals} for the styles jenks, fisher, quantile and equal.
 *
 * @since 0.1
 */
public final class Classifier {

    private Classifier() {
    }

    /**
     * Classifies values.
     *
     * @param values       the values (NaN ignored)
     * @param k            number of classes wanted (ignored by STDDEV and MANUAL)
     * @param method       the method
     * @param manualBreaks ascending breaks for MANUAL (k+1 values), else ignored (may be null)
     * @throws IllegalArgumentException when there is no value, {@code k < 1}, or manual breaks are missing or unsorted
     */
    public static Classification classify(double[] values, int k, ClassMethod method, double[] manualBreaks) {
        double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (x.length == 0) {
            throw new IllegalArgumentException("There are no values to classify.");
        }
        if (k < 1 && method != ClassMethod.MANUAL && method != ClassMethod.STDDEV) {
            throw new IllegalArgumentException("The number of classes must be at least 1.");
        }
        double[] breaks;
        boolean rightClosed = false;
        switch (method) {
            case QUANTILE -> breaks = quantileBreaks(x, k);
            case EQUAL -> breaks = equalBreaks(x, k);
            case JENKS -> {
                breaks = jenksBreaks(x, k, false);
                rightClosed = true;
            }
            case FISHER -> breaks = jenksBreaks(x, k, true);
            case STDDEV -> breaks = sdBreaks(x);
            case MANUAL -> breaks = checkManual(manualBreaks);
            default -> throw new IllegalArgumentException(method.toString());
        }
        breaks = distinct(breaks);
        int[] counts = new int[Math.max(1, breaks.length - 1)];
        if (breaks.length == 1) {
            breaks = new double[] {breaks[0], breaks[0]};
        }
        Classification tmp = new Classification(method, breaks, counts, rightClosed, Double.NaN);
        for (double v : x) {
            int c = tmp.classOf(v);
            if (c >= 0) {
                counts[c]++;
            }
        }
        return new Classification(method, breaks, counts, rightClosed, gvf(x, tmp));
    }

    /** R {@code quantile(x, seq(0, 1, 1/k), type = 7)}: h = (n-1)p, linear between order statistics. */
    static double[] quantileBreaks(double[] x, int k) {
        double[] b = new double[k + 1];
        int n = x.length;
        for (int i = 0; i <= k; i++) {
            double h = (n - 1) * (i / (double) k);
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, n - 1);
            b[i] = x[lo] + (h - lo) * (x[hi] - x[lo]);
        }
        b[0] = x[0];
        b[k] = x[n - 1];
        return b;
    }

    static double[] equalBreaks(double[] x, int k) {
        double min = x[0];
        double max = x[x.length - 1];
        double[] b = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            b[i] = min + i * ((max - min) / k);
        }
        b[k] = max;
        return b;
    }

    /**
     * Fisher's exact optimal partition (Fisher 1958, "On grouping for maximum homogeneity"; the algorithm of
     * Jenks' natural breaks), on the distinct values weighted by their multiplicity, O(k&middot;m&sup2;) for m distinct
     * values. Returns min, then each class's maximum ({@code midpoints=false}) or the midpoint between a class's
     * maximum and the next class's minimum ({@code midpoints=true}), then max.
     */
    static double[] jenksBreaks(double[] x, int k, boolean midpoints) {
        List<Double> vals = new ArrayList<>();
        List<Integer> wts = new ArrayList<>();
        for (double v : x) {
            if (!vals.isEmpty() && vals.get(vals.size() - 1) == v) {
                wts.set(wts.size() - 1, wts.get(wts.size() - 1) + 1);
            } else {
                vals.add(v);
                wts.add(1);
            }
        }
        int m = vals.size();
        int kk = Math.min(k, m);
        double[] cw = new double[m + 1];
        double[] cs = new double[m + 1];
        double[] cq = new double[m + 1];
        for (int i = 0; i < m; i++) {
            double v = vals.get(i);
            double w = wts.get(i);
            cw[i + 1] = cw[i] + w;
            cs[i + 1] = cs[i] + w * v;
            cq[i + 1] = cq[i] + w * v * v;
        }
        // cost[c][j]: minimal within-class SSD of the first j distinct values in c+1 classes
        double[] prev = new double[m + 1];
        int[][] from = new int[kk][m + 1];
        for (int j = 1; j <= m; j++) {
            prev[j] = ssd(cw, cs, cq, 0, j);
        }
        for (int c = 1; c < kk; c++) {
            double[] cur = new double[m + 1];
            Arrays.fill(cur, Double.POSITIVE_INFINITY);
            if (m <= 2000) {
                for (int j = c + 1; j <= m; j++) {
                    best(prev, cur, from[c], cw, cs, cq, j, c, j - 1);
                }
            } else {
                // Divide and conquer: the optimal split point is monotone in j for this cost (quadrangle inequality),
                // so O(m log m) per class instead of O(m²).
                divide(prev, cur, from[c], cw, cs, cq, c + 1, m, c, m - 1);
            }
            prev = cur;
        }
        int[] ends = new int[kk];
        int j = m;
        for (int c = kk - 1; c >= 1; c--) {
            ends[c] = j;
            j = from[c][j];
        }
        ends[0] = j;
        double[] b = new double[kk + 1];
        b[0] = vals.get(0);
        for (int c = 0; c < kk - 1; c++) {
            double lastOfClass = vals.get(ends[c] - 1);
            b[c + 1] = midpoints ? (lastOfClass + vals.get(ends[c])) / 2 : lastOfClass;
        }
        b[kk] = vals.get(m - 1);
        return b;
    }

    private static void best(double[] prev, double[] cur, int[] from, double[] cw, double[] cs, double[] cq, int j, int lo, int hi) {
        double best = Double.POSITIVE_INFINITY;
        int arg = lo;
        for (int i = lo; i <= Math.min(hi, j - 1); i++) {
            double v = prev[i] + ssd(cw, cs, cq, i, j);
            if (best == Double.POSITIVE_INFINITY || v < best - 1e-12 * Math.abs(best)) {
                best = v;
                arg = i;
            }
        }
        cur[j] = best;
        from[j] = arg;
    }

    private static void divide(double[] prev, double[] cur, int[] from, double[] cw, double[] cs, double[] cq,
                               int jLo, int jHi, int optLo, int optHi) {
        if (jLo > jHi) {
            return;
        }
        int mid = (jLo + jHi) >>> 1;
        best(prev, cur, from, cw, cs, cq, mid, optLo, optHi);
        divide(prev, cur, from, cw, cs, cq, jLo, mid - 1, optLo, from[mid]);
        divide(prev, cur, from, cw, cs, cq, mid + 1, jHi, from[mid], optHi);
    }

    private static double ssd(double[] cw, double[] cs, double[] cq, int i, int j) {
        double w = cw[j] - cw[i];
        double s = cs[j] - cs[i];
        return Math.max(0, (cq[j] - cq[i]) - s * s / w);
    }

    static double[] sdBreaks(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : 0;
        double min = x[0];
        double max = x[x.length - 1];
        if (sd == 0) {
            return new double[] {min, max};
        }
        List<Double> b = new ArrayList<>();
        b.add(min);
        for (long j = (long) Math.floor((min - mean) / sd); j <= (long) Math.ceil((max - mean) / sd); j++) {
            double v = mean + j * sd;
            if (v > min && v < max) {
                b.add(v);
            }
        }
        b.add(max);
        return b.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] checkManual(double[] breaks) {
        if (breaks == null || breaks.length < 2) {
            throw new IllegalArgumentException("Manual classification needs at least two breaks.");
        }
        for (int i = 1; i < breaks.length; i++) {
            if (!(breaks[i] > breaks[i - 1])) {
                throw new IllegalArgumentException("Manual breaks must be in ascending order.");
            }
        }
        return breaks.clone();
    }

    private static double[] distinct(double[] b) {
        return Arrays.stream(b).distinct().sorted().toArray();
    }

    /** Goodness of variance fit: 1 - (sum of within-class squared deviations) / (total squared deviations). */
    static double gvf(double[] x, Classification c) {
        double mean = Arrays.stream(x).average().orElse(0);
        double sdam = 0;
        for (double v : x) {
            sdam += (v - mean) * (v - mean);
        }
        int k = c.counts().length;
        double[] sum = new double[k];
        int[] n = new int[k];
        for (double v : x) {
            int i = c.classOf(v);
            if (i >= 0) {
                sum[i] += v;
                n[i]++;
            }
        }
        double sdcm = 0;
        for (double v : x) {
            int i = c.classOf(v);
            if (i >= 0) {
                double mu = sum[i] / n[i];
                sdcm += (v - mu) * (v - mu);
            }
        }
        return sdam == 0 ? 1 : 1 - sdcm / sdam;
    }
}
