package jp.ebpm.analysis.survey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A category of a table variable.
 *
 * @param code canonical text of the raw value ({@code 1} for 1, 1.0 or "1"; trimmed text otherwise)
 * @param label the codebook label, or the code
 * @param numeric the numeric value when the variable's codes are all numbers, else null
 */
public record Category(String code, String label, Double numeric) {

    /** The canonical code of a raw database value, or null for SQL NULL and blank text. */
    public static String canonical(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Number num) {
            double d = num.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return new BigDecimal(num.toString()).stripTrailingZeros().toPlainString();
        }
        String s = raw.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        // "1.0" and "1" are the same code; "01" keeps its leading zero (identifiers such as ward codes).
        if (isNumber(s) && !s.matches("-?0\\d.*") && s.matches("-?[0-9.]+")) {
            return canonical(new BigDecimal(s));
        }
        return s;
    }

    /**
     * Orders codes and attaches labels: codebook order first (codes listed in the codebook), then the
     * remaining codes ascending, numerically when every code is a number, else by text.
     */
    public static List<Category> order(Collection<String> codes, Codebook.Variable variable) {
        boolean allNumeric = codes.stream().allMatch(Category::isNumber);
        Map<String, Category> out = new LinkedHashMap<>();
        if (variable != null) {
            for (Codebook.Value v : variable.values()) {
                String key = matchCode(codes, v.code());
                if (key != null) {
                    out.put(key, new Category(key, v.label(), allNumeric ? Double.valueOf(key) : null));
                }
            }
        }
        List<String> rest = new ArrayList<>();
        for (String c : codes) {
            if (!out.containsKey(c)) {
                rest.add(c);
            }
        }
        Comparator<String> cmp = allNumeric
                ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        rest.sort(cmp);
        for (String c : rest) {
            out.put(c, new Category(c, c, allNumeric ? Double.valueOf(c) : null));
        }
        return List.copyOf(out.values());
    }

    private static String matchCode(Collection<String> codes, String code) {
        if (codes.contains(code)) {
            return code;
        }
        if (isNumber(code)) {
            double d = Double.parseDouble(code);
            for (String c : codes) {
                if (isNumber(c) && Double.parseDouble(c) == d) {
                    return c;
                }
            }
        }
        return null;
    }

    /** True when the text is a finite decimal number. */
    public static boolean isNumber(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) && !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D") && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** True when the code is one of the variable's missing codes (numeric codes compare by value). */
    public static boolean isMissingCode(String code, Codebook.Variable variable) {
        if (variable == null || code == null) {
            return false;
        }
        return variable.missingCodes().stream()
                .anyMatch(m -> m.equals(code) || (isNumber(m) && isNumber(code) && Double.parseDouble(m) == Double.parseDouble(code)));
    }
}
