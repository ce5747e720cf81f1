package jp.ebpm.analysis.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines header rows spread over several lines into one name per column, as in statistics tables where a
 * parent heading (e.g. {@code 男}) spans the columns of its children ({@code 15歳未満}, {@code 15～64歳}).
 *
 * <p>Rule: in every header row except the last, an empty cell takes the value on its left (the cell was
 * merged or left blank under a spanning heading), as long as a lower header row has a value both in this
 * column and in the column on the left (so a heading standing alone over one column does not spread).
 * The name of a column is the distinct non-empty parts from top to bottom joined with {@code _}
 * (e.g. {@code 男_15歳未満}); a part equal to the one above it is not repeated.
 */
final class HeaderNames {

    private HeaderNames() {
    }

    /**
     * @param rows   header rows, top first, as text (null or blank = empty)
     * @param filled whether spanning headings are already repeated across their columns (Excel merged cells);
     *               then no value is carried to the right
     */
    static List<String> combine(List<List<String>> rows, int width, boolean filled) {
        int h = rows.size();
        String[][] g = new String[h][width];
        for (int r = 0; r < h; r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < width; c++) {
                String v = c < row.size() ? row.get(c) : null;
                g[r][c] = v == null ? "" : v.strip();
            }
        }
        if (!filled) {
            for (int r = 0; r < h - 1; r++) {
                for (int c = 1; c < width; c++) {
                    if (g[r][c].isEmpty() && !g[r][c - 1].isEmpty() && lowerHas(g, r, c) && lowerHas(g, r, c - 1)) {
                        g[r][c] = g[r][c - 1];
                    }
                }
            }
        }
        List<String> names = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            List<String> parts = new ArrayList<>();
            for (int r = 0; r < h; r++) {
                String v = g[r][c];
                if (!v.isEmpty() && (parts.isEmpty() || !parts.get(parts.size() - 1).equals(v))) {
                    parts.add(v);
                }
            }
            names.add(String.join("_", parts));
        }
        return names;
    }

    private static boolean lowerHas(String[][] g, int r, int c) {
        for (int k = r + 1; k < g.length; k++) {
            if (!g[k][c].isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
