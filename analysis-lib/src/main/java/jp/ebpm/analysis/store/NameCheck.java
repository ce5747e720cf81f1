package jp.ebpm.analysis.store;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Checks dataset and column names before any SQL is generated, so that a typo gives one plain line with a
 * suggestion ("column q55 not found in 市民アンケート2018; did you mean q5?") instead of the database's errors.
 *
 * @since 0.3
 */
public final class NameCheck {

    private NameCheck() {
    }

    /**
     * The known name closest to a typed one: the same name ignoring case, else the one with the smallest edit
     * distance (insertions, deletions, substitutions, transpositions) if it is at most a third of the longer name
     * (at least 1), ties broken by the order of {@code known}; empty when nothing is close.
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        if (typed == null || known == null) {
            return Optional.empty();
        }
        for (String k : known) {
            if (k.toLowerCase(Locale.ROOT).equals(typed.toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(typed.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            int limit = Math.max(1, Math.max(typed.length(), k.length()) / 3);
            if (d <= limit && d < bestD) {
                best = k;
                bestD = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "; did you mean X?" when a close name exists, else "". */
    public static String suggestion(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> "; did you mean " + s + "?").orElse("");
    }

    /**
     * Checks that every named column (nulls ignored) is a column of the table.
     *
     * @throws WorkbenchException "column q55 not found in D; did you mean q5?" for the first unknown one
     */
    public static void requireColumns(String table, Collection<String> columns, String... names) {
        for (String n : names) {
            if (n != null && !columns.contains(n)) {
                throw new WorkbenchException("column " + n + " not found in " + table + suggestion(n, columns));
            }
        }
    }

    /** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
    static int distance(String a, String b) {
        int[] cpA = a.codePoints().toArray();
        int[] cpB = b.codePoints().toArray();
        int n = cpA.length;
        int m = cpB.length;
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = cpA[i - 1] == cpB[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && cpA[i - 1] == cpB[j - 2] && cpA[i - 2] == cpB[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
