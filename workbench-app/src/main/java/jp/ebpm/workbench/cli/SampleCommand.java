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
        subcommands = {SampleSurveyCommand.class, SampleCommand.Pings.class, jp.ebpm.workbench.cli.gis.SampleCommand.MeshPopulation.class})
final class SampleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
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
