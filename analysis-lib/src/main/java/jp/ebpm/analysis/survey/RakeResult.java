package jp.ebpm.analysis.survey;

import java.util.List;

/**
 * The outcome of raking, with its convergence report.
 *
 * @param converged whether every margin was met within epsilon (and trimming bounds hold)
 * @param iterations full cycles over the margins that were run (over all trimming rounds)
 * @param maxRelativeDeviation largest |achieved − target| / target over all margin categories at the end
 * @param margins achieved against target per margin category
 * @param respondents number of rows raked
 * @param sumWeights Σw of the final weights
 * @param minWeight smallest final weight
 * @param maxWeight largest final weight
 * @param trimmed rows whose adjustment factor was cut to a bound in the last trimming round
 * @param kishDesignEffect Kish's design effect due to weighting, n·Σw²/(Σw)²
 * @param effectiveN effective sample size (Σw)²/Σw² = n / deff
 * @param groupWeights the adjustment factor g of each raking cell (combination of the margin variables);
 *     a respondent's weight is base weight × g; NaN for a cell left out ({@link RakeOptions#leaveOutUnmatched})
 * @param leftOut respondents left out because a margin has no population target for their category (their weight
 *     is empty); 0 unless {@link RakeOptions#leaveOutUnmatched}
 * @param leftOutCategories the categories they were in, one line each, e.g. {@code sex×age_group = 3×2 (1)} (codes and
 *     the number of respondents)
 */
public record RakeResult(boolean converged, int iterations, double maxRelativeDeviation, List<MarginCheck> margins,
                         long respondents, double sumWeights, double minWeight, double maxWeight, long trimmed,
                         double kishDesignEffect, double effectiveN, double[] groupWeights, long leftOut,
                         List<LeftOut> leftOutCategories) {

    /**
     * Respondents left out of the raking: a margin (its variables) had no target for their category (codes).
     *
     * @since 0.4
     */
    public record LeftOut(List<String> variables, List<String> codes, long respondents) {
    }

    /** Achieved total against target for one category of one margin. */
    public record MarginCheck(String margin, List<String> category, double target, double achieved) {
    }
}
