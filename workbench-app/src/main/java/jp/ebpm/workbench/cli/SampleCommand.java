package jp.ebpm.workbench.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.location.SyntheticPings;
import jp.ebpm.analysis.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench sample}: generates synthetic sample data. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Generate synthetic sample data.",
        subcommands = {SampleSurveyCommand.class, SampleCommand.Pings.class, jp.ebpm.workbench.cli.gis.SampleCommand.MeshPopulation.class,
            SampleCommand.ProjectCmd.class})
final class SampleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "project", mixinStandardHelpOptions = true,
            description = "Build the sample project (survey with codebook and population, KPI register, GIS layers) into a new"
                    + " folder, as the app does on its first start, so the docs can be followed from the command line.")
    static final class ProjectCmd implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new project folder (must not exist).")
        Path out;
        @Option(names = "--sample-data", paramLabel = "DIR",
                description = "The sample-data folder (default: the bundled one next to the workbench).")
        Path sampleData;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path data = sampleData != null ? sampleData : jp.ebpm.analysis.sample.SampleProject.locateSampleData()
                    .orElseThrow(() -> new WorkbenchException("The bundled sample-data folder was not found; give --sample-data DIR."));
            Path built = jp.ebpm.analysis.sample.SampleProject.build(data, out, jp.ebpm.analysis.task.ProgressListener.NONE,
                    Cancellation.none());
            try (jp.ebpm.analysis.store.Project p = jp.ebpm.analysis.store.Project.open(built)) {
                spec.commandLine().getOut().println("built the sample project in " + built + ": "
                        + p.catalog().list().size() + " datasets (run 'workbench catalog --project " + built + "').");
            }
            return 0;
        }
    }

    @Command(name = "pings", mixinStandardHelpOptions = true,
            description = "Synthetic mobile-phone pings for Kawasaki (deterministic for a seed; no real person).")
    static final class Pings implements Callable<Integer> {
        @Option(names = "--rows", required = true, paramLabel = "N")
        long rows;
        @Option(names = "--out", required = true, paramLabel = "F")
        Path out;
        @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
        long seed;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (rows < 1) {
                throw new IllegalArgumentException("--rows must be at least 1.");
            }
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
                    StandardCharsets.UTF_8), 1 << 16)) {
                new SyntheticPings().writeCsv(rows, seed, w, Cancellation.none());
            } catch (IOException e) {
                throw new WorkbenchException("Cannot write " + out.getFileName() + ": " + e.getMessage(), e);
            }
            spec.commandLine().getOut().println("wrote " + rows + " synthetic pings to " + out);
            return 0;
        }
    }
}
