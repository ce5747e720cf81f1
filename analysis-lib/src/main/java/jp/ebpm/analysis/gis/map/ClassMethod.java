package jp.ebpm.analysis.gis.map;

import java.util.Locale;

/**
 * How values are divided into classes for a choropleth. Definitions follow R package classInt 0.4.9
 * ({@code classIntervals(x, n, style=...)}).
 *
 * @since 0.1
 */
public enum ClassMethod {
    /** Quantiles, R {@code quantile(type = 7)}; classes closed on the left, the last on both sides. */
    QUANTILE,
    /** Equal intervals from min to max: {@code min + i*(max-min)/k}; closed on the left. */
    EQUAL,
    /**
     * Jenks natural breaks: the exact Fisher (1958) optimum minimising the within-class sum of squared
     * deviations; breaks are the minimum and each class's largest value (classInt "jenks"); classes
     * closed on the right, the first on both sides.
     */
    JENKS,
    /** The same optimal classes as {@link #JENKS}, breaks at midpoints between classes (classInt "fisher"); closed on the left. */
    FISHER,
    /**
     * Standard deviation: breaks at mean + j&middot;sd for every integer j whose break lies inside the data range,
     * plus min and max (classInt "sd" uses the same steps); the number of classes follows from the data.
     */
    STDDEV,
    /** Breaks given by the user; closed on the left. */
    MANUAL;

    /** Parses {@code jenks}, {@code fisher}, {@code quantile}, {@code equal}, {@code stddev}/{@code sd}, {@code manual}. */
    public static ClassMethod parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "quantile", "quantiles" -> QUANTILE;
            case "equal", "equal-interval", "equal_interval" -> EQUAL;
            case "jenks", "natural", "natural-breaks" -> JENKS;
            case "fisher", "fisher-jenks" -> FISHER;
            case "stddev", "sd", "std", "standard-deviation" -> STDDEV;
            case "manual", "fixed" -> MANUAL;
            default -> throw new IllegalArgumentException("Unknown classification method \"" + text
                    + "\": use jenks, fisher, quantile, equal, stddev or manual.");
        };
    }
}
