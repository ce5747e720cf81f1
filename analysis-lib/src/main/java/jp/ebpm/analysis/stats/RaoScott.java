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
 *   V = n/(n−1)·Σ<sub>i</sub>(u<sub>i</sub> − ū)(u<sub>i</sub> − ū)ᵀ with u<sub>i</sub> = w<sub>i</sub>(z<sub>i</sub> − p̂)/Σw, which only
 *   needs per-cell Σw and Σw²;</li>
 *   <li>C = the interaction contrasts of the saturated model made orthogonal to the main-effects design
 *   (residuals of the row×column interaction columns on intercept + row + column dummies);</li>
 *   <li>Δ = (CᵀD⁻¹C/n)⁻¹ · CᵀD⁻¹VD⁻¹C with D = diag(p̂);</li>
 *   <li>X² = Pearson statistic of the weighted table scaled to total n;</li>
 *   <li>second-order ("F"): F = X²/tr(Δ), ndf = d₀ = tr(Δ)²/tr(Δ²), ddf = d₀·(n−1), p = P(F<sub>ndf,ddf</sub> &gt; F);</li>
 *   <li>first-order ("Chisq"): X²/mean(diag Δ) on (r−1)(c−1) df.</li>
 * </ol>
 *
 * <p><b>Missing values (domain rule).</b> As R does, the design is the whole sample: respondents whose row or
 * column value is empty (or a missing code) leave the table but stay in the design with an influence value of
 * zero (after raking: zero before the raking adjustment), so n in V and in ddf is the number of respondents in the
 * design, not the number of complete answers ({@code svymean(..., na.rm=TRUE)} keeps the design's PSU count;
 * {@code svychisq} takes ν = #PSU − #strata of the design). The Pearson X² is scaled to that n as well
 * ({@code svytable(..., Ntotal = nrow(design))}); F and d₀ do not depend on that scale.
 *
 * @param f second-order F statistic
 * @param ndf numerator degrees of freedom d₀
 * @param ddf denominator degrees of freedom d₀·ν (ν = n − 1 for the whole design)
 * @param p p-value of F
 * @param pearson unadjusted Pearson X² of the table scaled to the design's n
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
     * @param n number of respondents in the design (rows with a positive weight; with the domain rule also those
     *     whose row or column value is missing — they leave the table, not the design)
     */
    public static RaoScott compute(double[][] sumW, double[][] sumW2, long n) {
        int r = sumW.length;
        int c = sumW[0].length;
        java.util.List<DesignGroup> groups = new java.util.ArrayList<>();
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < r; i++) {
                if (sumW[i][j] > 0) {
                    groups.add(new DesignGroup(i + r * j, new int[0], 0, sumW[i][j], sumW2[i][j]));
                }
            }
        }
        return compute(sumW, groups, 0, n, n);
    }

    /**
     * Respondents sharing a table cell and, after raking, a raking cell: {@code cell} = i + r·j, or
     * {@link #OUTSIDE} for respondents of the design outside the table (a missing row or column value, or another
     * layer); {@code marginCategories[m]} = category index in raking margin m, count, Σw, Σw².
     */
    public record DesignGroup(int cell, int[] marginCategories, long n, double sumW, double sumW2) {
    }

    /** {@link DesignGroup#cell()} of respondents that are in the design but not in the table. */
    public static final int OUTSIDE = -1;

    /**
     * The test on a design whose weights were raked to {@code margins} margins: as R {@code svyrecvar} for
     * a design from {@code rake()}, the influence values are made orthogonal to the margins by 10 rounds
     * of subtracting, for each margin in turn, the per-category mean of x/w (times w) before the variance
     * is taken. With no margins this is the plain weights-only test.
     *
     * @param sumW per cell Σw of the table, rows × columns
     * @param groups the design's respondents grouped by table cell (or {@link #OUTSIDE}) and raking cell; groups
     *     outside the table only matter with raking margins (their influence becomes non-zero after the adjustment)
     * @param margins number of raking margins (0: weights only)
     * @param n respondents in the whole design: the n of the variance V = n/(n−1)·Σ(u − ū)(u − ū)ᵀ
     * @param dfN the number of PSUs ν + 1 of the design the test is on (n, or for a domain taken as R's
     *     {@code subset()} of a design that was not raked, the respondents of the domain): ddf = d₀·(dfN − 1);
     *     also the total the Pearson X² is scaled to
     */
    public static RaoScott compute(double[][] sumW, java.util.List<DesignGroup> groups, int margins, long n, long dfN) {
        int r = sumW.length;
        int c = sumW[0].length;
        int k = r * c;
        if (r < 2 || c < 2 || n < 2 || dfN < 2) {
            throw new IllegalArgumentException("The Rao-Scott test needs at least a 2x2 table and 2 respondents");
        }
        double total = 0;
        for (double[] row : sumW) {
            for (double v : row) {
                total += v;
            }
        }
        double[] p = new double[k];
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < r; i++) {
                p[i + r * j] = sumW[i][j] / total;
            }
        }
        int ng = groups.size();
        double[][] y = new double[ng][k];
        for (int g = 0; g < ng; g++) {
            for (int a = 0; a < k; a++) {
                // outside the table: x = 0 (R: svymean(..., na.rm = TRUE) zeroes the row), so the influence is 0
                y[g][a] = groups.get(g).cell() == OUTSIDE ? 0 : ((groups.get(g).cell() == a ? 1 : 0) - p[a]) / total;
            }
        }
        if (margins > 0) {
            for (int round = 0; round < 10; round++) {
                for (int m = 0; m < margins; m++) {
                    java.util.Map<Integer, double[]> sums = new java.util.HashMap<>();
                    java.util.Map<Integer, Long> counts = new java.util.HashMap<>();
                    for (int g = 0; g < ng; g++) {
                        int cat = groups.get(g).marginCategories()[m];
                        double[] acc = sums.computeIfAbsent(cat, x -> new double[k]);
                        for (int a = 0; a < k; a++) {
                            acc[a] += groups.get(g).n() * y[g][a];
                        }
                        counts.merge(cat, groups.get(g).n(), Long::sum);
                    }
                    for (int g = 0; g < ng; g++) {
                        int cat = groups.get(g).marginCategories()[m];
                        double[] acc = sums.get(cat);
                        double cnt = counts.get(cat);
                        for (int a = 0; a < k; a++) {
                            y[g][a] -= acc[a] / cnt;
                        }
                    }
                }
            }
        }
        double[] mean = new double[k];
        for (int g = 0; g < ng; g++) {
            for (int a = 0; a < k; a++) {
                mean[a] += groups.get(g).sumW() * y[g][a] / n;
            }
        }
        double scale = (double) n / (n - 1);
        double[][] v = new double[k][k];
        for (int g = 0; g < ng; g++) {
            double s2 = groups.get(g).sumW2();
            double[] yg = y[g];
            for (int a = 0; a < k; a++) {
                if (yg[a] == 0) {
                    continue;
                }
                for (int b = 0; b < k; b++) {
                    v[a][b] += s2 * yg[a] * yg[b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                v[a][b] = scale * (v[a][b] - n * mean[a] * mean[b]);
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
        RealMatrix denom = cm.transpose().multiply(dc).scalarMultiply(1.0 / dfN);
        RealMatrix numr = dc.transpose().multiply(new Array2DRowRealMatrix(v, false)).multiply(dc);
        RealMatrix delta = new LUDecomposition(denom).getSolver().solve(numr);
        double tr = delta.getTrace();
        double tr2 = delta.multiply(delta).getTrace();
        double d0 = tr * tr / tr2;
        double x2 = pearsonScaled(sumW, total, dfN);
        double f = x2 / tr;
        double ddf = d0 * (dfN - 1);
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
