package jp.ebpm.analysis.evaluation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 5-year age group as statistical tables write it: {@code 0-4}, {@code 0～4歳}, {@code ５～９歳}, {@code 85歳以上},
 * {@code 85+}, or only its lower bound ({@code 0}, {@code 5}, …). Totals ({@code 総数}, {@code 計}) and unknown ages
 * ({@code 不詳}) are not age groups.
 *
 * @param lower first age of the group
 * @param label the label as read (normalised to NFKC)
 * @param open  whether the group is open-ended ({@code 85歳以上}, {@code 85+})
 * @since 0.2
 */
public record AgeGroup(int lower, String label, boolean open) implements Comparable<AgeGroup> {

    private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d+)");

    /**
     * Parses a label; empty when it is a total or unknown age.
     */
    public static java.util.Optional<AgeGroup> parse(Object value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (value instanceof Number n) {
            return java.util.Optional.of(new AgeGroup(n.intValue(), Integer.toString(n.intValue()), false));
        }
        String s = Normalizer.normalize(value.toString(), Normalizer.Form.NFKC).strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.contains("不詳") || lower.contains("総数") || lower.equals("計") || lower.contains("合計") || lower.equals("total")
                || lower.contains("unknown")) {
            return java.util.Optional.empty();
        }
        Matcher m = FIRST_NUMBER.matcher(s);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        boolean open = s.contains("以上") || s.endsWith("+") || s.contains("over");
        return java.util.Optional.of(new AgeGroup(Integer.parseInt(m.group(1)), s, open));
    }

    @Override
    public int compareTo(AgeGroup o) {
        return Integer.compare(lower, o.lower);
    }
}
