package jp.ebpm.workbench.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.location.ScaleAggregateImporter;
import jp.ebpm.analysis.privacy.location.ScaleAggregates;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench location import-aggregate} and {@code workbench location export}: aggregates computed by the
 * Spark job of {@code workbench-scale} (see docs/scale.md) enter the project as private-derived datasets, and leave
 * it only through the disclosure guard and the audit log, like the tables of the other location commands.
 */
final class LocationScaleCommands {

    private LocationScaleCommands() {
    }

    @Command(name = "import-aggregate", mixinStandardHelpOptions = true,
            description = "Import the output of `workbench-scale aggregate` (its manifest.json and Parquet tables) as a"
                    + " private dataset: the raw cells are stored only encrypted; use `location export` to release them.")
    static final class ImportAggregate implements Callable<Integer> {
        @Mixin
        ProjectOption project;
        @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "The job's DIR/manifest.json")
        Path manifest;
        @Option(names = "--name", required = true, paramLabel = "D")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            char[] pass = LocationCommand.passphrase();
            try (Project p = project.openOrCreate(); UnlockedVault v = UnlockedVault.openOrCreate(p, pass)) {
                DatasetInfo info = ScaleAggregateImporter.importAggregate(v, manifest, name, Cancellation.none());
                spec.commandLine().getOut().println("imported " + info.rowCount() + " aggregate cells into the private dataset \""
                        + info.name() + "\" (encrypted: private/" + info.property(UnlockedVault.ENCRYPTED_FILE) + ").");
                List<String> same = ScaleAggregateImporter.sameSource(p.catalog(), info);
                if (!same.isEmpty()) {
                    spec.commandLine().getErr().println("note: " + String.join(", ", same) + " came from the same pings; tables"
                            + " of these pings are released from one import only, the first one a table is released from"
                            + " (docs/privacy.md, \"Linked releases of imported aggregates\").");
                }
                return 0;
            } finally {
                Arrays.fill(pass, '\0');
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a table of an imported workbench-scale aggregate with disclosure control, to CSV or XLSX,"
                    + " audited: aggregate (area,time,pings,devices), residents or visitors (area,time,pings,residents|visitors),"
                    + " od (origin,destination,devices,trips; all dates or --date).")
    static final class Export implements Callable<Integer> {
        @Mixin
        ProjectOption project;
        @Option(names = "--dataset", required = true, paramLabel = "D")
        String dataset;
        @Option(names = "--table", defaultValue = "aggregate", paramLabel = "TABLE",
                description = "aggregate (default), residents, visitors or od")
        String table;
        @Option(names = "--date", paramLabel = "yyyy-MM-dd", description = "For od: one date instead of all dates")
        String date;
        @Mixin
        LocationCommand.GuardOptions guard;
        @Option(names = "--out", required = true, paramLabel = "F", description = "Output .csv or .xlsx")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ScaleAggregates.Kind kind = ScaleAggregates.Kind.parse(table);
            String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!n.endsWith(".csv") && !n.endsWith(".xlsx")) {
                throw new IllegalArgumentException("--out must end in .csv or .xlsx.");
            }
            int base = guard.roundBase();
            return LocationCommand.guarded(project, guard.k, null, null, spec,
                    (s, layer, kk) -> s.importedTable(dataset, kind, date, kk, base, Cancellation.none()),
                    LocationCommand.tableTo(out, spec));
        }
    }
}
