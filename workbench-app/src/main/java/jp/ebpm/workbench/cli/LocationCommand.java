package jp.ebpm.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.export.OutputNames;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.privacy.location.AreaChoice;
import jp.ebpm.analysis.privacy.location.AreaLayer;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.privacy.location.AreaLevel;
import jp.ebpm.analysis.privacy.location.LocationImportOptions;
import jp.ebpm.analysis.privacy.location.LocationMaps;
import jp.ebpm.analysis.privacy.location.LocationService;
import jp.ebpm.analysis.privacy.location.MeshPopulationImporter;
import jp.ebpm.analysis.privacy.location.PingImporter;
import jp.ebpm.analysis.privacy.location.TimeBand;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench location}: private location data (import, area × time, OD matrix, residents/visitors, dwell
 * time, maps). Every output passes the disclosure guard and is recorded in the audit log.
 */
@Command(name = "location", mixinStandardHelpOptions = true,
        description = "Private location data: pseudonymised, encrypted import and guarded aggregates."
                + " The passphrase comes from WORKBENCH_PASSPHRASE or a prompt.",
        subcommands = {LocationCommand.Import.class, LocationCommand.Aggregate.class, LocationCommand.Od.class,
            LocationCommand.Presence.class, LocationCommand.Dwell.class, LocationCommand.MapCmd.class,
            LocationScaleCommands.ImportAggregate.class, LocationScaleCommands.Export.class})
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

        /** The areas of a request: the one library rule the Location tab uses too ({@link AreaChoice}). */
        AreaLayer resolve(Project p, AreaLevel level, PrintWriter err) {
            AreaChoice choice = AreaChoice.resolve(p, level, layer, key);
            if (choice.bundledFallback()) {
                err.println("note: " + AreaChoice.BUNDLED_NOTE);
            }
            return choice.layer();
        }
    }

    static void summary(PrintWriter out, Path file, ProtectedTable t) {
        out.println("wrote " + file + ": " + t.cells().size() + " cells, " + t.primaryCount() + " suppressed (fewer than k="
                + t.k() + " devices), " + t.secondaryCount() + " suppressed to protect them"
                + (t.roundBase() > 1 ? ", rounded to base " + t.roundBase() : "") + "; readable by you only (private-derived).");
    }

    /** One guarded table: computed from the unlocked vault with the area layer (or null) and the effective k. */
    @FunctionalInterface
    interface GuardedQuery {
        LocationService.Result run(LocationService service, AreaLayer layer, int k);
    }

    /** What is done with the guarded result: written to a file (and audited) by the service, then reported. */
    @FunctionalInterface
    interface ResultSink {
        void accept(LocationService service, LocationService.Result result);
    }

    /**
     * The shared sequence of the table commands: check k, read the passphrase, open and unlock the project,
     * resolve the areas (wards, small areas; none for meshes or a null level), compute the guarded table and hand it
     * to the sink.
     * The passphrase is wiped afterwards whatever happens.
     */
    static int guarded(ProjectOption project, Integer k, AreaLevel level, AreaOptions areas, CommandSpec spec,
                       GuardedQuery query, ResultSink sink) {
        checkK(k);
        char[] pass = passphrase();
        try (Project p = project.open(); UnlockedVault v = UnlockedVault.unlock(p, pass)) {
            int kk = LocationService.effectiveK(p.catalog(), k);
            AreaLayer layer = level != null && level.needsLayer() ? areas.resolve(p, level, spec.commandLine().getErr()) : null;
            LocationService s = new LocationService(v);
            sink.accept(s, query.run(s, layer, kk));
            return 0;
        } finally {
            Arrays.fill(pass, '\0');
        }
    }

    /**
     * Writes the table as CSV or XLSX and prints the summary. When {@code out} is an existing folder the file gets the
     * default name the Location tab suggests too ({@link OutputNames#location}, CSV). The file is made readable by its
     * owner only: it is derived from private data.
     */
    static ResultSink tableTo(Path out, CommandSpec spec) {
        return (s, r) -> {
            Path file = OutputNames.resolve(out, OutputNames.location(r.dataset(), r.operation(), r.parameters().getOrDefault("by", ""),
                    r.parameters().get("time"), r.table().k(), r.table().roundBase(), "csv"));
            s.export(r, file);
            restrict(file);
            summary(spec.commandLine().getOut(), file, r.table());
        };
    }

    /** Outputs derived from private data are readable by their owner only. */
    static void restrict(Path file) {
        try {
            jp.ebpm.analysis.export.OutputFiles.restrictToOwner(file);
        } catch (java.io.IOException e) {
            throw new jp.ebpm.analysis.WorkbenchException("Cannot restrict the permissions of " + file.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    static void checkK(Integer k) {
        if (k != null && k < 3) {
            throw new IllegalArgumentException("--k must be at least 3.");
        }
    }

    static AreaLevel layerLevel(String by, String what) {
        AreaLevel level = AreaLevel.parse(by);
        if (!level.needsLayer()) {
            throw new IllegalArgumentException("--by must be ward or small-area for " + what + " (they need area polygons).");
        }
        return level;
    }

    /** The disclosure-control options every guarded table command takes. */
    static final class GuardOptions {
        @Option(names = "--k", paramLabel = "K", description = "Minimum distinct devices per published cell (default: the project's, 10).")
        Integer k;

        @Option(names = "--round", paramLabel = "BASE", description = "Round published counts to base 5 or 10.")
        Integer round;

        /** The rounding base: 1 (none), 5 or 10. */
        int roundBase() {
            if (round == null) {
                return 1;
            }
            if (round != 5 && round != 10) {
                throw new IllegalArgumentException("--round must be 5 or 10.");
            }
            return round;
        }
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
        @Mixin
        GuardOptions guard;
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
            int base = guard.roundBase();
            return guarded(project, guard.k, level, areas, spec,
                    (s, layer, kk) -> s.aggregate(dataset, level, layer, band, kk, base, Cancellation.none()), tableTo(out, spec));
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
        @Mixin
        GuardOptions guard;
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
            int base = guard.roundBase();
            return guarded(project, guard.k, level, areas, spec,
                    (s, layer, kk) -> s.od(dataset, layer, kk, base, Cancellation.none()), tableTo(out, spec));
        }
    }

    @Command(name = "presence", mixinStandardHelpOptions = true,
            description = "Residents or visitors present per area and hour, with disclosure control, to CSV or XLSX."
                    + " A device's home area is the area with the most of its pings between 00:00 and 04:59 over the"
                    + " whole dataset (ties: smallest area key); devices never seen at night are visitors everywhere."
                    + " Columns: area,time,pings,residents (or visitors).")
    static final class Presence implements Callable<Integer> {
        @Mixin
        ProjectOption project;
        @Option(names = "--dataset", required = true, paramLabel = "D")
        String dataset;
        @Option(names = "--who", required = true, paramLabel = "WHO", description = "residents or visitors")
        String who;
        @Option(names = "--by", defaultValue = "ward", paramLabel = "LEVEL", description = "ward (default) or small-area with --areas")
        String by;
        @Mixin
        GuardOptions guard;
        @Option(names = "--out", required = true, paramLabel = "F", description = "Output .csv or .xlsx")
        Path out;
        @Mixin
        AreaOptions areas;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            boolean residents = residents(who);
            AreaLevel level = layerLevel(by, "residents/visitors");
            int base = guard.roundBase();
            return guarded(project, guard.k, level, areas, spec,
                    (s, layer, kk) -> s.presence(dataset, level, layer, residents, kk, base, Cancellation.none()),
                    tableTo(out, spec));
        }
    }

    static boolean residents(String who) {
        if ("residents".equalsIgnoreCase(who)) {
            return true;
        }
        if ("visitors".equalsIgnoreCase(who)) {
            return false;
        }
        throw new IllegalArgumentException("--who must be residents or visitors, not \"" + who + "\".");
    }

    @Command(name = "dwell", mixinStandardHelpOptions = true,
            description = "Dwell time per area and time band of arrival, with disclosure control, to CSV or XLSX."
                    + " A stay is a maximal run of consecutive pings of a device on one date in the same area; it lasts"
                    + " from its first ping to the first ping of the next stay that date (the day's last stay: to its"
                    + " own last ping). Columns: area,time,dwell_minutes (sum over the stays starting in that area and"
                    + " band),devices (distinct devices with such a stay).")
    static final class Dwell implements Callable<Integer> {
        @Mixin
        ProjectOption project;
        @Option(names = "--dataset", required = true, paramLabel = "D")
        String dataset;
        @Option(names = "--by", defaultValue = "ward", paramLabel = "LEVEL", description = "ward (default) or small-area with --areas")
        String by;
        @Option(names = "--time", defaultValue = "hour", paramLabel = "BAND", description = "hour (default), weekday, date or month")
        String time;
        @Mixin
        GuardOptions guard;
        @Option(names = "--out", required = true, paramLabel = "F", description = "Output .csv or .xlsx")
        Path out;
        @Mixin
        AreaOptions areas;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AreaLevel level = layerLevel(by, "dwell time");
            TimeBand band = TimeBand.parse(time);
            int base = guard.roundBase();
            return guarded(project, guard.k, level, areas, spec,
                    (s, layer, kk) -> s.dwell(dataset, level, layer, band, kk, base, Cancellation.none()), tableTo(out, spec));
        }
    }

    @Command(name = "map", mixinStandardHelpOptions = true,
            description = "A choropleth map (PNG or SVG) of one time value of a guarded area table: only published"
                    + " cells are drawn; suppressed areas are hatched grey (legend \"χ 秘匿\"). The export is recorded in"
                    + " the audit log with the file's SHA-256.")
    static final class MapCmd implements Callable<Integer> {
        @Mixin
        ProjectOption project;
        @Option(names = "--dataset", required = true, paramLabel = "D")
        String dataset;
        @Option(names = "--table", defaultValue = "aggregate", paramLabel = "TABLE",
                description = "aggregate (default: pings/devices), residents, visitors or dwell")
        String table;
        @Option(names = "--by", defaultValue = "ward", paramLabel = "LEVEL",
                description = "ward (default), small-area, mesh3 or mesh4 (meshes: aggregate only)")
        String by;
        @Option(names = "--time", defaultValue = "hour", paramLabel = "BAND",
                description = "hour (default), weekday, date or month (residents/visitors: hour only)")
        String time;
        @Option(names = "--at", required = true, paramLabel = "VALUE", description = "The time value to map, e.g. 8 (hour), weekend, 2026-04-01")
        String at;
        @Option(names = "--measure", paramLabel = "COLUMN",
                description = "Column to map (default: the persons count: devices, residents, visitors or population)")
        String measure;
        @Mixin
        GuardOptions guard;
        @Option(names = "--width", defaultValue = "1200", paramLabel = "PX")
        int width;
        @Option(names = "--height", defaultValue = "900", paramLabel = "PX")
        int height;
        @Option(names = "--out", required = true, paramLabel = "F", description = "Output .png or .svg")
        Path out;
        @Mixin
        AreaOptions areas;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AreaLevel level = AreaLevel.parse(by);
            TimeBand band = TimeBand.parse(time);
            String kind = table.toLowerCase(java.util.Locale.ROOT);
            if (!java.util.List.of("aggregate", "residents", "visitors", "dwell").contains(kind)) {
                throw new IllegalArgumentException("--table must be aggregate, residents, visitors or dwell, not \"" + table + "\".");
            }
            if (!kind.equals("aggregate")) {
                layerLevel(by, kind);
            }
            if ((kind.equals("residents") || kind.equals("visitors")) && band != TimeBand.HOUR) {
                throw new IllegalArgumentException("Residents and visitors are counted per hour: use --time hour.");
            }
            String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!java.nio.file.Files.isDirectory(out) && !name.endsWith(".png") && !name.endsWith(".svg")) {
                throw new IllegalArgumentException("--out must end in .png or .svg (or name a folder).");
            }
            if (width < 200 || height < 150 || width > 10000 || height > 10000) {
                throw new IllegalArgumentException("--width/--height must be between 200×150 and 10000×10000 pixels.");
            }
            int base = guard.roundBase();
            GuardedQuery query = (s, layer, kk) -> switch (kind) {
                case "residents", "visitors" -> s.presence(dataset, level, layer, kind.equals("residents"), kk, base,
                        Cancellation.none());
                case "dwell" -> s.dwell(dataset, level, layer, band, kk, base, Cancellation.none());
                default -> s.aggregate(dataset, level, layer, band, kk, base, Cancellation.none());
            };
            return guarded(project, guard.k, level, areas, spec, query, (s, r) -> {
                String m = measure != null ? measure : LocationMaps.defaultMeasure(r.table());
                Path file = OutputNames.resolve(out, OutputNames.location(r.dataset(), r.operation() + "-map-" + at,
                        r.parameters().getOrDefault("by", ""), r.parameters().get("time"), r.table().k(), r.table().roundBase(), "png"));
                s.exportMap(r, at, m, width, height, file);
                restrict(file);
                ProtectedTable t = r.table();
                java.util.Map<String, Long> values = LocationMaps.values(t, at, m);
                long hidden = values.values().stream().filter(java.util.Objects::isNull).count();
                spec.commandLine().getOut().println("wrote " + file + ": " + m + " at " + t.header().get(1) + " " + at + ", "
                        + values.size() + " areas, " + hidden + " suppressed (χ), k=" + t.k()
                        + (t.roundBase() > 1 ? ", rounded to base " + t.roundBase() : "") + ".");
            });
        }
    }
}
