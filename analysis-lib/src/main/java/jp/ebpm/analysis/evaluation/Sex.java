package jp.ebpm.analysis.evaluation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Sex as population tables code it: 男/男性/M/male/1 and 女/女性/F/female/2 (the national statistics code);
 * totals (総数, 計, 合計, total, 0) are not a sex.
 *
 * @since 0.2
 */
public enum Sex {
    MALE, FEMALE;

    /**
     * Parses a value; empty for a total.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Optional<Sex> parse(Object value) {
        String s = Normalizer.normalize(String.valueOf(value), Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return switch (s) {
            case "男", "男性", "m", "male", "1", "男子" -> Optional.of(MALE);
            case "女", "女性", "f", "female", "2", "女子" -> Optional.of(FEMALE);
            case "総数", "計", "合計", "total", "0", "男女計" -> Optional.empty();
            default -> throw new IllegalArgumentException("Unknown sex \"" + value + "\": use 男/女, M/F, male/female or 1/2.");
        };
    }
}
