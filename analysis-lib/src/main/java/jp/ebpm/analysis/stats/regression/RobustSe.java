package jp.ebpm.analysis.stats.regression;

/**
 * Robust (sandwich) standard errors of every coefficient with their tests. Arrays run parallel to
 * {@link OlsResult#terms()}; aliased coefficients are NaN.
 *
 * @param type     HC0 … HC3 or CLUSTER
 * @param cluster  the cluster column (CLUSTER only), else {@code null}
 * @param clusters number of clusters G (CLUSTER only), else 0
 * @param df       degrees of freedom of the t tests and intervals: n − k, or G − 1 for clusters
 * @param se       standard errors
 * @param t        coefficient / se
 * @param p        two-sided p-values from t with {@code df} degrees of freedom
 * @param ciLow    lower end of the 95 % interval
 * @param ciHigh   upper end of the 95 % interval
 * @since 0.2
 */
public record RobustSe(SeType type, String cluster, int clusters, double df, double[] se, double[] t, double[] p,
                       double[] ciLow, double[] ciHigh) {
}
