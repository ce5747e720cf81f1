package jp.ebpm.analysis.gis.map;

import java.util.Arrays;

/**
 * The result of classifying values: {@code k+1} breaks (including minimum and maximum) and the count of
 * values in each of the {@code k} classes.
 *
 * @param method      how the breaks were found
 * @param breaks      class boundaries, ascending, first = minimum, last = maximum (for manual breaks, as given)
 * @param counts      number of values per class
 * @param rightClosed whether classes are closed on the right ({@code (a, b]}, first class {@code [a, b]}) as
 *                    classInt's jenks style; otherwise closed on the left ({@code [a, b)}, last {@code [a, b]})
 * @param gvf         goodness of variance fit, 1 - SDCM/SDAM (classInt's {@code jenks.tests} "Goodness of fit")
 * @since 0.1
 */
public record Classification(ClassMethod method, double[] breaks, int[] counts, boolean rightClosed, double gvf) {

    /** The number of classes. */
    public int classCount() {
        return counts.length;
    }

    /**
     * The class (0-based) of a value, or -1 when it is NaN or outside the breaks.
     */
    public int classOf(double v) {
        int k = counts.length;
        if (Double.isNaN(v) || v < breaks[0] || v > breaks[k]) {
            return -1;
        }
        if (rightClosed) {
            for (int i = 0; i < k; i++) {
                if (v <= breaks[i + 1]) {
                    return i;
                }
            }
        } else {
            for (int i = 0; i < k - 1; i++) {
                if (v < breaks[i + 1]) {
                    return i;
                }
            }
            return k - 1;
        }
        return k - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Classification c && c.method == method && Arrays.equals(c.breaks, breaks)
                && Arrays.equals(c.counts, counts) && c.rightClosed == rightClosed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(breaks) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return method + " breaks=" + Arrays.toString(breaks) + " counts=" + Arrays.toString(counts);
    }
}
