package jp.ebpm.workbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.Margin;
import jp.ebpm.analysis.survey.MarginIo;
import jp.ebpm.analysis.survey.RakeOptions;
import jp.ebpm.analysis.survey.RakeResult;
import jp.ebpm.analysis.survey.Raking;
import jp.ebpm.analysis.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench rake}: rakes a survey dataset to population margins and stores the weight column. */
@Command(name = "rake", mixinStandardHelpOptions = true,
        description = "Rake respondents to population margins (IPF to convergence) and store the weights as a new column.")
final class RakeCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "The survey dataset.")
    String dataset;

    @Option(names = "--margins", required = true, paramLabel = "VARS=SOURCE",
            description = "A margin: ward=population.csv, sex+age_group=pop.csv or ward=@dataset (repeatable).")
    List<String> margins = new ArrayList<>();

    @Option(names = "--out-weight", required = true, paramLabel = "W", description = "Name of the weight column to write.")
    String outWeight;

    @Option(names = "--base-weight", paramLabel = "V", description = "Starting (design) weight column; default 1.")
    String baseWeight;

    @Option(names = "--trim", paramLabel = "LO:HI", description = "Trimming bounds of the final weights, e.g. 0.3:3 or :5.")
    String trim;

    @Option(names = "--epsilon", defaultValue = "1e-10", description = "Relative tolerance on every margin (default ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--max-iterations", defaultValue = "1000", description = "Most cycles over the margins (default ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--leave-out-unmatched", description = "Leave respondents in a category that a margin has no population"
            + " target for (e.g. sex = other) out of the weighting: they get an empty weight. Default: refuse.")
    boolean leaveOutUnmatched;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Double lo = null;
        Double hi = null;
        if (trim != null) {
            String[] parts = trim.split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--trim is LO:HI, e.g. 0.3:3 (either side may be empty)");
            }
            lo = parts[0].isBlank() ? null : Double.valueOf(parts[0].trim());
            hi = parts[1].isBlank() ? null : Double.valueOf(parts[1].trim());
        }
        RakeOptions opt = new RakeOptions(baseWeight, epsilon, maxIterations, lo, hi, leaveOutUnmatched);
        try (Project p = project.open()) {
            var info = p.catalog().get(dataset);
            // margin variables are checked against the dataset first: a typo gets one line with a suggestion
            for (String m : margins) {
                int eq = m.indexOf('=');
                if (eq > 0) {
                    jp.ebpm.analysis.store.NameCheck.requireColumns(dataset, info.columnNames(),
                            java.util.Arrays.stream(m.substring(0, eq).split("\\+")).map(String::trim).toArray(String[]::new));
                }
            }
            List<Margin> ms = MarginIo.parseAll(margins, null, p);
            RakeResult r;
            try {
                r = Raking.rakeInto(p, dataset, ms, opt, outWeight, null, Cancellation.none());
            } catch (jp.ebpm.analysis.survey.RakingGap gap) {
                // name the category by its labels, as the app does
                throw gap.labelled(jp.ebpm.analysis.survey.ProjectCodebooks.load(p, dataset)
                        .orElse(jp.ebpm.analysis.survey.Codebook.empty()));
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("dataset", dataset);
            report.put("weight_column", outWeight);
            report.put("converged", r.converged());
            report.put("iterations", r.iterations());
            report.put("max_relative_deviation", r.maxRelativeDeviation());
            report.put("respondents", r.respondents());
            report.put("left_out", r.leftOut());
            List<Object> left = new ArrayList<>();
            for (RakeResult.LeftOut l : r.leftOutCategories()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("margin", String.join("×", l.variables()));
                x.put("category", l.codes());
                x.put("respondents", l.respondents());
                left.add(x);
            }
            report.put("left_out_categories", left);
            report.put("sum_weights", r.sumWeights());
            report.put("min_weight", r.minWeight());
            report.put("max_weight", r.maxWeight());
            report.put("trimmed", r.trimmed());
            report.put("kish_design_effect", r.kishDesignEffect());
            report.put("effective_n", r.effectiveN());
            List<Object> checks = new ArrayList<>();
            for (RakeResult.MarginCheck m : r.margins()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("margin", m.margin());
                x.put("category", m.category());
                x.put("target", m.target());
                x.put("achieved", m.achieved());
                checks.add(x);
            }
            report.put("margins", checks);
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            if (!r.converged()) {
                spec.commandLine().getErr().println("note: raking did not converge within " + maxIterations
                        + " iterations (largest margin deviation " + r.maxRelativeDeviation() + "); the weights were stored anyway.");
            }
            return 0;
        }
    }
}
