package jp.ebpm.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.survey.sample.SurveySampleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench sample survey --out DIR}: writes the synthetic sample survey (deterministic). */
@Command(name = "survey", mixinStandardHelpOptions = true,
        description = "Write the synthetic 2018 citizen-survey sample (respondents, codebook, population) to a folder.")
final class SampleSurveyCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SurveySampleGenerator.writeTo(out);
        spec.commandLine().getOut().println("wrote respondents.csv, codebook.csv, population.csv to " + out);
        return 0;
    }
}
