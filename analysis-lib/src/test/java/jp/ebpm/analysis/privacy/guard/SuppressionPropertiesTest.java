package jp.ebpm.analysis.privacy.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the disclosure guard on random tables. */
class SuppressionPropertiesTest {

    record Case(int k, CountTable table) {
    }

    @Provide
    Arbitrary<Case> tables() {
        Arbitrary<Integer> nr = Arbitraries.integers().between(1, 9);
        Arbitrary<Integer> nc = Arbitraries.integers().between(1, 9);
        Arbitrary<Integer> k = Arbitraries.integers().between(3, 15);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(nr, nc, k, seed).as((r, c, kk, s) -> {
            java.util.Random rnd = new java.util.Random(s);
            List<String> rows = new ArrayList<>();
            List<String> cols = new ArrayList<>();
            for (int i = 0; i < r; i++) {
                rows.add("r" + i);
            }
            for (int j = 0; j < c; j++) {
                cols.add("c" + j);
            }
            List<CountTable.Cell> cells = new ArrayList<>();
            for (String row : rows) {
                for (String col : cols) {
                    int kind = rnd.nextInt(4);
                    long persons = kind == 0 ? 0 : kind == 1 ? 1 + rnd.nextInt(kk) : kk + rnd.nextInt(200);
                    if (persons > 0) {
                        cells.add(new CountTable.Cell(row, col, persons * (1 + rnd.nextInt(5)), persons));
                    }
                }
            }
            return new Case(kk, new CountTable("area", "time", "pings", "devices", false, rows, cols, cells));
        });
    }

    private static Map<String, Long> persons(CountTable t) {
        Map<String, Long> m = new HashMap<>();
        for (CountTable.Cell c : t.cells()) {
            m.put(c.row() + "\t" + c.col(), c.persons());
        }
        return m;
    }

    @Property(tries = 300)
    void noPublishedCellHasBetweenOneAndKMinusOnePersons(@ForAll("tables") Case c) {
        ProtectedTable p = new DisclosureGuard(c.k(), 1).protect(c.table(), Set.of());
        Map<String, Long> truth = persons(c.table());
        for (ProtectedTable.Cell cell : p.cells()) {
            long n = truth.getOrDefault(cell.row() + "\t" + cell.col(), 0L);
            if (!cell.suppressed()) {
                assertTrue(n == 0 || n >= c.k(), "published " + n + " with k=" + c.k());
                assertEquals(n, cell.persons());
            }
        }
    }

    @Property(tries = 300)
    void everyLineHasZeroOrAtLeastTwoSuppressedCells(@ForAll("tables") Case c) {
        ProtectedTable p = new DisclosureGuard(c.k(), 1).protect(c.table(), Set.of());
        boolean[][] s = grid(c.table(), p);
        if (s.length < 2 || s[0].length < 2) {
            return;
        }
        for (boolean[] row : s) {
            int n = 0;
            for (boolean b : row) {
                n += b ? 1 : 0;
            }
            assertTrue(n != 1, "a row with a single suppressed cell");
        }
        for (int j = 0; j < s[0].length; j++) {
            int n = 0;
            for (boolean[] row : s) {
                n += row[j] ? 1 : 0;
            }
            assertTrue(n != 1, "a column with a single suppressed cell");
        }
    }

    /**
     * The stronger check: with all published cells and all row and column totals known, the suppressed
     * cells are the unknowns of the linear system "row sums = row totals, column sums = column totals".
     * A suppressed cell is recoverable by subtraction iff its unit vector lies in the row space of that
     * system; this is tested by Gaussian elimination (rank of A vs rank of A plus the unit vector).
     */
    @Property(tries = 300)
    void noSuppressedCellCanBeRecomputedFromTotals(@ForAll("tables") Case c) {
        ProtectedTable p = new DisclosureGuard(c.k(), 1).protect(c.table(), Set.of());
        boolean[][] s = grid(c.table(), p);
        int nr = s.length;
        int nc = s[0].length;
        if (nr < 2 || nc < 2) {
            return;
        }
        List<int[]> unknowns = new ArrayList<>();
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                if (s[i][j]) {
                    unknowns.add(new int[] {i, j});
                }
            }
        }
        if (unknowns.isEmpty()) {
            return;
        }
        double[][] a = new double[nr + nc][unknowns.size()];
        for (int u = 0; u < unknowns.size(); u++) {
            a[unknowns.get(u)[0]][u] = 1;
            a[nr + unknowns.get(u)[1]][u] = 1;
        }
        int base = rank(a);
        for (int u = 0; u < unknowns.size(); u++) {
            double[][] b = new double[a.length + 1][];
            System.arraycopy(a, 0, b, 0, a.length);
            b[a.length] = new double[unknowns.size()];
            b[a.length][u] = 1;
            assertEquals(base + 1, rank(b), "suppressed cell " + unknowns.get(u)[0] + "," + unknowns.get(u)[1]
                    + " is determined by the totals");
        }
    }

    @Property(tries = 100)
    void earlierPatternsStaySuppressed(@ForAll("tables") Case c) {
        DisclosureGuard g = new DisclosureGuard(c.k(), 1);
        ProtectedTable first = g.protect(c.table(), Set.of());
        ProtectedTable higherK = new DisclosureGuard(c.k() + 5, 1).protect(c.table(), first.suppressedKeys());
        assertTrue(higherK.suppressedKeys().containsAll(first.suppressedKeys()));
    }

    @Property(tries = 100)
    void roundingGivesMultiplesOfTheBase(@ForAll("tables") Case c) {
        ProtectedTable p = new DisclosureGuard(c.k(), 5).protect(c.table(), Set.of());
        for (ProtectedTable.Cell cell : p.cells()) {
            if (!cell.suppressed()) {
                assertEquals(0, cell.count() % 5);
                assertEquals(0, cell.persons() % 5);
            }
        }
        assertFalse(p.textRows().stream().anyMatch(r -> r.contains("")));
    }

    private static boolean[][] grid(CountTable t, ProtectedTable p) {
        Map<String, Integer> ri = new HashMap<>();
        Map<String, Integer> ci = new HashMap<>();
        for (int i = 0; i < t.rows().size(); i++) {
            ri.put(t.rows().get(i), i);
        }
        for (int j = 0; j < t.cols().size(); j++) {
            ci.put(t.cols().get(j), j);
        }
        boolean[][] s = new boolean[t.rows().size()][t.cols().size()];
        for (ProtectedTable.Cell c : p.cells()) {
            s[ri.get(c.row())][ci.get(c.col())] = c.suppressed();
        }
        return s;
    }

    private static int rank(double[][] m0) {
        double[][] m = new double[m0.length][];
        for (int i = 0; i < m0.length; i++) {
            m[i] = m0[i].clone();
        }
        int rank = 0;
        int cols = m[0].length;
        for (int col = 0; col < cols && rank < m.length; col++) {
            int piv = -1;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][col]) > 1e-9) {
                    piv = r;
                    break;
                }
            }
            if (piv < 0) {
                continue;
            }
            double[] tmp = m[piv];
            m[piv] = m[rank];
            m[rank] = tmp;
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][col]) > 1e-9) {
                    double f = m[r][col] / m[rank][col];
                    for (int cc = col; cc < cols; cc++) {
                        m[r][cc] -= f * m[rank][cc];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
