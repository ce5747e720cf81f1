package jp.ebpm.analysis.stats.regression;

import java.util.List;
import java.util.Optional;

/**
 * A fitted linear model, with the numbers of R's {@code summary(lm(...))}. Arrays run parallel to
 * {@link #terms()} (R's coefficient names in R's order); the coefficient of an aliased (collinear) column is NaN,
 * as R prints NA, and so are its standard error and tests.
 *
 * @param formula         the formula as given
 * @param dataset         the dataset it was fitted on
 * @param weight          the weight column (WLS), or {@code null}
 * @param terms           coefficient names, e.g. {@code (Intercept)}, {@code x1}, {@code factor(ward)幸区}
 * @param coef            estimates
 * @param se              classical standard errors σ̂·√diag((X'WX)⁻¹)
 * @param t               coef / se
 * @param p               two-sided p-values from t with n − k degrees of freedom
 * @param ciLow           lower end of the 95 % interval (classical)
 * @param ciHigh          upper end of the 95 % interval (classical)
 * @param r2              R² (about the weighted mean with an intercept, about 0 without)
 * @param adjR2           adjusted R²
 * @param sigma           residual standard error √(RSS / (n − k))
 * @param f               F statistic of all coefficients except the intercept (NaN when there are none)
 * @param fDf1            its numerator degrees of freedom (k − 1 with an intercept, else k)
 * @param fDf2            its denominator degrees of freedom n − k
 * @param fP              its p-value
 * @param n               rows used
 * @param rank            k, the number of estimated (non-aliased) coefficients
 * @param droppedMissing  rows left out because a used column was missing (NULL or NaN)
 * @param droppedZeroWeight rows left out because their weight was 0
 * @param aliased         names of the aliased coefficients (NA), in order
 * @param robust          robust standard errors asked for
 * @param notes           plain-language notes (dropped rows, aliased columns, weights)
 * @since 0.2
 */
public record OlsResult(String formula, String dataset, String weight, List<String> terms, double[] coef, double[] se,
                        double[] t, double[] p, double[] ciLow, double[] ciHigh, double r2, double adjR2, double sigma,
                        double f, double fDf1, double fDf2, double fP, long n, int rank, long droppedMissing,
                        long droppedZeroWeight, List<String> aliased, List<RobustSe> robust, List<String> notes) {

    public OlsResult {
        terms = List.copyOf(terms);
        aliased = List.copyOf(aliased);
        robust = List.copyOf(robust);
        notes = List.copyOf(notes);
    }

    /** The index of a coefficient by name, or -1. */
    public int indexOf(String term) {
        return terms.indexOf(term);
    }

    /** The robust standard errors of a type, if they were computed. */
    public Optional<RobustSe> robust(SeType type) {
        return robust.stream().filter(r -> r.type() == type).findFirst();
    }

    /** Residual degrees of freedom n − k. */
    public double dfResidual() {
        return fDf2;
    }
}
