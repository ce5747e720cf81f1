package jp.ebpm.analysis.stats.regression;

/**
 * Rows of a model matrix, visited in full once per pass (a fit makes one pass, a second one for robust
 * standard errors). Each pass must give the same rows with the same cluster indices. Used by estimators that
 * build their own model matrix (e.g. fixed-effects panels, {@code jp.ebpm.analysis.evaluation}).
 *
 * @since 0.2
 */
public interface RowSource {

    /** Receives one row: the design row x, the response, the weight (1 without weights), the cluster index (or -1). */
    @FunctionalInterface
    interface Sink {
        void accept(double[] x, double y, double w, int cluster);
    }

    /** Visits every row. */
    void forEach(Sink sink);
}
