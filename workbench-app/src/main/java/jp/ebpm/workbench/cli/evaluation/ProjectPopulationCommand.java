package jp.ebpm.workbench.cli.evaluation;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.evaluation.CohortComponent;
import jp.ebpm.analysis.evaluation.EvaluationCharts;
import jp.ebpm.analysis.evaluation.EvaluationOutput;
import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.evaluation.PopulationStructure;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.chart.SurveyCharts;
import jp.ebpm.workbench.cli.ProjectOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench project-population}: cohort-component projection (コーホート要因法, IPSS method; docs/evaluation.md). */
@Command(name = "project-population", mixinStandardHelpOptions = true,
        description = "Cohort-component population projection in 5-year steps from a base population and survival,"
                + " net migration, child-woman ratio and 0-4 sex ratio assumptions.")
public final class ProjectPopulationCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--population", required = true, paramLabel = "D", description = "Base population (long: sex, age group, value).")
    String population;

    @Option(names = "--age", required = true, paramLabel = "COL", description = "Age-group column (in both datasets).")
    String age;

    @Option(names = "--sex", required = true, paramLabel = "COL", description = "Sex column (in both datasets).")
    String sex;

    @Option(names = "--value", required = true, paramLabel = "COL", description = "Population column.")
    String value;

    @Option(names = "--area-column", paramLabel = "COL", description = "Area column of the population (with --area).")
    String areaColumn;

    @Option(names = "--area", paramLabel = "NAME", description = "The area to project.")
    String area;

    @Option(names = "--year-column", paramLabel = "COL", description = "Year column of the population (with --base-year).")
    String yearColumn;

    @Option(names = "--base-year", required = true, paramLabel = "Y", description = "The base population's year.")
    int baseYear;

    @Option(names = "--to", required = true, paramLabel = "Y", description = "Project to this year (a multiple of 5 years later).")
    int to;

    @Option(names = "--rates", required = true, paramLabel = "R", description = "Rates dataset (sex, age group, survival, migration).")
    String rates;

    @Option(names = "--survival", defaultValue = "survival", paramLabel = "COL", description = "Survival-rate column (default ${DEFAULT-VALUE}).")
    String survival;

    @Option(names = "--migration", defaultValue = "net_migration", paramLabel = "COL",
            description = "Net-migration-rate column (default ${DEFAULT-VALUE}).")
    String migration;

    @Option(names = "--cwr", required = true, paramLabel = "R[,R2,…]",
            description = "Child-woman ratio (0-4 per woman 15-49), one value or one per 5-year step (the last repeats).")
    String cwr;

    @Option(names = "--sex-ratio", defaultValue = "105", paramLabel = "R", description = "Boys per 100 girls aged 0-4 (default ${DEFAULT-VALUE}).")
    double sexRatio;

    @Option(names = "--chart", paramLabel = "F.png", description = "Also write the pyramid of the base and the last year as PNG.")
    Path chart;

    @Mixin
    EvalOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.check();
        double[] ratios = EvalOutput.split(cwr).stream().mapToDouble(Double::parseDouble).toArray();
        Map<String, String> filters = new LinkedHashMap<>();
        if (areaColumn != null && area != null) {
            filters.put(areaColumn, area);
        }
        if (yearColumn != null) {
            filters.put(yearColumn, Integer.toString(baseYear));
        }
        try (Project p = project.open()) {
            List<PopulationStructure> r = CohortComponent.project(p, new CohortComponent.Spec(population, age, sex, value, filters,
                    rates, survival, migration, baseYear, ratios, sexRatio, to));
            String title = "将来推計人口 " + (area == null ? "" : area + " ") + baseYear + "→" + to;
            List<PopulationStructure> ends = List.of(r.get(0), r.get(r.size() - 1));
            if (chart != null) {
                SurveyCharts.writePng(EvaluationCharts.pyramid(ends, title, "男", "女"), chart, 900, 800);
            }
            String name = EvaluationOutput.populationFileName(population, "projection", area, r, output.ext());
            if (output.xlsx()) {
                EvaluationReports.population(r, EvaluationCharts.pyramid(ends, title, "男", "女"), title,
                        List.of("コーホート要因法（国立社会保障・人口問題研究所の地域推計の方法）。子ども女性比 " + cwr + "、0～4歳性比 " + sexRatio + "。"),
                        EvaluationReports.info(title, EvalOutput.analyst()),
                        EvaluationReports.provenance(p, List.of(population, rates), filters.toString(), "", EvalOutput.analyst()),
                        output.file(name));
            } else {
                output.write(EvaluationOutput.json(r), EvaluationOutput.csv(r), spec.commandLine().getOut(), name);
            }
        }
        return 0;
    }
}
