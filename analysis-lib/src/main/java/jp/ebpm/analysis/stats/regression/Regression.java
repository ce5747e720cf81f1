package jp.ebpm.analysis.stats.regression;

import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Ordinary and weighted least squares on project datasets, as R's {@code lm()} and {@code summary.lm()} compute
 * them (see {@link OlsEngine} for the formulas and {@link StreamingQr} for the numerics). One streaming pass
 * over the rows (two with robust standard errors); memory does not grow with the number of rows.
 *
 * <pre>{@code
 * OlsResult r = Regression.fit(project, RegressionSpec.of("panel", "y ~ x + factor(ward)").withSe(SeType.HC1),
 *         ProgressListener.NONE, Cancellation.none());
 * }</pre>
 *
 * @since 0.2
 */
public final class Regression {

    private Regression() {
    }

    /**
     * Fits a model.
     *
     * @throws jp.ebpm.analysis.WorkbenchException when a column is missing or not usable, a factor has one level,
     *                                             weights are negative, or there are not more rows than coefficients
     * @throws jp.ebpm.analysis.task.CancelledException when cancelled
     */
    public static OlsResult fit(Project project, RegressionSpec spec, ProgressListener progress, Cancellation cancel) {
        ModelFrame frame = new ModelFrame(project, spec.dataset(), spec.formula(), spec.weight(), spec.cluster(), progress,
                cancel);
        OlsEngine.Fit fit = OlsEngine.fit(frame, new OlsEngine.Request(frame.design.names(), frame.design.intercept(),
                spec.weight() != null, spec.seTypes(), spec.cluster(), 0));
        List<String> notes = new ArrayList<>();
        if (frame.missing > 0) {
            notes.add(frame.missing + " of " + frame.total + " rows were left out because a used column was missing"
                    + " (" + frame.missing + " observations deleted due to missingness).");
        }
        if (frame.zeroWeight > 0) {
            notes.add(frame.zeroWeight + " rows with weight 0 were left out.");
        }
        if (!fit.aliased().isEmpty()) {
            notes.add("Not estimated because of collinearity (NA, as R reports): " + String.join(", ", fit.aliased()) + ".");
        }
        if (spec.weight() != null) {
            notes.add("Weighted least squares with weights \"" + spec.weight() + "\". With survey (sampling) weights the"
                    + " classical standard errors are not valid; use HC1 or cluster-robust ones.");
        }
        return new OlsResult(spec.formula().text(), spec.dataset(), spec.weight(), frame.design.names(), fit.coef(),
                fit.se(), fit.t(), fit.p(), fit.lo(), fit.hi(), fit.r2(), fit.adjR2(), fit.sigma(), fit.f(), fit.df1(),
                fit.df2(), fit.fP(), fit.n(), fit.rank(), frame.missing, frame.zeroWeight, fit.aliased(), fit.robust(), notes);
    }

    /**
     * Fits a model whose rows the caller builds (e.g. demeaned within a fixed effect), with the same numerics and
     * inference as {@link #fit(Project, RegressionSpec, ProgressListener, Cancellation)}.
     *
     * @param label     a description for the result (the formula field), e.g. {@code y ~ d | area + year}
     * @param dataset   the source, for the result
     * @param names     the column names of the rows' x
     * @param intercept whether column 0 is an intercept (R² about the mean)
     * @param absorbed  parameters removed before (absorbed fixed effects): counted in k for the residual df and
     *                  the HC1/cluster adjustments; R² and F then describe the within regression
     * @param seTypes   robust standard errors to compute
     * @param cluster   the cluster's name (for {@link SeType#CLUSTER}; rows carry the cluster index), or null
     * @param missing   rows the caller left out as missing (reported)
     * @param notes     notes to carry
     */
    public static OlsResult fitRows(RowSource rows, String label, String dataset, List<String> names, boolean intercept,
                                    int absorbed, java.util.Set<SeType> seTypes, String cluster, long missing,
                                    List<String> notes) {
        OlsEngine.Fit fit = OlsEngine.fit(rows, new OlsEngine.Request(names, intercept, false, seTypes, cluster, absorbed));
        List<String> all = new ArrayList<>(notes);
        if (!fit.aliased().isEmpty()) {
            all.add("Not estimated because of collinearity (NA, as R reports): " + String.join(", ", fit.aliased()) + ".");
        }
        return new OlsResult(label, dataset, null, names, fit.coef(), fit.se(), fit.t(), fit.p(), fit.lo(), fit.hi(),
                fit.r2(), fit.adjR2(), fit.sigma(), fit.f(), fit.df1(), fit.df2(), fit.fP(), fit.n(), fit.rank(), missing,
                0, fit.aliased(), fit.robust(), all);
    }
}
