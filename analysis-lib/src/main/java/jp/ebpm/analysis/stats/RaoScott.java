package jp.ebpm.analysis.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Rao–Scott corrected test of independence in an r×c table under a design with sampling weights only
 * (one-stage, with replacement, every respondent its own PSU, no strata: R
 * {@code svydesign(id = ~1, weights = ~w)}), computed as R {@code survey}'s {@code svychisq} does
 * (Rao &amp; Scott 1984; Lumley, <i>Complex Surveys</i>, §6.2):
 *
 * <ol>
 *   <li>p̂ = weighted cell proportions (length K = rc); their linearization variance
 *   V = n/(n−1)·Σ<sub>i</sub>u<sub>i</sub>u<sub>i</sub>ᵀ with u<sub>i</sub> = w<sub>i</sub>(z<sub>i</sub> − p̂)/Σw, which only
 *   needs per-cell Σw and Σw²;</li>
 *   <li>C = the interaction contrasts of the saturated model made orthogonal to the main-effects design
 *   (residuals of the row×column interaction columns on intercept + row + column dummies);</li>
 *   <li>Δ = (CᵀD⁻¹C/n)⁻¹ · CᵀD⁻¹VD⁻¹C with D = diag(p̂);</li>
 *   <li>X² = Pearson statistic of the weighted table scaled to total n;</li>
 *   <li>second-order ("F"): F = X²/tr(Δ), ndf = d₀ = tr(Δ)²/tr(Δ²), ddf = d₀·(n−1), p = P(F<sub>ndf,ddf</sub> &gt; F);</li>
 *   <li>first-order ("Chisq"): X²/mean(diag Δ) on (r−1)(c−1) df.</li>
 * </ol>
 *
 * @param f second-order F statistic
 * @param ndf numerator degrees of freedom d₀
 * @param ddf denominator degrees of freedom d₀(n−1)
 * @param p p-value of F
 * @param pearson unadjusted Pearson X² of the table scaled to n
 * @param firstOrderChiSquared first-order corrected statistic X²/mean(diag Δ) (R's "Chisq" option prints the
 *     unadjusted X² as its statistic and takes its p-value from this corrected one)
 * @param firstOrderDf its degrees of freedom
 * @param firstOrderP its p-value
 */
public record RaoScott(double f, double ndf, double ddf, double p, double pearson,
                       double firstOrderChiSquared, double firstOrderDf, double firstOrderP) {

    /**
     * Computes the test.
     *
     * @param sumW per cell Σw, rows × columns
     * @param sumW2 per cell Σw², rows × columns
     * @param n number of respondents (rows with a positive weight and both variables present)
     */
    public static RaoScott compute(double[][] sumW, double[][] sumW2, long n) {
        int r = sumW.length;
        int c = sumW[0].length;
        int k = r * c;
        if (r < 2 || c < 2 || n < 2) {
            throw new IllegalArgumentException("The Rao-Scott test needs at least a 2x2 table and 2 respondents");
        }
        double total = 0;
        for (double[] row : sumW) {
            for (double v : row) {
                total += v;
            }
        }
        double[] p = new double[k];
        double[] s = new double[k];
        double t2 = 0;
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < r; i++) {
                p[i + r * j] = sumW[i][j] / total;
                s[i + r * j] = sumW2[i][j];
                t2 += sumW2[i][j];
            }
        }
        double scale = (double) n / (n - 1) / (total * total);
        double[][] v = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double x = -s[a] * p[b] - p[a] * s[b] + t2 * p[a] * p[b];
                if (a == b) {
                    x += s[a];
                }
                v[a][b] = scale * x;
            }
        }
        RealMatrix cm = contrasts(r, c);
        double[] inv = new double[k];
        for (int a = 0; a < k; a++) {
            inv[a] = p[a] == 0 ? 0 : 1 / p[a];
        }
        int q = cm.getColumnDimension();
        RealMatrix dc = new Array2DRowRealMatrix(k, q); // D^-1 C
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < q; b++) {
                dc.setEntry(a, b, inv[a] * cm.getEntry(a, b));
            }
        }
        RealMatrix denom = cm.transpose().multiply(dc).scalarMultiply(1.0 / n);
        RealMatrix numr = dc.transpose().multiply(new Array2DRowRealMatrix(v, false)).multiply(dc);
        RealMatrix delta = new LUDecomposition(denom).getSolver().solve(numr);
        double tr = delta.getTrace();
        double tr2 = delta.multiply(delta).getTrace();
        double d0 = tr * tr / tr2;
        double x2 = pearsonScaled(sumW, total, n);
        double f = x2 / tr;
        double ddf = d0 * (n - 1);
        double firstDf = q;
        double first = x2 / (tr / q);
        return new RaoScott(f, d0, ddf, Distributions.fUpper(f, d0, ddf), x2, first, firstDf,
                Distributions.chiSquaredUpper(first, firstDf));
    }

    private static double pearsonScaled(double[][] sumW, double total, long n) {
        int r = sumW.length;
        int c = sumW[0].length;
        double[] pr = new double[r];
        double[] pc = new double[c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                pr[i] += sumW[i][j] / total;
                pc[j] += sumW[i][j] / total;
            }
        }
        double x2 = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double e = pr[i] * pc[j];
                if (e > 0) {
                    double d = sumW[i][j] / total - e;
                    x2 += d * d / e;
                }
            }
        }
        return n * x2;
    }

    /** Interaction columns (rows fastest) residualized on intercept + row + column treatment dummies. */
    private static RealMatrix contrasts(int r, int c) {
        int k = r * c;
        int m = 1 + (r - 1) + (c - 1);
        int q = (r - 1) * (c - 1);
        RealMatrix x1 = new Array2DRowRealMatrix(k, m);
        RealMatrix x12 = new Array2DRowRealMatrix(k, q);
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < r; i++) {
                int a = i + r * j;
                x1.setEntry(a, 0, 1);
                if (i > 0) {
                    x1.setEntry(a, i, 1);
                }
                if (j > 0) {
                    x1.setEntry(a, r - 1 + j, 1);
                }
                if (i > 0 && j > 0) {
                    x12.setEntry(a, (i - 1) + (r - 1) * (j - 1), 1);
                }
            }
        }
        RealMatrix xtx = x1.transpose().multiply(x1);
        RealMatrix beta = new LUDecomposition(xtx).getSolver().solve(x1.transpose().multiply(x12));
        return x12.subtract(x1.multiply(beta));
    }
}
