package jp.ebpm.workbench.cli.evaluation;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.evaluation.DidResult;
import jp.ebpm.analysis.evaluation.DiffInDiff;
import jp.ebpm.analysis.evaluation.EvaluationCharts;
import jp.ebpm.analysis.evaluation.EvaluationOutput;
import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.evaluation.PanelSource;
import jp.ebpm.analysis.evaluation.PanelSpec;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.chart.SurveyCharts;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.cli.ProjectOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench did}: difference-in-differences with cluster-robust SEs by area (docs/evaluation.md). */
@Command(name = "did", mixinStandardHelpOptions = true,
        description = "Difference-in-differences on a panel of areas x periods: 2x2 or two-way fixed effects (--fe),"
                + " cluster-robust standard errors by area, trend means and an event study.")
public final class DidCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--dataset", paramLabel = "D", description = "The panel dataset (or --kpi-register with --areas).")
    String dataset;

    @Option(names = "--kpi-register", paramLabel = "K", description = "Use a KPI register's yearly actuals (kind kpi) as the outcome"
            + " (outcome column: actual, period column: period).")
    String kpi;

    @Option(names = "--areas", paramLabel = "A", description = "With --kpi-register: the dataset mapping each KPI (--key column"
            + " = 指標ID) to an area and its treated flag.")
    String areas;

    @Option(names = "--key", defaultValue = "指標ID", paramLabel = "C", description = "With --areas: its KPI id column (default ${DEFAULT-VALUE}).")
    String key;

    @Option(names = "--outcome", paramLabel = "Y", description = "Outcome column (default with --kpi-register: actual).")
    String outcome;

    @Option(names = "--unit", required = true, paramLabel = "AREA", description = "Area column (the clusters).")
    String unit;

    @Option(names = "--period", paramLabel = "T", description = "Period column (default with --kpi-register: period).")
    String period;

    @Option(names = "--treated", required = true, paramLabel = "COL",
            description = "0/1 column: with --start the treated group, else the treatment indicator (1 from an area's start).")
    String treated;

    @Option(names = "--start", paramLabel = "PERIOD", description = "First treated period of the treated group (common start).")
    String start;

    @Option(names = "--fe", description = "Two-way fixed effects (area and period) instead of the 2x2 design; adds the event study.")
    boolean fe;

    @Option(names = "--dummies", description = "With --fe: area effects as dummy variables instead of absorbed (same estimate).")
    boolean dummies;

    @Option(names = "--chart", paramLabel = "F.png", description = "Also write the trend chart (treated vs control means) as PNG.")
    Path chart;

    @Mixin
    EvalOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.check();
        if ((dataset == null) == (kpi == null)) {
            throw new IllegalArgumentException("Give --dataset D, or --kpi-register K with --areas A.");
        }
        if (kpi != null && areas == null) {
            throw new IllegalArgumentException("--kpi-register needs --areas (the dataset mapping KPIs to areas).");
        }
        PanelSource source = kpi != null ? PanelSource.kpiActuals(kpi, areas, key) : PanelSource.dataset(dataset);
        String y = outcome != null ? outcome : kpi != null ? "actual" : null;
        String t = period != null ? period : kpi != null ? "period" : null;
        if (y == null || t == null) {
            throw new IllegalArgumentException("--outcome and --period are required with --dataset.");
        }
        PanelSpec s = new PanelSpec(source, y, unit, t, treated, start, fe || dummies, dummies);
        try (Project p = project.open()) {
            DidResult r = DiffInDiff.estimate(p, s, ProgressListener.NONE, Cancellation.none());
            if (chart != null) {
                SurveyCharts.writePng(EvaluationCharts.trends(r, "差の差分析: " + y, "処置群 treated", "対照群 control", t),
                        chart, 1000, 600);
            }
            String name = EvaluationOutput.fileName(r, output.ext());
            if (output.xlsx()) {
                EvaluationReports.did(r, EvaluationReports.info("差の差分析 " + y, EvalOutput.analyst()),
                        EvaluationReports.provenance(p, source.datasets(), "", "", EvalOutput.analyst()), output.file(name));
            } else {
                output.write(EvaluationOutput.json(r), EvaluationOutput.csv(r), spec.commandLine().getOut(), name);
            }
            for (String n : r.notes()) {
                spec.commandLine().getErr().println("note: " + n);
            }
        }
        return 0;
    }
}
