package jp.ebpm.workbench.cli.bench;

import picocli.CommandLine.Command;

/** {@code workbench bench}: hidden speed benchmarks (results go to docs/benchmarks.md). */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Speed benchmarks (developer use).", subcommands = {ImportBenchCommand.class, XlsxBenchCommand.class, LocationBench.class, VaultBench.class,
                LinkedGuardBench.class,
                GisBenchCommand.Gis.class, SurveyBenchCommand.class,
                EvaluationBench.class,
                OverlayDataCommand.class,
                StartupTrainingCommand.class})
public final class BenchCommand {
}
