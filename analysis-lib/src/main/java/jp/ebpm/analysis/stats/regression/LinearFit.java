package jp.ebpm.analysis.stats.regression;

import java.util.ArrayList;
import java.util.List;

/**
 * The least-squares fit read from the R factor of [X | y] (see {@link StreamingQr}). Aliased columns are found
 * as R's LINPACK routine {@code dqrdc2} finds them (with {@code lm}'s tolerance 1e-7): columns are taken left to
 * right, and a column whose norm after removing the kept columns falls below 1e-7 times its original norm is
 * aliased (its coefficient is NA) and moved out. The kept columns are re-triangularised by Householder
 * reflections of the small matrix, so the coefficients come from a triangular solve with R, never from X'X.
 */
final class LinearFit {

    static final double TOLERANCE = 1e-7;

    /** Indices (into the design columns) of the kept, non-aliased columns, in order. */
    final int[] kept;
    /** Coefficients of the kept columns. */
    final double[] beta;
    /** Upper-triangular R of the kept columns (k × k). */
    final double[][] rk;
    /** Inverse of {@link #rk}. */
    final double[][] rinv;
    /** (X'X)⁻¹ of the kept columns = R⁻¹R⁻ᵀ. */
    final double[][] xtxInv;
    final double rss;
    /** Regression sum of squares about the (weighted) mean with an intercept, else about 0. */
    final double mss;

    LinearFit(double[][] rFull, boolean intercept) {
        int p = rFull.length - 1; // design columns; the last column is y
        int rows = rFull.length;
        double[][] a = new double[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = rFull[i].clone();
        }
        double[] original = new double[p];
        for (int j = 0; j < p; j++) {
            original[j] = norm(a, j, 0);
        }
        List<Integer> keep = new ArrayList<>();
        int row = 0;
        for (int j = 0; j < p; j++) {
            double rest = norm(a, j, row);
            if (original[j] == 0 || rest < TOLERANCE * original[j] || row >= rows) {
                continue;
            }
            reflect(a, j, row, p);
            keep.add(j);
            row++;
        }
        int k = keep.size();
        kept = keep.stream().mapToInt(Integer::intValue).toArray();
        rk = new double[k][k];
        double[] qty = new double[k];
        for (int i = 0; i < k; i++) {
            for (int jj = i; jj < k; jj++) {
                rk[i][jj] = a[i][kept[jj]];
            }
            qty[i] = a[i][p];
        }
        double res = 0;
        for (int i = k; i < rows; i++) {
            res += a[i][p] * a[i][p];
        }
        rss = res;
        double reg = 0;
        boolean centred = intercept && k > 0 && kept[0] == 0;
        for (int i = centred ? 1 : 0; i < k; i++) {
            reg += qty[i] * qty[i];
        }
        mss = reg;
        beta = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = qty[i];
            for (int jj = i + 1; jj < k; jj++) {
                s -= rk[i][jj] * beta[jj];
            }
            beta[i] = s / rk[i][i];
        }
        rinv = new double[k][k];
        for (int col = 0; col < k; col++) {
            rinv[col][col] = 1.0 / rk[col][col];
            for (int i = col - 1; i >= 0; i--) {
                double s = 0;
                for (int jj = i + 1; jj <= col; jj++) {
                    s += rk[i][jj] * rinv[jj][col];
                }
                rinv[i][col] = -s / rk[i][i];
            }
        }
        xtxInv = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int jj = i; jj < k; jj++) {
                double s = 0;
                for (int l = jj; l < k; l++) {
                    s += rinv[i][l] * rinv[jj][l];
                }
                xtxInv[i][jj] = s;
                xtxInv[jj][i] = s;
            }
        }
    }

    int rank() {
        return kept.length;
    }

    private static double norm(double[][] a, int col, int fromRow) {
        double scale = 0;
        for (int i = fromRow; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(a[i][col]));
        }
        if (scale == 0) {
            return 0;
        }
        double s = 0;
        for (int i = fromRow; i < a.length; i++) {
            double v = a[i][col] / scale;
            s += v * v;
        }
        return scale * Math.sqrt(s);
    }

    /** Householder reflection zeroing a[row+1.., col], applied to columns col..p (y included). */
    private static void reflect(double[][] a, int col, int row, int p) {
        double alpha = a[row][col];
        double norm = norm(a, col, row);
        double beta = alpha >= 0 ? -norm : norm;
        double v0 = alpha - beta;
        if (v0 == 0) {
            return; // already triangular in this column
        }
        int n = a.length;
        double[] v = new double[n];
        v[row] = 1;
        for (int i = row + 1; i < n; i++) {
            v[i] = a[i][col] / v0;
        }
        double tau = (beta - alpha) / beta;
        for (int j = col; j <= p; j++) {
            double s = 0;
            for (int i = row; i < n; i++) {
                s += v[i] * a[i][j];
            }
            s *= tau;
            for (int i = row; i < n; i++) {
                a[i][j] -= s * v[i];
            }
        }
        a[row][col] = beta;
        for (int i = row + 1; i < n; i++) {
            a[i][col] = 0;
        }
    }
}
