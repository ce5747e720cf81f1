package jp.ebpm.workbench.cli.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.evaluation.EvaluationOutput;
import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.stats.regression.OlsResult;
import jp.ebpm.analysis.stats.regression.Regression;
import jp.ebpm.analysis.stats.regression.RegressionSpec;
import jp.ebpm.analysis.stats.regression.RegressionTable;
import jp.ebpm.analysis.stats.regression.SeType;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.cli.ProjectOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench regress}: OLS/WLS with classical, HC0–HC3 or cluster-robust standard errors (docs/evaluation.md). */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = "Linear regression (OLS/WLS) of a project dataset with an R-style formula, as R's lm().")
public final class RegressCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "The dataset.")
    String dataset;

    @Option(names = "--formula", required = true, paramLabel = "F",
            description = "R-style formula, e.g. \"y ~ x1 + x2 + factor(ward)\"; also x1:x2, x1*x2, 0 + … (no intercept).")
    String formula;

    @Option(names = "--weight", paramLabel = "W", description = "Weight column (weighted least squares).")
    String weight;

    @Option(names = "--se", paramLabel = "TYPE", split = ",",
            description = "Standard errors besides the classical ones: classical, HC0, HC1, HC2, HC3 or cluster:COLUMN (repeatable).")
    List<String> se = new ArrayList<>();

    @Option(names = "--no-intercept", description = "Fit without an intercept (same as 0 + … in the formula).")
    boolean noIntercept;

    @Mixin
    EvalOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.check();
        RegressionSpec s = RegressionSpec.of(dataset, formula).withWeight(weight);
        SeType shown = SeType.CLASSICAL;
        for (String o : se) {
            s = s.withSeOption(o);
            if (shown == SeType.CLASSICAL) {
                shown = o.regionMatches(true, 0, "cluster:", 0, 8) ? SeType.CLUSTER : SeType.parse(o);
            }
        }
        if (noIntercept) {
            s = s.withIntercept(false);
        }
        try (Project p = project.open()) {
            OlsResult r = Regression.fit(p, s, ProgressListener.NONE, Cancellation.none());
            String name = EvaluationOutput.fileName(r, output.ext());
            if (output.xlsx()) {
                EvaluationReports.regression(r, shown, EvaluationReports.info("回帰分析 " + formula, EvalOutput.analyst()),
                        EvaluationReports.provenance(p, List.of(dataset), "", weight == null ? "" : "weights " + weight,
                                EvalOutput.analyst()), output.file(name));
            } else {
                output.write(RegressionTable.json(r), RegressionTable.csv(r), spec.commandLine().getOut(), name);
            }
            for (String n : r.notes()) {
                spec.commandLine().getErr().println("note: " + n);
            }
        }
        return 0;
    }
}
