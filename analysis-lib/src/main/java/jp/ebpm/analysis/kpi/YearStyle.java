package jp.ebpm.analysis.kpi;

import java.util.Locale;

/**
 * How fiscal years are shown. Stored as the project setting {@code kpi.yearStyle}.
 *
 * @since 0.1
 */
public enum YearStyle {
    /** Era plus western year: {@code 令和3(2021)年度}, {@code 令和元(2019)年度}. The default. */
    ERA,
    /** Western year with 年度: {@code 2021年度}. */
    WESTERN,
    /** English: {@code FY2021}. */
    FY;

    /** Project setting key for the style. */
    public static final String SETTING = "kpi.yearStyle";

    /**
     * Parses {@code era}, {@code western} or {@code fy} (case-insensitive).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static YearStyle parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown year style \"" + s + "\": use era, western or fy.", e);
        }
    }
}
