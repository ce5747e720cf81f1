package jp.ebpm.analysis.privacy.guard;

import java.util.Arrays;

/**
 * An immutable sparse vector of exact integers over atom indices: sorted distinct indices with non-zero
 * values, normalised so that the values have no common divisor and the first is positive. Used for exact
 * (fraction-free) Gaussian elimination: scaling a row by a non-zero integer does not change the row space,
 * so integers with gcd normalisation are as exact as fractions and much cheaper. Arithmetic overflow throws
 * {@link ArithmeticException} rather than wrapping.
 */
final class SparseRow {

    static final SparseRow ZERO = new SparseRow(new int[0], new long[0]);

    final int[] idx;
    final long[] val;

    private SparseRow(int[] idx, long[] val) {
        this.idx = idx;
        this.val = val;
    }

    /** The 0/1 indicator of a set of atoms (indices sorted ascending, distinct). */
    static SparseRow ones(int[] sortedIdx) {
        long[] v = new long[sortedIdx.length];
        Arrays.fill(v, 1L);
        return new SparseRow(sortedIdx, v);
    }

    boolean isZero() {
        return idx.length == 0;
    }

    /** The smallest index with a non-zero value (the leading index of an echelon row). */
    int lead() {
        return idx[0];
    }

    int size() {
        return idx.length;
    }

    /** The value at an index (0 when absent). */
    long at(int col) {
        int i = Arrays.binarySearch(idx, col);
        return i >= 0 ? val[i] : 0L;
    }

    /** {@code a·this − c·other}, normalised. */
    SparseRow combine(long a, long c, SparseRow other) {
        int[] oi = other.idx;
        long[] ov = other.val;
        int[] ri = new int[idx.length + oi.length];
        long[] rv = new long[ri.length];
        int i = 0;
        int j = 0;
        int n = 0;
        long big = 0;
        while (i < idx.length || j < oi.length) {
            int col;
            long v;
            if (j >= oi.length || i < idx.length && idx[i] < oi[j]) {
                col = idx[i];
                v = Math.multiplyExact(a, val[i++]);
            } else if (i >= idx.length || oi[j] < idx[i]) {
                col = oi[j];
                v = Math.negateExact(Math.multiplyExact(c, ov[j++]));
            } else {
                col = idx[i];
                v = Math.subtractExact(Math.multiplyExact(a, val[i++]), Math.multiplyExact(c, ov[j++]));
            }
            if (v != 0) {
                ri[n] = col;
                rv[n++] = v;
                big |= v == 1 || v == -1 ? 0 : 1;
            }
        }
        return normalised(Arrays.copyOf(ri, n), Arrays.copyOf(rv, n), big != 0);
    }

    /** Divides by the gcd (only when some entry is not ±1) and makes the first entry positive. */
    private static SparseRow normalised(int[] idx, long[] val, boolean divide) {
        if (idx.length == 0) {
            return ZERO;
        }
        if (!divide) {
            if (val[0] < 0) {
                for (int i = 0; i < val.length; i++) {
                    val[i] = -val[i];
                }
            }
            return new SparseRow(idx, val);
        }
        long g = 0;
        for (long v : val) {
            g = gcd(g, Math.abs(v));
            if (g == 1) {
                break;
            }
        }
        if (val[0] < 0) {
            g = -g;
        }
        if (g != 1) {
            for (int i = 0; i < val.length; i++) {
                val[i] /= g;
            }
        }
        return new SparseRow(idx, val);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < idx.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(val[i]).append("·x").append(idx[i]);
        }
        return sb.append(']').toString();
    }
}
