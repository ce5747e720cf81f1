package jp.ebpm.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.privacy.location.AreaLayer;
import jp.ebpm.analysis.privacy.location.AreaLevel;
import jp.ebpm.analysis.privacy.location.LocationImportOptions;
import jp.ebpm.analysis.privacy.location.LocationService;
import jp.ebpm.analysis.privacy.location.MeshPopulationImporter;
import jp.ebpm.analysis.privacy.location.PingImporter;
import jp.ebpm.analysis.privacy.location.TimeBand;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench location}: private location data (import, aggregate, OD matrix). */
@Command(name = "location", mixinStandardHelpOptions = true,
        description = "Private location data: pseudonymised, encrypted import and guarded aggregates."
                + " The passphrase comes from WORKBENCH_PASSPHRASE or a prompt.",
        subcommands = {LocationCommand.Import.class, LocationCommand.Aggregate.class, LocationCommand.Od.class})
final class LocationCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static char[] passphrase() {
        return Passphrase.read("Passphrase of the project's private data");
    }

    /** Options naming the area layer. */
    static final class AreaOptions {
        @Option(names = "--areas", paramLabel = "LAYER", description = "Boundary layer of the project to use as areas.")
        String layer;

        @Option(names = "--area-key", paramLabel = "FIELD", description = "Field of the layer used as area key.")
        String key;

        AreaLayer resolve(Project p, AreaLevel level, PrintWriter err) {
            if (layer != null) {
                DatasetInfo info = p.catalog().get(layer);
                return AreaLayer.fromProject(p, layer, key != null ? key : AreaLayer.defaultKeyField(info));
            }
            if (level == AreaLevel.SMALL_AREA) {
                throw new IllegalArgumentException("--by small-area needs --areas LAYER --area-key FIELD.");
            }
            Optional<DatasetInfo> wards = AreaLayer.findWardLayer(p);
            if (wards.isPresent()) {
                return AreaLayer.fromProject(p, wards.get().name(),
                        key != null ? key : AreaLayer.defaultKeyField(wards.get()));
            }
            err.println("note: the project has no ward boundary layer; using the bundled sample wards of Kawasaki"
                    + " (国土数値情報 N03, 2021).");
            return AreaLayer.bundledWards();
        }
    }

    static void summary(PrintWriter out, Path file, ProtectedTable t) {
        out.println("wrote " + file + ": " + t.cells().size() + " cells, " + t.primaryCount() + " suppressed (fewer than k="
                + t.k() + " devices), " + t.secondaryCount() + " suppressed to protect them"
                + (t.roundBase() > 1 ? ", rounded to base " + t.roundBase() : "") + ".");
    }

    static int round(Integer r) {
        if (r == null) {
            return 1;
        }
        if (r != 5 && r != 10) {
            throw new IllegalArgumentException("--round must be 5 or 10.");
        }
        return r;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import pings or mesh population (CSV UTF-8/CP932, or Parquet for pings): ids are"
                    + " pseudonymised, the data is stored only encrypted.")
    static final class Import implements Callable<Integer> {
        @Mixin
        ProjectOption project;
        @Option(names = "--file", required = true, paramLabel = "F")
        Path file;
        @Option(names = "--name", required = true, paramLabel = "D")
        String name;
        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "pings or mesh-population")
        String kind;
        @Option(names = "--id-col", paramLabel = "C")
        String idCol;
        @Option(names = "--time-col", paramLabel = "C")
        String timeCol;
        @Option(names = "--lat-col", paramLabel = "C")
        String latCol;
        @Option(names = "--lon-col", paramLabel = "C")
        String lonCol;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LocationImportOptions.Kind k = LocationImportOptions.Kind.parse(kind);
            LocationImportOptions opt = new LocationImportOptions(name, k, idCol, timeCol, latCol, lonCol);
            char[] pass = passphrase();
            try (Project p = project.openOrCreate(); UnlockedVault v = UnlockedVault.openOrCreate(p, pass)) {
                DatasetInfo info = k == LocationImportOptions.Kind.PINGS
                        ? PingImporter.importPings(v, file, opt, (m, d, t) -> { }, Cancellation.none())
                        : MeshPopulationImporter.importFile(v, file, opt, (m, d, t) -> { }, Cancellation.none());
                spec.commandLine().getOut().println("imported " + info.rowCount() + " rows into the private dataset \""
                        + info.name() + "\" (encrypted: private/" + info.property(UnlockedVault.ENCRYPTED_FILE) + ").");
                return 0;
            } finally {
                Arrays.fill(pass, '\0');
            }
        }
    }

    @Command(name = "aggregate", mixinStandardHelpOptions = true,
            description = "Pings and distinct devices per area and time band, with disclosure control, to CSV or XLSX.")
    static final class Aggregate implements Callable<Integer> {
        @Mixin
        ProjectOption project;
        @Option(names = "--dataset", required = true, paramLabel = "D")
        String dataset;
        @Option(names = "--by", required = true, paramLabel = "LEVEL", description = "ward, small-area, mesh3 or mesh4")
        String by;
        @Option(names = "--time", required = true, paramLabel = "BAND", description = "hour, weekday, date or month")
        String time;
        @Option(names = "--k", paramLabel = "K", description = "Minimum distinct devices per published cell (default: the project's, 10).")
        Integer k;
        @Option(names = "--round", paramLabel = "BASE", description = "Round published counts to base 5 or 10.")
        Integer round;
        @Option(names = "--out", required = true, paramLabel = "F", description = "Output .csv or .xlsx")
        Path out;
        @Mixin
        AreaOptions areas;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AreaLevel level = AreaLevel.parse(by);
            TimeBand band = TimeBand.parse(time);
            int base = round(round);
            if (k != null && k < 3) {
                throw new IllegalArgumentException("--k must be at least 3.");
            }
            char[] pass = passphrase();
            try (Project p = project.open(); UnlockedVault v = UnlockedVault.unlock(p, pass)) {
                int kk = LocationService.effectiveK(p.catalog(), k);
                AreaLayer layer = level.needsLayer() ? areas.resolve(p, level, spec.commandLine().getErr()) : null;
                LocationService s = new LocationService(v);
                LocationService.Result r = s.aggregate(dataset, level, layer, band, kk, base, Cancellation.none());
                s.export(r, out);
                summary(spec.commandLine().getOut(), out, r.table());
                return 0;
            } finally {
                Arrays.fill(pass, '\0');
            }
        }
    }

    @Command(name = "od", mixinStandardHelpOptions = true,
            description = "Origin-destination matrix between areas (trips between consecutive stays), with disclosure control.")
    static final class Od implements Callable<Integer> {
        @Mixin
        ProjectOption project;
        @Option(names = "--dataset", required = true, paramLabel = "D")
        String dataset;
        @Option(names = "--by", defaultValue = "ward", paramLabel = "LEVEL", description = "ward (or small-area with --areas)")
        String by;
        @Option(names = "--k", paramLabel = "K")
        Integer k;
        @Option(names = "--round", paramLabel = "BASE")
        Integer round;
        @Option(names = "--out", required = true, paramLabel = "F")
        Path out;
        @Mixin
        AreaOptions areas;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AreaLevel level = AreaLevel.parse(by);
            if (!level.needsLayer()) {
                throw new IllegalArgumentException("--by must be ward or small-area for an OD matrix.");
            }
            int base = round(round);
            if (k != null && k < 3) {
                throw new IllegalArgumentException("--k must be at least 3.");
            }
            char[] pass = passphrase();
            try (Project p = project.open(); UnlockedVault v = UnlockedVault.unlock(p, pass)) {
                int kk = LocationService.effectiveK(p.catalog(), k);
                AreaLayer layer = areas.resolve(p, level, spec.commandLine().getErr());
                LocationService s = new LocationService(v);
                LocationService.Result r = s.od(dataset, layer, kk, base, Cancellation.none());
                s.export(r, out);
                summary(spec.commandLine().getOut(), out, r.table());
                return 0;
            } finally {
                Arrays.fill(pass, '\0');
            }
        }
    }
}
