package jp.ebpm.analysis.kpi;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The Japanese imperial eras (元号) from Meiji on, with the Gregorian date on which each began.
 *
 * <p>Start dates: Meiji 1868-10-23 (改元の詔, converted to the Gregorian calendar), Taisho 1912-07-30,
 * Showa 1926-12-25, Heisei 1989-01-08, Reiwa 2019-05-01 (元号を改める政令, 平成31年政令第143号). A date
 * belongs to the latest era that began on or before it, so 2019-04-30 is 平成31年 and 2019-05-01 is 令和元年.
 *
 * @since 0.1
 */
public enum Era {
    /** 明治, from 1868-10-23. */
    MEIJI("明治", "M", "Meiji", LocalDate.of(1868, 10, 23)),
    /** 大正, from 1912-07-30. */
    TAISHO("大正", "T", "Taisho", LocalDate.of(1912, 7, 30)),
    /** 昭和, from 1926-12-25. */
    SHOWA("昭和", "S", "Showa", LocalDate.of(1926, 12, 25)),
    /** 平成, from 1989-01-08. */
    HEISEI("平成", "H", "Heisei", LocalDate.of(1989, 1, 8)),
    /** 令和, from 2019-05-01. */
    REIWA("令和", "R", "Reiwa", LocalDate.of(2019, 5, 1));

    private final String kanji;
    private final String letter;
    private final String romaji;
    private final LocalDate start;

    Era(String kanji, String letter, String romaji, LocalDate start) {
        this.kanji = kanji;
        this.letter = letter;
        this.romaji = romaji;
        this.start = start;
    }

    /** The era name in kanji, e.g. 令和. */
    public String kanji() {
        return kanji;
    }

    /** The one-letter abbreviation, e.g. R. */
    public String letter() {
        return letter;
    }

    /** The romanised name, e.g. Reiwa. */
    public String romaji() {
        return romaji;
    }

    /** The first day of the era (Gregorian). */
    public LocalDate start() {
        return start;
    }

    /** The Gregorian year in which era year 1 (元年) falls. */
    public int firstYear() {
        return start.getYear();
    }

    /**
     * The era a date belongs to.
     *
     * @throws IllegalArgumentException for dates before Meiji
     */
    public static Era of(LocalDate date) {
        Era[] all = values();
        for (int i = all.length - 1; i >= 0; i--) {
            if (!date.isBefore(all[i].start)) {
                return all[i];
            }
        }
        throw new IllegalArgumentException("Dates before 1868-10-23 (Meiji) have no supported era: " + date);
    }

    /**
     * The era used to label a Gregorian year (and the fiscal year starting in it): the latest era that began
     * in or before that year, so 2019 is 令和元年 (not 平成31年), 1989 is 平成元年 and 1926 is 昭和元年. This is
     * the convention the national and city governments used for FY2019 (令和元年度).
     *
     * @throws IllegalArgumentException for years before 1868
     */
    public static Era ofYear(int year) {
        Era[] all = values();
        for (int i = all.length - 1; i >= 0; i--) {
            if (year >= all[i].firstYear()) {
                return all[i];
            }
        }
        throw new IllegalArgumentException("Years before 1868 have no supported era: " + year);
    }

    /** The Gregorian year of an era year: {@code firstYear() + eraYear - 1}. */
    public int toGregorian(int eraYear) {
        return firstYear() + eraYear - 1;
    }

    /** The era year of a Gregorian year in this era: {@code year - firstYear() + 1}. */
    public int eraYear(int year) {
        return year - firstYear() + 1;
    }

    /**
     * Finds an era by kanji (令和), letter (R, r, Ｒ) or romanised name (Reiwa, case-insensitive).
     */
    public static Optional<Era> find(String name) {
        String n = name.trim();
        for (Era e : values()) {
            if (e.kanji.equals(n) || e.letter.equalsIgnoreCase(n) || e.romaji.toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Formats a date in the Japanese calendar, e.g. {@code 令和元年5月1日}, {@code 平成31年4月30日}.
     */
    public static String formatDate(LocalDate date) {
        Era e = of(date);
        int y = date.getYear() - e.firstYear() + 1;
        return e.kanji + (y == 1 ? "元" : Integer.toString(y)) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
