package jp.ebpm.analysis.stats.regression;

/**
 * The R factor of a tall matrix, computed from its rows in one pass without holding the matrix: rows are
 * collected in blocks, and each block is folded into the running upper-triangular R by Householder
 * reflections of the stacked matrix [R; block] (a flat tall-skinny QR, TSQR; Demmel, Grigori, Hoemmen and
 * Langou, "Communication-optimal parallel and sequential QR and LU factorizations", SIAM J. Sci. Comput.
 * 34(1), 2012). Every step is an orthogonal transformation, so the result has the backward stability of
 * Householder QR on the whole matrix; the normal equations are never formed. Memory: p² + p·block doubles.
 *
 * <p>With the response as the last column, R's last column holds Q'y and its last diagonal element is ±√RSS
 * of the full model; {@link LinearFit} reads the fit from R alone.
 */
final class StreamingQr {

    static final int BLOCK = 256;

    private final int p;
    /** R, row-major upper triangle. */
    private final double[][] r;
    /** The pending block, column-major: block[j][i] = row i, column j. */
    private final double[][] block;
    private int m;
    private long rows;

    StreamingQr(int columns) {
        this.p = columns;
        this.r = new double[p][p];
        this.block = new double[p][BLOCK];
    }

    /** Adds one row ({@code row.length} = columns). */
    void add(double[] row) {
        for (int j = 0; j < p; j++) {
            block[j][m] = row[j];
        }
        rows++;
        if (++m == BLOCK) {
            flush();
        }
    }

    /** Rows added. */
    long rows() {
        return rows;
    }

    /** Folds another accumulator's R into this one (both over the same columns). */
    void merge(StreamingQr other) {
        other.flush();
        for (int i = 0; i < p; i++) {
            add(other.r[i]);
        }
    }

    /** The R factor of all rows added so far (a copy; p × p, zeros below the diagonal). */
    double[][] r() {
        flush();
        double[][] out = new double[p][];
        for (int i = 0; i < p; i++) {
            out[i] = r[i].clone();
        }
        return out;
    }

    private void flush() {
        if (m == 0) {
            return;
        }
        for (int k = 0; k < p; k++) {
            double[] x = block[k];
            double alpha = r[k][k];
            double ss = 0;
            double scale = 0;
            for (int i = 0; i < m; i++) {
                scale = Math.max(scale, Math.abs(x[i]));
            }
            if (scale == 0) {
                continue; // nothing to annihilate in this column
            }
            scale = Math.max(scale, Math.abs(alpha));
            double a = alpha / scale;
            ss = a * a;
            for (int i = 0; i < m; i++) {
                double xi = x[i] / scale;
                ss += xi * xi;
            }
            double norm = scale * Math.sqrt(ss);
            double beta = alpha >= 0 ? -norm : norm;
            // H = I - tau v v', v = (1, x / (alpha - beta)), tau = (beta - alpha) / beta
            double v0 = alpha - beta;
            double tau = (beta - alpha) / beta;
            double inv = 1.0 / v0;
            for (int i = 0; i < m; i++) {
                x[i] *= inv;
            }
            r[k][k] = beta;
            for (int j = k + 1; j < p; j++) {
                double[] c = block[j];
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int i = 0;
                for (; i + 3 < m; i += 4) {
                    s0 += x[i] * c[i];
                    s1 += x[i + 1] * c[i + 1];
                    s2 += x[i + 2] * c[i + 2];
                    s3 += x[i + 3] * c[i + 3];
                }
                for (; i < m; i++) {
                    s0 += x[i] * c[i];
                }
                double s = tau * (r[k][j] + (s0 + s1) + (s2 + s3));
                r[k][j] -= s;
                for (i = 0; i < m; i++) {
                    c[i] -= s * x[i];
                }
            }
        }
        m = 0;
    }
}
