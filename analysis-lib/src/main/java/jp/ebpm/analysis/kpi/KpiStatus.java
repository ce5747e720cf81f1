package jp.ebpm.analysis.kpi;

/**
 * The status of a KPI in a fiscal year. See docs/kpi.md for the rules.
 *
 * @since 0.1
 */
public enum KpiStatus {
    /** The target is met (actual ≥ target, or ≤ for decrease / do-not-exceed). */
    ACHIEVED("achieved", "達成"),
    /** Not met yet, but at or beyond the straight line from baseline to target for that year. */
    ON_TRACK("on_track", "順調"),
    /** Short of the straight line. */
    BEHIND("behind", "遅れ"),
    /** No actual recorded for the year. */
    NO_DATA("no_data", "実績なし");

    private final String id;
    private final String japanese;

    KpiStatus(String id, String japanese) {
        this.id = id;
        this.japanese = japanese;
    }

    /** The id used in JSON and CSV output, e.g. {@code on_track}. */
    public String id() {
        return id;
    }

    /** The Japanese label used in reports, e.g. 順調. */
    public String japanese() {
        return japanese;
    }
}
