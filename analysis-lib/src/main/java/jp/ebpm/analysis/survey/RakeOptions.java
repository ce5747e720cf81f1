package jp.ebpm.analysis.survey;

/**
 * Options of {@link Raking}.
 *
 * @param baseWeight column of starting (design) weights, or null for 1 per respondent
 * @param epsilon convergence: every margin total within relative epsilon of its target (default 1e-10)
 * @param maxIterations most full cycles over the margins (default 1000)
 * @param lowerBound trimming: smallest allowed adjustment factor g = final weight / base weight (without a base
 *     weight, the smallest allowed weight), or null; as the {@code bounds} of R {@code survey::calibrate}
 * @param upperBound trimming: largest allowed adjustment factor g, or null
 */
public record RakeOptions(String baseWeight, double epsilon, int maxIterations, Double lowerBound, Double upperBound) {

    public RakeOptions {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1");
        }
        if (lowerBound != null && upperBound != null && lowerBound > upperBound) {
            throw new IllegalArgumentException("The lower trimming bound exceeds the upper bound");
        }
    }

    /** Defaults: no base weight, epsilon 1e-10, 1000 iterations, no trimming. */
    public static RakeOptions defaults() {
        return new RakeOptions(null, 1e-10, 1000, null, null);
    }

    /** A copy with a base weight column. */
    public RakeOptions withBaseWeight(String column) {
        return new RakeOptions(column, epsilon, maxIterations, lowerBound, upperBound);
    }

    /** A copy with trimming bounds (either may be null). */
    public RakeOptions withBounds(Double lower, Double upper) {
        return new RakeOptions(baseWeight, epsilon, maxIterations, lower, upper);
    }
}
