package jp.ebpm.analysis.privacy.guard;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The attacker's solver for the tests, written independently of the guard's sparse elimination: dense
 * Gauss–Jordan elimination over the integers with {@link BigInteger} (fraction-free: a row is only ever scaled by
 * a non-zero integer or combined with another row, so nothing is rounded). The released cells are equations
 * "sum of the unknowns (atoms) in the cell = published value"; a set of unknowns has a unique total in every
 * solution of the system iff its indicator vector lies in the row space of the equations.
 */
public final class ExactSolver {

    private final int n;
    private final List<BigInteger[]> rows = new ArrayList<>();
    private final List<Integer> pivots = new ArrayList<>();

    /** @param unknowns number of unknowns */
    public ExactSolver(int unknowns) {
        this.n = unknowns;
    }

    /** Adds the equation "sum of these unknowns = (some published number)". */
    public void addSumOf(int[] unknowns) {
        BigInteger[] r = new BigInteger[n];
        Arrays.fill(r, BigInteger.ZERO);
        for (int u : unknowns) {
            r[u] = BigInteger.ONE;
        }
        r = reduce(r);
        int p = firstNonZero(r);
        if (p < 0) {
            return;
        }
        // keep the reduced row echelon form: clear the new pivot column from the other rows
        for (int i = 0; i < rows.size(); i++) {
            BigInteger[] o = rows.get(i);
            if (o[p].signum() != 0) {
                rows.set(i, combine(r[p], o, o[p], r));
            }
        }
        rows.add(r);
        pivots.add(p);
    }

    /** Whether the sum of these unknowns is the same in every solution (uniquely determined). */
    public boolean determined(int[] unknowns) {
        BigInteger[] v = new BigInteger[n];
        Arrays.fill(v, BigInteger.ZERO);
        for (int u : unknowns) {
            v[u] = BigInteger.ONE;
        }
        return firstNonZero(reduce(v)) < 0;
    }

    public int rank() {
        return rows.size();
    }

    private BigInteger[] reduce(BigInteger[] v) {
        for (int i = 0; i < rows.size(); i++) {
            int p = pivots.get(i);
            if (v[p].signum() != 0) {
                BigInteger[] r = rows.get(i);
                v = combine(r[p], v, v[p], r);
            }
        }
        return v;
    }

    /** a·x − b·y, divided by the gcd of its entries. */
    private static BigInteger[] combine(BigInteger a, BigInteger[] x, BigInteger b, BigInteger[] y) {
        BigInteger[] out = new BigInteger[x.length];
        BigInteger g = BigInteger.ZERO;
        for (int j = 0; j < x.length; j++) {
            out[j] = a.multiply(x[j]).subtract(b.multiply(y[j]));
            g = g.gcd(out[j]);
        }
        if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
            for (int j = 0; j < out.length; j++) {
                out[j] = out[j].divide(g);
            }
        }
        return out;
    }

    private static int firstNonZero(BigInteger[] r) {
        for (int j = 0; j < r.length; j++) {
            if (r[j].signum() != 0) {
                return j;
            }
        }
        return -1;
    }
}
