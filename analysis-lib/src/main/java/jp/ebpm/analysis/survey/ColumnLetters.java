package jp.ebpm.analysis.survey;

import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.stats.Proportions;

/**
 * Column-proportion tests as market-research tables show them: each column gets a letter (A, B, ...),
 * and a cell carries the letters of the columns whose proportion it exceeds significantly. Each pair of
 * columns is compared with the pooled two-proportion z-test ({@link Proportions#twoProportion}); the
 * p-values of one row are Bonferroni-adjusted for the k(k−1)/2 comparisons of that row.
 */
public final class ColumnLetters {

    private ColumnLetters() {
    }

    /** Letters A..Z, then AA, AB, ... */
    public static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int k = i;
            do {
                sb.insert(0, (char) ('A' + k % 26));
                k = k / 26 - 1;
            } while (k >= 0);
            out.add(sb.toString());
        }
        return out;
    }

    /**
     * For one row: proportions p[j] on bases n[j]; returns per column the letters of the columns it is
     * significantly higher than at level alpha after Bonferroni adjustment.
     */
    public static String[] compare(double[] p, double[] n, double alpha, List<String> letters) {
        int k = p.length;
        double m = k * (k - 1) / 2.0;
        String[] out = new String[k];
        for (int a = 0; a < k; a++) {
            StringBuilder sb = new StringBuilder();
            for (int b = 0; b < k; b++) {
                if (a == b || !(n[a] > 0) || !(n[b] > 0) || Double.isNaN(p[a]) || Double.isNaN(p[b]) || !(p[a] > p[b])) {
                    continue;
                }
                Proportions.TwoProportionTest t = Proportions.twoProportion(p[a] * n[a], n[a], p[b] * n[b], n[b], 0.95);
                double adj = Math.min(1.0, t.pTwoSided() * m);
                if (adj < alpha) {
                    sb.append(letters.get(b));
                }
            }
            out[a] = sb.toString();
        }
        return out;
    }
}
