package jp.ebpm.analysis.stats;

/**
 * Cell statistics and tests of independence of an r×c table of (possibly weighted, non-integer)
 * counts O<sub>ij</sub>, with row totals R<sub>i</sub>, column totals C<sub>j</sub> and total N, as
 * GNU PSPP {@code CROSSTABS} computes them:
 *
 * <ul>
 *   <li>expected E = R<sub>i</sub>C<sub>j</sub>/N; row % = 100·O/R<sub>i</sub>; column % = 100·O/C<sub>j</sub>;
 *   total % = 100·O/N;</li>
 *   <li>standardized residual (O−E)/√E; adjusted standardized residual
 *   (O−E)/√(E(1−R<sub>i</sub>/N)(1−C<sub>j</sub>/N)) (Haberman 1973);</li>
 *   <li>Pearson X² = Σ(O−E)²/E; likelihood ratio G² = 2ΣO·ln(O/E); df = (r'−1)(c'−1) where r', c' count
 *   the rows and columns with a non-zero total;</li>
 *   <li>phi = √(X²/N) (unsigned, as PSPP prints it); Cramér's V = √(X²/(N(min(r',c')−1)));
 *   contingency coefficient √(X²/(X²+N));</li>
 *   <li>for 2×2 tables also the signed phi (ad−bc)/√(R₁R₂C₁C₂) (positive when the diagonal cells
 *   a = O₁₁ and d = O₂₂ are over-represented) and Fisher's exact test ({@link FisherExact}).</li>
 * </ul>
 *
 * @param counts O, rows × columns
 */
public record ContingencyTable(double[][] counts, double[] rowTotals, double[] colTotals, double total,
                               double[][] expected, double[][] rowPct, double[][] colPct, double[][] totalPct,
                               double[][] standardizedResiduals, double[][] adjustedResiduals,
                               Test pearson, Test likelihoodRatio, double phi, Double phiSigned,
                               double cramersV, double contingencyCoefficient, FisherExact.Result fisher) {

    /** A χ² test: statistic, degrees of freedom and upper-tail p. */
    public record Test(double statistic, double df, double p) {
    }

    /** Computes everything from the counts (rows × columns, all rows of equal length). */
    public static ContingencyTable of(double[][] counts) {
        int r = counts.length;
        int c = r == 0 ? 0 : counts[0].length;
        double[] rt = new double[r];
        double[] ct = new double[c];
        double n = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                rt[i] += counts[i][j];
                ct[j] += counts[i][j];
                n += counts[i][j];
            }
        }
        double[][] e = new double[r][c];
        double[][] rp = new double[r][c];
        double[][] cp = new double[r][c];
        double[][] tp = new double[r][c];
        double[][] sr = new double[r][c];
        double[][] ar = new double[r][c];
        double x2 = 0;
        double g2 = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double o = counts[i][j];
                double ex = n > 0 ? rt[i] * ct[j] / n : Double.NaN;
                e[i][j] = ex;
                rp[i][j] = rt[i] > 0 ? 100 * o / rt[i] : Double.NaN;
                cp[i][j] = ct[j] > 0 ? 100 * o / ct[j] : Double.NaN;
                tp[i][j] = n > 0 ? 100 * o / n : Double.NaN;
                if (ex > 0) {
                    sr[i][j] = (o - ex) / Math.sqrt(ex);
                    double v = ex * (1 - rt[i] / n) * (1 - ct[j] / n);
                    ar[i][j] = v > 0 ? (o - ex) / Math.sqrt(v) : Double.NaN;
                    x2 += (o - ex) * (o - ex) / ex;
                    if (o > 0) {
                        g2 += 2 * o * Math.log(o / ex);
                    }
                } else {
                    sr[i][j] = Double.NaN;
                    ar[i][j] = Double.NaN;
                }
            }
        }
        int rn = countPositive(rt);
        int cn = countPositive(ct);
        double df = (double) (rn - 1) * (cn - 1);
        Test pearson = df > 0 ? new Test(x2, df, Distributions.chiSquaredUpper(x2, df)) : new Test(Double.NaN, df, Double.NaN);
        Test lr = df > 0 ? new Test(g2, df, Distributions.chiSquaredUpper(g2, df)) : new Test(Double.NaN, df, Double.NaN);
        double phi = df > 0 ? Math.sqrt(x2 / n) : Double.NaN;
        int k = Math.min(rn, cn);
        double v = df > 0 ? Math.sqrt(x2 / (n * (k - 1))) : Double.NaN;
        double cc = df > 0 ? Math.sqrt(x2 / (x2 + n)) : Double.NaN;
        Double phiSigned = null;
        FisherExact.Result fisher = null;
        if (r == 2 && c == 2) {
            double den = Math.sqrt(rt[0] * rt[1] * ct[0] * ct[1]);
            phiSigned = den > 0 ? (counts[0][0] * counts[1][1] - counts[0][1] * counts[1][0]) / den : Double.NaN;
            fisher = FisherExact.test(counts[0][0], counts[0][1], counts[1][0], counts[1][1]);
        }
        return new ContingencyTable(counts, rt, ct, n, e, rp, cp, tp, sr, ar, pearson, lr, phi, phiSigned, v, cc, fisher);
    }

    /** True for a 2×2 table. */
    public boolean isTwoByTwo() {
        return counts.length == 2 && colTotals.length == 2;
    }

    private static int countPositive(double[] a) {
        int k = 0;
        for (double x : a) {
            if (x > 0) {
                k++;
            }
        }
        return k;
    }
}
