package jp.ebpm.analysis.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Upper-tail probabilities computed directly from the regularized special functions, so that very small
 * p-values keep their relative precision (unlike {@code 1 - cdf}).
 *
 * <ul>
 *   <li>χ²: P(X &gt; x) = Q(df/2, x/2), the regularized upper incomplete gamma function;</li>
 *   <li>F: P(F &gt; f) = I<sub>d2/(d2 + d1 f)</sub>(d2/2, d1/2), the regularized incomplete beta;</li>
 *   <li>standard normal: P(Z &gt; z) = erfc(z/√2)/2.</li>
 * </ul>
 */
public final class Distributions {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Distributions() {
    }

    /** P(χ²<sub>df</sub> &gt; x); 1 for x ≤ 0; NaN when df ≤ 0. */
    public static double chiSquaredUpper(double x, double df) {
        if (!(df > 0) || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0, 1e-15, 100_000);
    }

    /** P(F<sub>d1,d2</sub> &gt; f); 1 for f ≤ 0. */
    public static double fUpper(double f, double d1, double d2) {
        if (!(d1 > 0) || !(d2 > 0) || Double.isNaN(f)) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1.0;
        }
        return Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2.0, d1 / 2.0, 1e-15, 100_000);
    }

    /** P(Z &gt; z) for a standard normal Z. */
    public static double normalUpper(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2.0));
    }

    /** Two-sided normal p-value 2·P(Z &gt; |z|). */
    public static double normalTwoSided(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
    }

    /** The standard normal quantile Φ⁻¹(p). */
    public static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }
}
