package jp.ebpm.analysis.kpi;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * How the yearly actuals of a cumulative (累計) KPI are recorded in the register.
 *
 * @since 0.1
 */
public enum CumulativeInput {
    /** Each actual is already the running total (累計値), as plans usually publish them. The default. */
    RUNNING("running", "累計値"),
    /** Each actual is that year's increment (単年度値); the running total is baseline + increments so far. */
    YEARLY("yearly", "単年度値");

    private final String id;
    private final String japanese;

    CumulativeInput(String id, String japanese) {
        this.id = id;
        this.japanese = japanese;
    }

    /** The id written in registers: {@code running} or {@code yearly}. */
    public String id() {
        return id;
    }

    /** The Japanese label. */
    public String japanese() {
        return japanese;
    }

    /** Parses {@code running}/{@code 累計値}/{@code 累計} or {@code yearly}/{@code 単年度値}/{@code 単年度}/{@code annual}. */
    public static Optional<CumulativeInput> find(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (s) {
            case "running", "total", "running_total", "累計値", "累計" -> RUNNING;
            case "yearly", "annual", "increment", "単年度値", "単年度", "年間" -> YEARLY;
            default -> null;
        });
    }
}
