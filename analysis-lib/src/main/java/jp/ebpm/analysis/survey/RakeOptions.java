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
 * @param leaveOutUnmatched respondents in a category that a margin has no population target for (e.g. sex = その他
 *     when the population knows only men and women) are left out of the raking and get an empty weight, so they
 *     leave every weighted table and the survey design, as R {@code rake(subset(design, ...))}; false (default):
 *     such a category is an error ({@link RakingGap})
 */
public record RakeOptions(String baseWeight, double epsilon, int maxIterations, Double lowerBound, Double upperBound,
                          boolean leaveOutUnmatched) {

    /** Options that refuse respondents without a population target (see {@link #leaveOutUnmatched}). */
    public RakeOptions(String baseWeight, double epsilon, int maxIterations, Double lowerBound, Double upperBound) {
        this(baseWeight, epsilon, maxIterations, lowerBound, upperBound, false);
    }

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
        return new RakeOptions(null, 1e-10, 1000, null, null, false);
    }

    /** A copy with a base weight column. */
    public RakeOptions withBaseWeight(String column) {
        return new RakeOptions(column, epsilon, maxIterations, lowerBound, upperBound, leaveOutUnmatched);
    }

    /** A copy with trimming bounds (either may be null). */
    public RakeOptions withBounds(Double lower, Double upper) {
        return new RakeOptions(baseWeight, epsilon, maxIterations, lower, upper, leaveOutUnmatched);
    }

    /**
     * A copy that leaves respondents without a population target out (empty weight) instead of refusing them.
     *
     * @since 0.4
     */
    public RakeOptions withLeaveOutUnmatched(boolean leaveOut) {
        return new RakeOptions(baseWeight, epsilon, maxIterations, lowerBound, upperBound, leaveOut);
    }
}
