package jp.ebpm.analysis.kpi;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Japanese fiscal year (年度): fiscal year {@code Y} runs from 1 April of {@code Y} to 31 March of
 * {@code Y+1} (地方自治法 第208条). Shown as {@code 令和3(2021)年度}, {@code 2021年度} or {@code FY2021}.
 *
 * <p>Era labels follow {@link Era#ofYear(int)}: FY2019 is shown as {@code 令和元(2019)年度}; on input both
 * {@code 平成31} and {@code 令和元} (or {@code 令和1}, {@code R1}, {@code H31}) mean 2019.
 *
 * @param year the western year in which the fiscal year starts
 * @since 0.1
 */
public record FiscalYear(int year) implements Comparable<FiscalYear> {

    private static final Pattern WESTERN = Pattern.compile("(?i)^(?:FY\\s*)?(\\d{4})\\s*(?:年度|年|FY)?$");
    private static final Pattern ERA_FORM = Pattern.compile(
            "(?i)^(明治|大正|昭和|平成|令和|meiji|taisho|showa|heisei|reiwa|[MTSHR])\\s*(元|\\d{1,2})\\s*"
                    + "(?:[(（]\\s*(\\d{4})\\s*[)）])?\\s*(?:年度|年)?$");

    public FiscalYear {
        if (year < 1868 || year > 9999) {
            throw new IllegalArgumentException("Fiscal year out of range (1868-9999): " + year);
        }
    }

    /** Fiscal year {@code year}. */
    public static FiscalYear of(int year) {
        return new FiscalYear(year);
    }

    /** The fiscal year a date falls in: the date's year, minus one for January to March. */
    public static FiscalYear of(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    /** The first day, 1 April. */
    public LocalDate start() {
        return LocalDate.of(year, 4, 1);
    }

    /** The last day, 31 March of the next year. */
    public LocalDate end() {
        return LocalDate.of(year + 1, 3, 31);
    }

    /** The era used for the label (see {@link Era#ofYear(int)}). */
    public Era era() {
        return Era.ofYear(year);
    }

    /** The era year, 1 for 元年. */
    public int eraYear() {
        return era().eraYear(year);
    }

    /** Formats in a style: {@code 令和元(2019)年度}, {@code 2019年度} or {@code FY2019}. */
    public String format(YearStyle style) {
        return switch (style) {
            case ERA -> era().kanji() + (eraYear() == 1 ? "元" : Integer.toString(eraYear())) + "(" + year + ")年度";
            case WESTERN -> year + "年度";
            case FY -> "FY" + year;
        };
    }

    @Override
    public String toString() {
        return "FY" + year;
    }

    @Override
    public int compareTo(FiscalYear o) {
        return Integer.compare(year, o.year);
    }

    /**
     * Parses a fiscal year written as {@code 2021}, {@code 2021年度}, {@code FY2021}, {@code 令和3年度},
     * {@code 令和3(2021)年度}, {@code 令和元年度}, {@code 平成31}, {@code R3}, {@code H30}, {@code Reiwa 3},
     * with full-width or half-width digits. When both an era year and a western year are given they must
     * agree (平成31 and 令和元 both agree with 2019).
     *
     * @throws IllegalArgumentException naming the text when it is no fiscal year
     */
    public static FiscalYear parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "Not a fiscal year: \"" + text + "\" (write e.g. 2021, FY2021, 2021年度, 令和3年度 or R3)."));
    }

    /** Like {@link #parse(String)} but empty when the text is no fiscal year. */
    public static Optional<FiscalYear> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // NFKC folds full-width digits, letters and parentheses to ASCII.
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).trim();
        Matcher m = WESTERN.matcher(s);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            return y >= 1868 ? Optional.of(new FiscalYear(y)) : Optional.empty();
        }
        m = ERA_FORM.matcher(s);
        if (m.matches()) {
            Optional<Era> era = Era.find(m.group(1));
            if (era.isEmpty()) {
                return Optional.empty();
            }
            int n = "元".equals(m.group(2)) ? 1 : Integer.parseInt(m.group(2));
            if (n < 1) {
                return Optional.empty();
            }
            int y = era.get().toGregorian(n);
            if (m.group(3) != null && Integer.parseInt(m.group(3)) != y) {
                return Optional.empty();
            }
            return Optional.of(new FiscalYear(y));
        }
        return Optional.empty();
    }
}
