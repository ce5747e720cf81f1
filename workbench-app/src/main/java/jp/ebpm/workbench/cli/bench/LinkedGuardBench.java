package jp.ebpm.workbench.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.CountTable;
import jp.ebpm.analysis.privacy.guard.DisclosureGuard;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.privacy.location.AreaAssigner;
import jp.ebpm.analysis.privacy.location.AreaLayer;
import jp.ebpm.analysis.privacy.location.AreaLevel;
import jp.ebpm.analysis.privacy.location.LocationQueries;
import jp.ebpm.analysis.privacy.location.LocationService;
import jp.ebpm.analysis.privacy.location.SyntheticPingLoader;
import jp.ebpm.analysis.privacy.location.TimeBand;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench linked} (hidden): the cost of the linked-release guard (issue 16 part 2). Synthetic pings
 * (the sample file is {@code --rows 100000 --seed 20260406}) are released as a realistic sequence of tables from
 * one dataset — ward × hour, residents, visitors, 500 m mesh × hour, ward × date, 1 km mesh × hour, ward ×
 * weekday, 500 m mesh × date — each shown once ({@code recordView}). For each table: the time of the guarded call
 * with the linked check, the time of the same table alone (query + single-table guard), and the cells hidden.
 * Run with {@code -Dorg.slf4j.simpleLogger.log.jp.ebpm.analysis.privacy.location.LocationService=debug} to see the
 * check's atoms, regions and its SQL/algebra split.
 */
@Command(name = "linked", mixinStandardHelpOptions = true, description = "Benchmark the linked-release guard (issue 16).")
public final class LinkedGuardBench implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "10000000")
    long rows;

    @Option(names = "--seed", defaultValue = "20260406")
    long seed;

    @Spec
    CommandSpec spec;

    private record Step(String name, Supplier<LocationService.Result> guarded, Supplier<CountTable> alone) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchDirs.inScratch("wb-bench-linked", dir -> run(dir, out));
        return 0;
    }

    private void run(Path dir, PrintWriter out) throws IOException {
        char[] pass = "benchmark passphrase".toCharArray();
        BenchDirs.machine(out, rows);
        try (Project p = Project.create(dir.resolve("project")); UnlockedVault v = UnlockedVault.openOrCreate(p, pass)) {
            SyntheticPingLoader.load(v, "staging", rows, seed, Cancellation.none());
            v.savePrivate("staging", new DatasetInfo("pings", DatasetKind.LOCATION, null, null, Instant.now(), 0, List.of(), null, "",
                    Sensitivity.PRIVATE, "benchmark", Map.of("location_kind", "pings")), Cancellation.none());
            v.load("pings", Cancellation.none());
            AreaLayer wards = AreaLayer.bundledWards();
            long t0 = System.nanoTime();
            AreaAssigner.assign(v, "pings", wards, Cancellation.none());
            out.printf("assign pings to wards (once per session): %.2f s%n", secs(t0));
            LocationService s = new LocationService(v);
            Cancellation none = Cancellation.none();
            List<Step> steps = List.of(
                    new Step("ward x hour", () -> s.aggregate("pings", AreaLevel.WARD, wards, TimeBand.HOUR, 10, 1, none),
                            () -> LocationQueries.areaTime(v, "pings", AreaLevel.WARD, wards, TimeBand.HOUR, none)),
                    new Step("residents ward x hour", () -> s.presence("pings", AreaLevel.WARD, wards, true, 10, 1, none),
                            () -> LocationQueries.presence(v, "pings", wards, true, none)),
                    new Step("visitors ward x hour", () -> s.presence("pings", AreaLevel.WARD, wards, false, 10, 1, none),
                            () -> LocationQueries.presence(v, "pings", wards, false, none)),
                    new Step("mesh4 x hour", () -> s.aggregate("pings", AreaLevel.MESH4, null, TimeBand.HOUR, 10, 1, none),
                            () -> LocationQueries.areaTime(v, "pings", AreaLevel.MESH4, null, TimeBand.HOUR, none)),
                    new Step("ward x date", () -> s.aggregate("pings", AreaLevel.WARD, wards, TimeBand.DATE, 10, 1, none),
                            () -> LocationQueries.areaTime(v, "pings", AreaLevel.WARD, wards, TimeBand.DATE, none)),
                    new Step("mesh3 x hour", () -> s.aggregate("pings", AreaLevel.MESH3, null, TimeBand.HOUR, 10, 1, none),
                            () -> LocationQueries.areaTime(v, "pings", AreaLevel.MESH3, null, TimeBand.HOUR, none)),
                    new Step("ward x weekday", () -> s.aggregate("pings", AreaLevel.WARD, wards, TimeBand.WEEKDAY, 10, 1, none),
                            () -> LocationQueries.areaTime(v, "pings", AreaLevel.WARD, wards, TimeBand.WEEKDAY, none)),
                    new Step("mesh4 x date", () -> s.aggregate("pings", AreaLevel.MESH4, null, TimeBand.DATE, 10, 1, none),
                            () -> LocationQueries.areaTime(v, "pings", AreaLevel.MESH4, null, TimeBand.DATE, none)));
            out.println("table | cells | hidden alone | hidden linked | alone s | linked s");
            for (Step step : steps) {
                t0 = System.nanoTime();
                ProtectedTable alone = new DisclosureGuard(10, 1).protect(step.alone().get(), Set.of());
                double aloneSecs = secs(t0);
                t0 = System.nanoTime();
                LocationService.Result r = step.guarded().get();
                s.recordView(r);
                double linkedSecs = secs(t0);
                out.printf("%s | %d | %d | %d | %.2f | %.2f%n", step.name(), r.table().cells().size(), alone.suppressedKeys().size(),
                        r.table().suppressedKeys().size(), aloneSecs, linkedSecs);
                out.flush();
            }
        }
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        out.printf("peak Java heap (sum of pool peaks): %d MB%n", peak >> 20);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
