package jp.ebpm.analysis.stats;

/**
 * Fisher's exact test of a 2×2 table with the convention of R's {@code fisher.test}: the two-sided p is
 * the sum of the hypergeometric probabilities of all tables with the observed margins whose probability
 * is at most the observed one, with a relative tolerance of 1e-7 so that tables tied in probability are
 * counted (R: {@code sum(d[d <= d[x] * (1 + 1e-7)])}). GNU PSPP 1.6.2 differs on ties (tea-tasting table:
 * PSPP 0.2571, R 0.4857); this class follows R.
 *
 * <p>Counts that are not integers (fractional frequency weights) are rounded to the nearest integer
 * first (half to even), as R's {@code fisher.test} does.
 */
public final class FisherExact {

    private FisherExact() {
    }

    /** Result: two-sided p, and the one-sided p-values for odds ratio &lt; 1 ("less") and &gt; 1 ("greater"). */
    public record Result(double pTwoSided, double pLess, double pGreater) {
    }

    /** Tests the table {{a, b}, {c, d}}. */
    public static Result test(double a, double b, double c, double d) {
        long ia = Math.round(Math.rint(a));
        long ib = Math.round(Math.rint(b));
        long ic = Math.round(Math.rint(c));
        long id = Math.round(Math.rint(d));
        if (ia < 0 || ib < 0 || ic < 0 || id < 0) {
            throw new IllegalArgumentException("Fisher's exact test needs non-negative counts");
        }
        long m = ia + ic; // first column total
        long n = ib + id; // second column total
        long k = ia + ib; // first row total
        long lo = Math.max(0, k - n);
        long hi = Math.min(k, m);
        int len = (int) (hi - lo + 1);
        double[] logp = new double[len];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            long x = lo + i;
            logp[i] = logChoose(m, x) + logChoose(n, k - x);
            max = Math.max(max, logp[i]);
        }
        double total = 0;
        double[] p = new double[len];
        for (int i = 0; i < len; i++) {
            p[i] = Math.exp(logp[i] - max);
            total += p[i];
        }
        int obs = (int) (ia - lo);
        double threshold = p[obs] * (1 + 1e-7);
        double two = 0;
        double less = 0;
        double greater = 0;
        for (int i = 0; i < len; i++) {
            double pi = p[i] / total;
            if (p[i] <= threshold) {
                two += pi;
            }
            if (i <= obs) {
                less += pi;
            }
            if (i >= obs) {
                greater += pi;
            }
        }
        return new Result(Math.min(1.0, two), Math.min(1.0, less), Math.min(1.0, greater));
    }

    private static double logChoose(long n, long k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    private static double logFactorial(long n) {
        return org.apache.commons.math3.special.Gamma.logGamma(n + 1.0);
    }
}
