package jp.ebpm.analysis.stats.regression;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model formula in R's notation: {@code y ~ x1 + x2 + factor(ward) + x1:x2}. Supported: {@code +} between
 * terms, {@code :} (interaction), {@code *} (main effects and all interactions: {@code a*b} = {@code a + b +
 * a:b}), {@code factor(col)} (treat a column as categorical), {@code 0}, {@code - 1} or {@code + 0} (no
 * intercept), {@code 1} (explicit intercept) and back-quoted names ({@code `年 度`}) for names with spaces or
 * operators. As in R, terms are ordered by their number of variables (main effects first), duplicates are
 * removed, and the variables of an interaction follow their first appearance in the formula.
 *
 * @param text      the formula as written
 * @param response  the response column
 * @param variables the regressor variables in order of first appearance
 * @param terms     the terms, each a set of indices into {@code variables}, in R's order
 * @param intercept whether the model has an intercept
 * @since 0.2
 */
public record Formula(String text, String response, List<Variable> variables, List<BitSet> terms, boolean intercept) {

    /**
     * A variable of a formula.
     *
     * @param column the dataset column
     * @param factor written as {@code factor(column)}
     */
    public record Variable(String column, boolean factor) {
        /** R's label: {@code factor(ward)} or {@code ward}. */
        public String label() {
            return factor ? "factor(" + column + ")" : column;
        }
    }

    public Formula {
        variables = List.copyOf(variables);
        terms = terms.stream().map(b -> (BitSet) b.clone()).toList();
    }

    /** The label of a term, e.g. {@code x1:factor(ward)}. */
    public String termLabel(int term) {
        StringBuilder sb = new StringBuilder();
        BitSet b = terms.get(term);
        for (int v = b.nextSetBit(0); v >= 0; v = b.nextSetBit(v + 1)) {
            if (!sb.isEmpty()) {
                sb.append(':');
            }
            sb.append(variables.get(v).label());
        }
        return sb.toString();
    }

    /** This formula with the intercept switched on or off. */
    public Formula withIntercept(boolean on) {
        return new Formula(text, response, variables, terms, on);
    }

    /**
     * Parses a formula.
     *
     * @throws IllegalArgumentException naming the position of anything not understood
     */
    public static Formula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The formula is empty; write it as y ~ x1 + x2.");
        }
        int tilde = text.indexOf('~');
        if (tilde < 0) {
            throw new IllegalArgumentException("The formula \"" + text + "\" has no '~'; write it as y ~ x1 + x2.");
        }
        List<String> lhs = tokens(text.substring(0, tilde), text);
        if (lhs.size() != 1 || isOperator(lhs.get(0))) {
            throw new IllegalArgumentException("The left side of \"" + text + "\" must be one column (the response).");
        }
        String response = name(lhs.get(0));
        List<String> rhs = tokens(text.substring(tilde + 1), text);
        if (rhs.isEmpty()) {
            throw new IllegalArgumentException("The formula \"" + text + "\" has no terms after '~'.");
        }
        Map<Variable, Integer> vars = new LinkedHashMap<>();
        List<BitSet> found = new ArrayList<>();
        boolean intercept = true;
        int i = 0;
        boolean minus = false;
        while (i < rhs.size()) {
            // one summand: factors joined by * or :
            List<List<Integer>> groups = new ArrayList<>();
            List<Character> ops = new ArrayList<>();
            String t = rhs.get(i);
            if (t.equals("0") || t.equals("1")) {
                boolean on = t.equals("1") != minus;
                intercept = on;
                i++;
            } else {
                if (isOperator(t)) {
                    throw new IllegalArgumentException("Unexpected '" + t + "' in the formula \"" + text + "\".");
                }
                groups.add(List.of(variable(t, vars, text)));
                i++;
                while (i < rhs.size() && (rhs.get(i).equals(":") || rhs.get(i).equals("*"))) {
                    if (i + 1 >= rhs.size() || isOperator(rhs.get(i + 1)) || rhs.get(i + 1).equals("0") || rhs.get(i + 1).equals("1")) {
                        throw new IllegalArgumentException("A variable must follow '" + rhs.get(i) + "' in \"" + text + "\".");
                    }
                    ops.add(rhs.get(i).charAt(0));
                    groups.add(List.of(variable(rhs.get(i + 1), vars, text)));
                    i += 2;
                }
                if (minus) {
                    throw new IllegalArgumentException("Only '- 1' (no intercept) can be subtracted in \"" + text + "\".");
                }
                found.addAll(expand(groups, ops));
            }
            if (i < rhs.size()) {
                String op = rhs.get(i);
                if (!op.equals("+") && !op.equals("-")) {
                    throw new IllegalArgumentException("Expected '+' before \"" + op + "\" in the formula \"" + text + "\".");
                }
                minus = op.equals("-");
                i++;
                if (i >= rhs.size()) {
                    throw new IllegalArgumentException("The formula \"" + text + "\" ends with '" + op + "'.");
                }
            }
        }
        // R: terms ordered by degree, stable; duplicates removed
        List<BitSet> unique = new ArrayList<>();
        for (BitSet b : found) {
            if (!unique.contains(b)) {
                unique.add(b);
            }
        }
        List<BitSet> ordered = new ArrayList<>(unique);
        ordered.sort((a, b) -> Integer.compare(a.cardinality(), b.cardinality()));
        return new Formula(text.strip(), response, new ArrayList<>(vars.keySet()), ordered, intercept);
    }

    /** a:b*c → the terms of (a:b) * c. */
    private static List<BitSet> expand(List<List<Integer>> groups, List<Character> ops) {
        // split at '*': each block is an interaction of ':'-joined variables; the result is every non-empty
        // combination of blocks (R: (a:b)*c = a:b + c + a:b:c)
        List<BitSet> blocks = new ArrayList<>();
        BitSet cur = new BitSet();
        cur.set(groups.get(0).get(0));
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k) == '*') {
                blocks.add(cur);
                cur = new BitSet();
            }
            cur.set(groups.get(k + 1).get(0));
        }
        blocks.add(cur);
        List<BitSet> out = new ArrayList<>();
        for (int mask = 1; mask < (1 << blocks.size()); mask++) {
            BitSet t = new BitSet();
            for (int k = 0; k < blocks.size(); k++) {
                if ((mask & (1 << k)) != 0) {
                    t.or(blocks.get(k));
                }
            }
            out.add(t);
        }
        return out;
    }

    private static int variable(String token, Map<Variable, Integer> vars, String text) {
        Variable v;
        if (token.startsWith("factor(")) {
            if (!token.endsWith(")")) {
                throw new IllegalArgumentException("factor( is not closed in \"" + text + "\".");
            }
            v = new Variable(name(token.substring(7, token.length() - 1).strip()), true);
        } else {
            v = new Variable(name(token), false);
        }
        if (v.column().isEmpty()) {
            throw new IllegalArgumentException("An empty column name in \"" + text + "\".");
        }
        return vars.computeIfAbsent(v, k -> vars.size());
    }

    private static String name(String token) {
        String t = token.strip();
        if (t.length() >= 2 && t.startsWith("`") && t.endsWith("`")) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static boolean isOperator(String t) {
        return t.equals("+") || t.equals("-") || t.equals(":") || t.equals("*");
    }

    /** Splits into names (incl. {@code factor(...)} and back-quoted names) and the operators + - : *. */
    private static List<String> tokens(String s, String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '+' || c == '-' || c == ':' || c == '*') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '`') {
                int end = s.indexOf('`', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("A back-quote is not closed in \"" + text + "\".");
                }
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else if (c == '(' || c == ')' || c == '^' || c == '/' || c == '|' || c == '%') {
                throw new IllegalArgumentException("'" + c + "' is not supported in formulas (\"" + text
                        + "\"); use +, :, *, factor(column), 0 or - 1.");
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "+-:*`()".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                String word = s.substring(i, j);
                if (word.equals("factor")) {
                    int open = j;
                    while (open < s.length() && Character.isWhitespace(s.charAt(open))) {
                        open++;
                    }
                    int close = open < s.length() && s.charAt(open) == '(' ? s.indexOf(')', open) : -1;
                    if (close < 0) {
                        throw new IllegalArgumentException("Write factor(column) in \"" + text + "\".");
                    }
                    out.add("factor(" + s.substring(open + 1, close).strip() + ")");
                    i = close + 1;
                } else {
                    out.add(word);
                    i = j;
                }
            }
        }
        return out;
    }
}
