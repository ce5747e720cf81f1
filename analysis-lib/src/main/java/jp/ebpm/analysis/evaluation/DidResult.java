package jp.ebpm.analysis.evaluation;

import java.util.List;

import jp.ebpm.analysis.stats.regression.OlsResult;

/**
 * The estimated effect of a measure by difference-in-differences, with what a reader needs to judge it.
 *
 * @param design        {@code 2x2}, {@code twfe} (area effects absorbed) or {@code twfe-dummies}
 * @param source        the panel's source (dataset name)
 * @param outcome       the outcome column
 * @param effectTerm    the coefficient that is the effect ({@code treated:post} or {@code d})
 * @param effect        the estimate
 * @param se            its cluster-robust standard error (clustered by area, HC1 adjustment)
 * @param t             effect / se
 * @param p             two-sided p-value from t with G − 1 degrees of freedom
 * @param ciLow         lower end of the 95 % interval (t with G − 1 df)
 * @param ciHigh        upper end
 * @param clusters      number of areas G
 * @param seClassical   the classical (i.i.d.) standard error, for comparison
 * @param n             rows used
 * @param units         areas
 * @param treatedUnits  areas ever treated
 * @param periods       the periods in order
 * @param starts        the first treated period of the treated areas (one value for a common start)
 * @param balanced      every area observed once in every period
 * @param droppedMissing rows left out because a value was missing
 * @param regression    the underlying regression (all coefficients; with absorbed area effects only the effect
 *                      and the period effects)
 * @param trends        outcome means of treated and control areas by period (the pre-trend check); with staggered
 *                      starts the earliest-starting areas against all others
 * @param eventStudy    leads and lags relative to the start (two-way fixed effects; empty for 2×2)
 * @param notes         caveats in plain words (few clusters, unbalanced panel, staggered starts, …)
 * @since 0.2
 */
public record DidResult(String design, String source, String outcome, String effectTerm, double effect, double se, double t,
                        double p, double ciLow, double ciHigh, int clusters, double seClassical, long n, int units,
                        int treatedUnits, List<String> periods, List<String> starts, boolean balanced, long droppedMissing,
                        OlsResult regression, List<TrendPoint> trends, List<EventTime> eventStudy, List<String> notes) {

    public DidResult {
        periods = List.copyOf(periods);
        starts = List.copyOf(starts);
        trends = List.copyOf(trends);
        eventStudy = List.copyOf(eventStudy);
        notes = List.copyOf(notes);
    }

    /**
     * Mean outcome by period in the treated and the control group.
     *
     * @param period        the period
     * @param treatedMean   mean of the ever-treated areas (NaN when none observed)
     * @param controlMean   mean of the never-treated areas
     * @param treatedCount  observations of treated areas
     * @param controlCount  observations of control areas
     */
    public record TrendPoint(String period, double treatedMean, double controlMean, int treatedCount, int controlCount) {
    }

    /**
     * One lead or lag of the event study: the effect {@code relative} periods after the start (negative: before),
     * relative to the period just before the start (−1, fixed at 0).
     *
     * @param relative periods since the start (−1 is the reference)
     * @param coef     estimate (0 for the reference)
     * @param se       cluster-robust standard error (NaN for the reference)
     * @param ciLow    lower end of the 95 % interval
     * @param ciHigh   upper end
     * @param p        p-value (t with G − 1 df)
     * @param n        treated observations at this relative time
     */
    public record EventTime(int relative, double coef, double se, double ciLow, double ciHigh, double p, int n) {
    }
}
