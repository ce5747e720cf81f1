package jp.ebpm.analysis.stats.regression;

import java.util.Locale;

/**
 * Kinds of coefficient standard errors. HC0–HC3 are the heteroskedasticity-consistent estimators of R's
 * {@code sandwich::vcovHC(m, type = ...)}; CLUSTER is {@code sandwich::vcovCL(m, cluster = ~g, type = "HC1")}
 * with the adjustment G/(G−1)·(n−1)/(n−k) and p-values and intervals from t with G−1 degrees of freedom
 * ({@code lmtest::coeftest(m, vcov. = V, df = G - 1)}).
 *
 * @since 0.2
 */
public enum SeType {
    CLASSICAL, HC0, HC1, HC2, HC3, CLUSTER;

    /** The id used on the command line and in JSON keys: classical, HC0 … HC3, cluster. */
    public String id() {
        return this == CLASSICAL || this == CLUSTER ? name().toLowerCase(Locale.ROOT) : name();
    }

    /**
     * Parses {@code classical}, {@code HC0} … {@code HC3} or {@code cluster} (any case).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static SeType parse(String s) {
        for (SeType t : values()) {
            if (t.id().equalsIgnoreCase(s.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown standard-error type \"" + s
                + "\": use classical, HC0, HC1, HC2, HC3 or cluster:COLUMN.");
    }
}
