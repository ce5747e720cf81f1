package jp.ebpm.analysis.kpi;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Which way a KPI should move.
 *
 * @since 0.1
 */
public enum Direction {
    /** Higher is better; achieved when actual ≥ target. */
    INCREASE("increase", "増加"),
    /** Lower is better; achieved when actual ≤ target. */
    DECREASE("decrease", "減少"),
    /** Keep at or above the target; achieved when actual ≥ target. */
    MAINTAIN_AT_LEAST("maintain_at_least", "維持"),
    /** Keep at or below the target (a ceiling); achieved when actual ≤ target. */
    DO_NOT_EXCEED("do_not_exceed", "上限");

    private final String id;
    private final String japanese;

    Direction(String id, String japanese) {
        this.id = id;
        this.japanese = japanese;
    }

    /** The id written in registers and JSON, e.g. {@code maintain_at_least}. */
    public String id() {
        return id;
    }

    /** The Japanese label, e.g. 維持. */
    public String japanese() {
        return japanese;
    }

    /** Whether larger values are better (increase, maintain at least). */
    public boolean higherIsBetter() {
        return this == INCREASE || this == MAINTAIN_AT_LEAST;
    }

    /**
     * Parses a direction: the ids, their English words ({@code increase}, {@code up}, {@code decrease},
     * {@code down}, {@code maintain}, {@code maintain at least}, {@code do not exceed}, {@code ceiling},
     * {@code max}) or Japanese (増加, 増, 向上, 減少, 減, 削減, 維持, 以上を維持, 上限, 以下, 超えない).
     */
    public static Optional<Direction> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT)
                .replace('-', '_').replace(' ', '_');
        return Optional.ofNullable(switch (s) {
            case "increase", "increasing", "up", "higher", "higher_is_better", "増加", "増", "向上", "増やす", "↑" -> INCREASE;
            case "decrease", "decreasing", "down", "lower", "lower_is_better", "減少", "減", "削減", "減らす", "↓" -> DECREASE;
            case "maintain_at_least", "maintain", "at_least", "keep", "以上", "≥", "minimum", "min", "維持", "以上を維持", "維持・向上", "現状維持" -> MAINTAIN_AT_LEAST;
            case "do_not_exceed", "not_exceed", "dont_exceed", "don't_exceed", "ceiling", "max", "maximum", "at_most", "≤", "上限", "以下",
                 "超えない", "上回らない", "以下を維持" -> DO_NOT_EXCEED;
            default -> null;
        });
    }
}
