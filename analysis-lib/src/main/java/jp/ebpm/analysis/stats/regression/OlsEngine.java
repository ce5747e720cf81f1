package jp.ebpm.analysis.stats.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.stats.Distributions;

/**
 * Fits a linear model from a {@link RowSource}: pass 1 accumulates the R factor of [√w·X | √w·y]
 * ({@link StreamingQr}); the fit and classical inference come from R ({@link LinearFit}); pass 2 (only for
 * robust standard errors) recomputes each row's residual and leverage and accumulates the sandwich "meat".
 *
 * <p>Formulas (R {@code summary.lm}, {@code sandwich} 3.0): with k estimated coefficients, residual df n − k,
 * σ̂² = RSS/(n − k), V = σ̂²(X'WX)⁻¹. With B = (X'WX)⁻¹, e = √w(y − xβ) and h the leverage x'Bx of √w·x:
 * HC0 = B(Σ e²xx')B, HC1 = n/(n − k)·HC0, HC2 = B(Σ e²/(1 − h)·xx')B, HC3 = B(Σ e²/(1 − h)²·xx')B; clustered:
 * G/(G − 1)·(n − 1)/(n − k)·B(Σ_g u_g u_g')B with u_g = Σ_{i∈g} e_i x_i.
 */
final class OlsEngine {

    private OlsEngine() {
    }

    /** What to fit. {@code absorbed} = fixed-effect parameters removed beforehand (counted in k for df). */
    record Request(List<String> names, boolean intercept, boolean weighted, Set<SeType> robust, String cluster,
                   int absorbed) {
    }

    /** The fit before names of data are attached. */
    record Fit(double[] coef, double[] se, double[] t, double[] p, double[] lo, double[] hi, double r2, double adjR2,
               double sigma, double f, double df1, double df2, double fP, long n, int rank, List<String> aliased,
               List<RobustSe> robust) {
    }

    static Fit fit(RowSource source, Request q) {
        int p = q.names().size();
        StreamingQr qr = new StreamingQr(p + 1);
        double[] buf = new double[p + 1];
        long[] n = {0};
        double[] sumW = {0};
        PipelinedRows.forEach(source, p, (x, y, w, g) -> {
            double s = w == 1 ? 1 : Math.sqrt(w);
            for (int j = 0; j < p; j++) {
                buf[j] = x[j] * s;
            }
            buf[p] = y * s;
            qr.add(buf);
            n[0]++;
            sumW[0] += w;
        });
        LinearFit lf = new LinearFit(qr.r(), q.intercept());
        int k = lf.rank();
        int kAll = k + q.absorbed();
        if (n[0] <= kAll) {
            throw new WorkbenchException("There are " + n[0] + " usable rows but " + kAll
                    + " coefficients to estimate: the model needs more rows than coefficients.");
        }
        if (k == 0) {
            throw new WorkbenchException("Every regressor is constant zero or aliased; nothing can be estimated.");
        }
        double df = n[0] - kAll;
        double sigma2 = lf.rss / df;
        double[] coef = nan(p);
        double[] se = nan(p);
        for (int i = 0; i < k; i++) {
            coef[lf.kept[i]] = lf.beta[i];
            se[lf.kept[i]] = Math.sqrt(sigma2 * lf.xtxInv[i][i]);
        }
        double[][] tests = tests(coef, se, df);
        List<String> aliased = new ArrayList<>();
        boolean[] isKept = new boolean[p];
        for (int i : lf.kept) {
            isKept[i] = true;
        }
        for (int j = 0; j < p; j++) {
            if (!isKept[j]) {
                aliased.add(q.names().get(j));
            }
        }
        // with absorbed fixed effects R², F and their df describe the within (demeaned) regression
        boolean absorbed = q.absorbed() > 0;
        int dfInt = q.intercept() && !absorbed ? 1 : 0;
        double r2 = lf.mss / (lf.mss + lf.rss);
        double adj = absorbed ? Double.NaN : 1 - (1 - r2) * ((n[0] - dfInt) / df);
        int df1 = k - dfInt;
        double f = df1 > 0 ? (lf.mss / df1) / sigma2 : Double.NaN;
        double fP = df1 > 0 ? Distributions.fUpper(f, df1, df) : Double.NaN;
        List<RobustSe> robust = q.robust().isEmpty() ? List.of() : robust(source, q, lf, coef, n[0], kAll);
        return new Fit(coef, se, tests[0], tests[1], tests[2], tests[3], r2, adj, Math.sqrt(sigma2), f, df1, df, fP,
                n[0], k, aliased, robust);
    }

    private static double[] nan(int p) {
        double[] a = new double[p];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** t, p, lower and upper 95 % bounds for coefficients and standard errors with df degrees of freedom. */
    static double[][] tests(double[] coef, double[] se, double df) {
        int p = coef.length;
        double[][] out = {nan(p), nan(p), nan(p), nan(p)};
        double q = df > 0 ? new TDistribution(null, df, 1e-14).inverseCumulativeProbability(0.975) : Double.NaN;
        for (int j = 0; j < p; j++) {
            if (Double.isNaN(coef[j])) {
                continue;
            }
            double t = coef[j] / se[j];
            out[0][j] = t;
            out[1][j] = twoSidedT(t, df);
            out[2][j] = coef[j] - q * se[j];
            out[3][j] = coef[j] + q * se[j];
        }
        return out;
    }

    /** 2·P(T_df &gt; |t|) = I_{df/(df+t²)}(df/2, 1/2), accurate for tiny p. */
    static double twoSidedT(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0;
        }
        return Beta.regularizedBeta(df / (df + t * t), df / 2.0, 0.5, 1e-15, 100_000);
    }

    private static List<RobustSe> robust(RowSource source, Request q, LinearFit lf, double[] coef, long n, int kAll) {
        int p = q.names().size();
        int k = lf.rank();
        Set<SeType> types = EnumSet.copyOf(q.robust());
        types.remove(SeType.CLASSICAL);
        boolean hc = types.contains(SeType.HC0) || types.contains(SeType.HC1) || types.contains(SeType.HC2)
                || types.contains(SeType.HC3);
        boolean lev = types.contains(SeType.HC2) || types.contains(SeType.HC3);
        boolean cl = types.contains(SeType.CLUSTER);
        double[][] m0 = new double[k][k];
        double[][] m2 = new double[k][k];
        double[][] m3 = new double[k][k];
        List<double[]> scores = new ArrayList<>();
        double[] xk = new double[k];
        double[] u = new double[k];
        PipelinedRows.forEach(source, p, (x, y, w, g) -> {
            double s = w == 1 ? 1 : Math.sqrt(w);
            double fit = 0;
            for (int i = 0; i < k; i++) {
                xk[i] = x[lf.kept[i]] * s;
                fit += x[lf.kept[i]] * lf.beta[i];
            }
            double e = (y - fit) * s;
            if (hc) {
                double h = 0;
                if (lev) {
                    // h = ||R⁻ᵀ x||²
                    for (int c = 0; c < k; c++) {
                        double acc = 0;
                        for (int i = 0; i <= c; i++) {
                            acc += lf.rinv[i][c] * xk[i];
                        }
                        u[c] = acc;
                        h += acc * acc;
                    }
                }
                double e2 = e * e;
                double a2 = e2 / (1 - h);
                double a3 = a2 / (1 - h);
                for (int i = 0; i < k; i++) {
                    double xi = xk[i];
                    for (int j = i; j < k; j++) {
                        double xx = xi * xk[j];
                        m0[i][j] += e2 * xx;
                        if (lev) {
                            m2[i][j] += a2 * xx;
                            m3[i][j] += a3 * xx;
                        }
                    }
                }
            }
            if (cl) {
                if (g < 0) {
                    throw new IllegalStateException("cluster index missing");
                }
                while (scores.size() <= g) {
                    scores.add(null);
                }
                double[] sg = scores.get(g);
                if (sg == null) {
                    sg = new double[k];
                    scores.set(g, sg);
                }
                for (int i = 0; i < k; i++) {
                    sg[i] += e * xk[i];
                }
            }
        });
        List<RobustSe> out = new ArrayList<>();
        double df = n - kAll;
        for (SeType t : types) {
            double[][] meat;
            double adj = 1;
            double testDf = df;
            int clusters = 0;
            switch (t) {
                case HC0 -> meat = m0;
                case HC1 -> {
                    meat = m0;
                    adj = (double) n / (n - kAll);
                }
                case HC2 -> meat = m2;
                case HC3 -> meat = m3;
                case CLUSTER -> {
                    meat = new double[k][k];
                    for (double[] sg : scores) {
                        if (sg == null) {
                            continue;
                        }
                        clusters++;
                        for (int i = 0; i < k; i++) {
                            for (int j = i; j < k; j++) {
                                meat[i][j] += sg[i] * sg[j];
                            }
                        }
                    }
                    if (clusters < 2) {
                        throw new WorkbenchException("Cluster-robust standard errors need at least 2 clusters; the column \""
                                + q.cluster() + "\" has " + clusters + ".");
                    }
                    adj = (double) clusters / (clusters - 1) * (n - 1.0) / (n - kAll);
                    testDf = clusters - 1;
                }
                default -> throw new IllegalStateException();
            }
            double[] se = nan(p);
            for (int i = 0; i < k; i++) {
                // (B M B)_ii with B symmetric, M upper triangle stored
                double v = 0;
                for (int a = 0; a < k; a++) {
                    double ba = lf.xtxInv[i][a];
                    if (ba == 0) {
                        continue;
                    }
                    for (int b = 0; b < k; b++) {
                        double mab = a <= b ? meat[a][b] : meat[b][a];
                        v += ba * mab * lf.xtxInv[b][i];
                    }
                }
                se[lf.kept[i]] = Math.sqrt(adj * v);
            }
            double[][] tt = tests(coef, se, testDf);
            out.add(new RobustSe(t, t == SeType.CLUSTER ? q.cluster() : null, clusters, testDf, se, tt[0], tt[1], tt[2], tt[3]));
        }
        return out;
    }
}
