package jp.ebpm.analysis.privacy.guard;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Secondary (complementary) cell suppression for a two-way table whose row and column totals are, or
 * could be, published. A suppressed cell can be recomputed exactly from the totals iff it is a bridge of
 * the bipartite graph whose vertices are the rows and columns and whose edges are the suppressed cells
 * (the null space of the row/column sum constraints is spanned by the cycles of that graph). The
 * algorithm repeats until nothing changes:
 * <ol>
 *   <li>every row and every column with exactly one suppressed cell gets a second one: the unsuppressed
 *       cell of that row/column with the fewest persons, preferring non-zero cells, then cells whose
 *       crossing line already has exactly one suppression, then the first in table order;</li>
 *   <li>every suppressed cell that is a bridge gets a cycle: the cheapest unsuppressed cell that joins the
 *       row side of the bridge to its column side.</li>
 * </ol>
 * Lines of length 1 (a table with one row or one column) have no separate totals and are skipped.
 */
public final class SecondarySuppression {

    private SecondarySuppression() {
    }

    /**
     * Extends {@code suppressed} in place.
     *
     * @param persons    persons per cell [row][col] (the cost of suppressing a cell)
     * @param suppressed suppression flags [row][col]
     * @return the number of cells added
     */
    public static int apply(long[][] persons, boolean[][] suppressed) {
        int nr = persons.length;
        int nc = nr == 0 ? 0 : persons[0].length;
        if (nr < 2 || nc < 2) {
            return 0;
        }
        int added = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < nr; r++) {
                if (countRow(suppressed, r) == 1) {
                    int best = -1;
                    for (int c = 0; c < nc; c++) {
                        if (!suppressed[r][c] && (best < 0 || better(persons[r][c], countCol(suppressed, c) == 1,
                                persons[r][best], countCol(suppressed, best) == 1))) {
                            best = c;
                        }
                    }
                    suppressed[r][best] = true;
                    added++;
                    changed = true;
                }
            }
            for (int c = 0; c < nc; c++) {
                if (countCol(suppressed, c) == 1) {
                    int best = -1;
                    for (int r = 0; r < nr; r++) {
                        if (!suppressed[r][c] && (best < 0 || better(persons[r][c], countRow(suppressed, r) == 1,
                                persons[best][c], countRow(suppressed, best) == 1))) {
                            best = r;
                        }
                    }
                    suppressed[best][c] = true;
                    added++;
                    changed = true;
                }
            }
            if (changed) {
                continue;
            }
            int[] bridge = findBridge(suppressed);
            if (bridge != null) {
                boolean[] rowSide = new boolean[nr + nc];
                reach(suppressed, bridge[0], bridge[1], rowSide);
                int br = -1;
                int bc = -1;
                for (int r = 0; r < nr; r++) {
                    for (int c = 0; c < nc; c++) {
                        // join a row reachable from the bridge's row to a column on the other side
                        if (rowSide[r] && !rowSide[nr + c] && !suppressed[r][c]
                                && (br < 0 || better(persons[r][c], false, persons[br][bc], false))) {
                            br = r;
                            bc = c;
                        }
                    }
                }
                if (br >= 0) {
                    suppressed[br][bc] = true;
                    added++;
                    changed = true;
                }
            }
        }
        return added;
    }

    private static boolean better(long a, boolean aHelps, long b, boolean bHelps) {
        long ca = a == 0 ? Long.MAX_VALUE : a;
        long cb = b == 0 ? Long.MAX_VALUE : b;
        if (ca != cb) {
            return ca < cb;
        }
        return aHelps && !bHelps;
    }

    private static int countRow(boolean[][] s, int r) {
        int n = 0;
        for (boolean b : s[r]) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static int countCol(boolean[][] s, int c) {
        int n = 0;
        for (boolean[] row : s) {
            n += row[c] ? 1 : 0;
        }
        return n;
    }

    /**
     * A suppressed cell {row, col} whose removal disconnects its row from its column (a bridge), or null.
     * Tarjan's bridge-finding algorithm (iterative DFS with discovery times and low links), O(V + E).
     */
    static int[] findBridge(boolean[][] s) {
        int nr = s.length;
        int nc = s[0].length;
        int n = nr + nc;
        java.util.List<java.util.List<Integer>> adj = new java.util.ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            adj.add(new java.util.ArrayList<>());
        }
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                if (s[r][c]) {
                    adj.get(r).add(nr + c);
                    adj.get(nr + c).add(r);
                }
            }
        }
        int[] disc = new int[n];
        int[] low = new int[n];
        int[] parent = new int[n];
        int[] next = new int[n];
        java.util.Arrays.fill(disc, -1);
        int time = 0;
        for (int root = 0; root < n; root++) {
            if (disc[root] >= 0 || adj.get(root).isEmpty()) {
                continue;
            }
            Deque<Integer> stack = new ArrayDeque<>();
            stack.push(root);
            parent[root] = -1;
            disc[root] = low[root] = time++;
            while (!stack.isEmpty()) {
                int v = stack.peek();
                if (next[v] < adj.get(v).size()) {
                    int w = adj.get(v).get(next[v]++);
                    if (disc[w] < 0) {
                        parent[w] = v;
                        disc[w] = low[w] = time++;
                        stack.push(w);
                    } else if (w != parent[v]) {
                        low[v] = Math.min(low[v], disc[w]);
                    }
                } else {
                    stack.pop();
                    int p = parent[v];
                    if (p >= 0) {
                        low[p] = Math.min(low[p], low[v]);
                        if (low[v] > disc[p]) {
                            return p < nr ? new int[] {p, v - nr} : new int[] {v, p - nr};
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Marks the vertices reachable from row {@code r0} without using the edge (r0, c0). */
    private static void reach(boolean[][] s, int r0, int c0, boolean[] seen) {
        int nr = s.length;
        int nc = s[0].length;
        Deque<Integer> q = new ArrayDeque<>();
        seen[r0] = true;
        q.add(r0);
        while (!q.isEmpty()) {
            int v = q.poll();
            if (v < nr) {
                for (int c = 0; c < nc; c++) {
                    if (s[v][c] && !(v == r0 && c == c0) && !seen[nr + c]) {
                        seen[nr + c] = true;
                        q.add(nr + c);
                    }
                }
            } else {
                int c = v - nr;
                for (int r = 0; r < nr; r++) {
                    if (s[r][c] && !(r == r0 && c == c0) && !seen[r]) {
                        seen[r] = true;
                        q.add(r);
                    }
                }
            }
        }
    }
}
