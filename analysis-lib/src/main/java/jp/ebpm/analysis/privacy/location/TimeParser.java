package jp.ebpm.analysis.privacy.location;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses ping times to local time in Japan (Asia/Tokyo) as microseconds since 1970-01-01 00:00 local.
 * Accepted: {@code yyyy-MM-dd HH:mm[:ss[.fff]]} with {@code -} or {@code /} and a space or {@code T};
 * the same with a zone ({@code Z}, {@code +09:00}: converted to Japan time); Unix epoch seconds (10
 * digits) or milliseconds (13 digits), converted to Japan time. Public because the Spark job of
 * {@code workbench-scale} parses ping times with the same rules.
 */
public final class TimeParser {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private TimeParser() {
    }

    /** Microseconds, or {@link Long#MIN_VALUE} when the text is not a time. */
    public static long parseMicros(String s) {
        s = s.strip();
        int n = s.length();
        if (n >= 16 && isDigit(s, 0, 4) && (s.charAt(4) == '-' || s.charAt(4) == '/')) {
            try {
                int y = num(s, 0, 4);
                int mo = num(s, 5, 7);
                int d = num(s, 8, 10);
                char sep = s.charAt(10);
                if (sep != ' ' && sep != 'T') {
                    return Long.MIN_VALUE;
                }
                int h = num(s, 11, 13);
                int mi = num(s, 14, 16);
                int sec = 0;
                long micros = 0;
                int p = 16;
                if (n > p && s.charAt(p) == ':') {
                    sec = num(s, p + 1, p + 3);
                    p += 3;
                    if (n > p && s.charAt(p) == '.') {
                        int q = p + 1;
                        long frac = 0;
                        int digits = 0;
                        while (q < n && Character.isDigit(s.charAt(q))) {
                            if (digits < 6) {
                                frac = frac * 10 + (s.charAt(q) - '0');
                                digits++;
                            }
                            q++;
                        }
                        while (digits++ < 6) {
                            frac *= 10;
                        }
                        micros = frac;
                        p = q;
                    }
                }
                long local = LocalDateTime.of(y, mo, d, h, mi, sec).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + micros;
                if (p == n) {
                    return local;
                }
                String zone = s.substring(p).strip();
                ZoneOffset off = "Z".equalsIgnoreCase(zone) ? ZoneOffset.UTC : ZoneOffset.of(zone);
                LocalDateTime inJapan = LocalDateTime.ofEpochSecond(Math.floorDiv(local, 1_000_000L), 0, off)
                        .atOffset(off).atZoneSameInstant(JAPAN).toLocalDateTime();
                return inJapan.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + Math.floorMod(local, 1_000_000L);
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return Long.MIN_VALUE;
            }
        }
        if ((n == 10 || n == 13) && isDigit(s, 0, n)) {
            long v = Long.parseLong(s);
            long millis = n == 10 ? v * 1000 : v;
            LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC)
                    .atOffset(ZoneOffset.UTC).atZoneSameInstant(JAPAN).toLocalDateTime();
            return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + Math.floorMod(millis, 1000) * 1000L;
        }
        try {
            OffsetDateTime o = OffsetDateTime.parse(s);
            return o.atZoneSameInstant(JAPAN).toLocalDateTime().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Days since 1970-01-01 of {@code yyyy-MM-dd}, {@code yyyy/MM/dd} or {@code yyyyMMdd}; MIN_VALUE if not. */
    static long parseDays(String s) {
        s = s.strip();
        try {
            if (s.length() == 8 && isDigit(s, 0, 8)) {
                return LocalDate.of(num(s, 0, 4), num(s, 4, 6), num(s, 6, 8)).toEpochDay();
            }
            if (s.length() >= 10 && (s.charAt(4) == '-' || s.charAt(4) == '/')) {
                return LocalDate.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10)).toEpochDay();
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Long.MIN_VALUE;
        }
        return Long.MIN_VALUE;
    }

    private static boolean isDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        if (to > s.length() || !isDigit(s, from, to)) {
            throw new NumberFormatException();
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
