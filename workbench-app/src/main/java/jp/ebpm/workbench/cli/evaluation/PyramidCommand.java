package jp.ebpm.workbench.cli.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.evaluation.EvaluationCharts;
import jp.ebpm.analysis.evaluation.EvaluationOutput;
import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.evaluation.PopulationStructure;
import jp.ebpm.analysis.evaluation.Pyramid;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.chart.SurveyCharts;
import jp.ebpm.workbench.cli.ProjectOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench pyramid}: population by sex and 5-year age group, aging and dependency ratios (docs/evaluation.md). */
@Command(name = "pyramid", mixinStandardHelpOptions = true,
        description = "Population pyramid of an area for one or two years, with aging and dependency ratios.")
public final class PyramidCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "Long table: one row per (area, year,) sex and age group.")
    String dataset;

    @Option(names = "--age", required = true, paramLabel = "COL", description = "Age-group column (0-4, 0～4歳, 85歳以上, …).")
    String age;

    @Option(names = "--sex", required = true, paramLabel = "COL", description = "Sex column (男/女, M/F, 1/2).")
    String sex;

    @Option(names = "--value", required = true, paramLabel = "COL", description = "Population column.")
    String value;

    @Option(names = "--area-column", paramLabel = "COL", description = "Area column (with --area).")
    String areaColumn;

    @Option(names = "--area", paramLabel = "NAME", description = "The area (default: all rows summed).")
    String area;

    @Option(names = "--year-column", paramLabel = "COL", description = "Year column (with --years).")
    String yearColumn;

    @Option(names = "--years", paramLabel = "Y1[,Y2]", description = "One year, or two to overlay (the first as outlines).")
    String years;

    @Option(names = "--chart", paramLabel = "F.png", description = "Also write the pyramid chart as PNG.")
    Path chart;

    @Mixin
    EvalOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.check();
        if ((area == null) != (areaColumn == null)) {
            throw new IllegalArgumentException("--area and --area-column go together.");
        }
        try (Project p = project.open()) {
            List<PopulationStructure> r = Pyramid.of(p, new Pyramid.Spec(dataset, age, sex, value, areaColumn, area, yearColumn,
                    EvalOutput.split(years)));
            String title = "人口ピラミッド " + (area == null ? "" : area + " ") + String.join("・", EvalOutput.split(years));
            if (chart != null) {
                SurveyCharts.writePng(EvaluationCharts.pyramid(r, title, "男", "女"), chart, 900, 800);
            }
            String name = EvaluationOutput.populationFileName(dataset, "pyramid", area, r, output.ext());
            if (output.xlsx()) {
                EvaluationReports.population(r, EvaluationCharts.pyramid(r, title, "男", "女"), title, List.of(),
                        EvaluationReports.info(title, EvalOutput.analyst()),
                        EvaluationReports.provenance(p, List.of(dataset), area == null ? "" : areaColumn + " = " + area, "",
                                EvalOutput.analyst()), output.file(name));
            } else {
                output.write(EvaluationOutput.json(r), EvaluationOutput.csv(r), spec.commandLine().getOut(), name);
            }
        }
        return 0;
    }
}
