package jp.ebpm.analysis.stats;

/**
 * Confidence intervals and tests for proportions.
 *
 * <ul>
 *   <li>Wilson score interval (R {@code prop.test(x, n, correct = FALSE)$conf.int}, statsmodels
 *   {@code proportion_confint(method="wilson")}): centre (p̂ + z²/2n)/(1 + z²/n), half-width
 *   z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n), clipped to [0, 1].</li>
 *   <li>Two-proportion z-test with pooled variance (R {@code prop.test(c(x1,x2), c(n1,n2), correct=FALSE)},
 *   statsmodels {@code test_proportions_2indep(method="score")} without correction):
 *   z = (p̂₁ − p̂₂)/√(p̄(1−p̄)(1/n₁ + 1/n₂)), p̄ = (x₁+x₂)/(n₁+n₂); χ² = z².</li>
 * </ul>
 */
public final class Proportions {

    private Proportions() {
    }

    /** A closed interval. */
    public record Interval(double lower, double upper) {
    }

    /** Result of the pooled two-proportion z-test, with the Wald and Newcombe intervals of p̂₁ − p̂₂. */
    public record TwoProportionTest(double p1, double p2, double z, double chiSquared, double pTwoSided,
                                    double pGreater, double pLess, Interval waldDifference,
                                    Interval newcombeDifference) {
    }

    /** Wilson score interval of x successes out of n at the given confidence level (e.g. 0.95). */
    public static Interval wilson(double x, double n, double confLevel) {
        if (!(n > 0)) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double z = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
        double p = x / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
        double lower = x <= 0 ? 0.0 : Math.max(0.0, centre - half);
        double upper = x >= n ? 1.0 : Math.min(1.0, centre + half);
        return new Interval(lower, upper);
    }

    /** The pooled two-proportion z-test of x1/n1 against x2/n2. */
    public static TwoProportionTest twoProportion(double x1, double n1, double x2, double n2, double confLevel) {
        double p1 = x1 / n1;
        double p2 = x2 / n2;
        double pooled = (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        double z = se > 0 ? (p1 - p2) / se : Double.NaN;
        double zc = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
        double seWald = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double d = p1 - p2;
        Interval wald = new Interval(Math.max(-1, d - zc * seWald), Math.min(1, d + zc * seWald));
        Interval w1 = wilson(x1, n1, confLevel);
        Interval w2 = wilson(x2, n2, confLevel);
        // Newcombe (1998) hybrid score interval, method 10.
        double lower = d - Math.sqrt(sq(p1 - w1.lower()) + sq(w2.upper() - p2));
        double upper = d + Math.sqrt(sq(w1.upper() - p1) + sq(p2 - w2.lower()));
        return new TwoProportionTest(p1, p2, z, z * z, Distributions.normalTwoSided(z),
                Distributions.normalUpper(z), Distributions.normalUpper(-z), wald, new Interval(lower, upper));
    }

    private static double sq(double v) {
        return v * v;
    }
}
