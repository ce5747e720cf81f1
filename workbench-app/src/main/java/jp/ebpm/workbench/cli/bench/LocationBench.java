package jp.ebpm.workbench.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.location.AreaAssigner;
import jp.ebpm.analysis.privacy.location.AreaLayer;
import jp.ebpm.analysis.privacy.location.AreaLevel;
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
 * {@code workbench bench location} (hidden): the speed targets of private location data. Generates
 * synthetic pings straight into the vault (pseudonymised like an import), saves them encrypted, reloads
 * them, then times area assignment, ward × hour with distinct devices, and the OD matrix (median of
 * {@code --runs}). Run with {@code -Xmx1g} to check the heap target; peak heap is printed.
 */
@Command(name = "location", mixinStandardHelpOptions = true,
        description = "Benchmark private location data (issue 5).")
public final class LocationBench implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "10000000")
    long rows;

    @Option(names = "--runs", defaultValue = "3")
    int runs;

    @Option(names = "--only-assign", description = "Time only the assignment of the pings to wards, --runs times (no aggregates).")
    boolean onlyAssign;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchDirs.inScratch("wb-bench-location", dir -> run(dir, out));
        return 0;
    }

    private void run(Path dir, PrintWriter out) throws IOException {
        char[] pass = "benchmark passphrase".toCharArray();
        BenchDirs.machine(out, rows);
        try (Project p = Project.create(dir.resolve("project"))) {
            long t0 = System.nanoTime();
            try (UnlockedVault v = UnlockedVault.openOrCreate(p, pass)) {
                out.printf("create key file (PBKDF2 600k): %.2f s%n", secs(t0));
                t0 = System.nanoTime();
                SyntheticPingLoader.load(v, "staging", rows, 1, Cancellation.none());
                out.printf("generate + pseudonymise + append: %.2f s%n", secs(t0));
                t0 = System.nanoTime();
                v.savePrivate("staging", new DatasetInfo("pings", DatasetKind.LOCATION, null, null, Instant.now(), 0,
                        List.of(), null, "", Sensitivity.PRIVATE, "benchmark", Map.of("location_kind", "pings")), Cancellation.none());
                out.printf("encrypt + write private file: %.2f s (%d MB)%n", secs(t0),
                        Files.size(dir.resolve("project/private").resolve(p.catalog().get("pings").property(UnlockedVault.ENCRYPTED_FILE))) >> 20);
            }
            t0 = System.nanoTime();
            try (UnlockedVault v = UnlockedVault.unlock(p, pass)) {
                out.printf("unlock (PBKDF2 600k): %.2f s%n", secs(t0));
                t0 = System.nanoTime();
                v.load("pings", Cancellation.none());
                out.printf("decrypt + load into memory: %.2f s%n", secs(t0));
                AreaLayer wards = AreaLayer.bundledWards();
                List<Double> assign = new ArrayList<>();
                for (int i = 0; i < (onlyAssign ? runs : 1); i++) {
                    v.sessionCache().keySet().removeIf(k -> k.startsWith("assign|"));
                    t0 = System.nanoTime();
                    AreaAssigner.assign(v, "pings", wards, Cancellation.none());
                    assign.add(secs(t0));
                }
                out.printf("assign pings to wards (once per session): median %.2f s %s%n", median(assign), assign);
                if (!onlyAssign) {
                    aggregates(v, wards, out);
                }
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        out.printf("peak Java heap (sum of pool peaks): %d MB%n", peak >> 20);
    }

    private void aggregates(UnlockedVault v, AreaLayer wards, PrintWriter out) {
        long t0;
        LocationService s = new LocationService(v);
        List<Double> agg = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            t0 = System.nanoTime();
            s.aggregate("pings", AreaLevel.WARD, wards, TimeBand.HOUR, 10, 1, Cancellation.none());
            agg.add(secs(t0));
        }
        out.printf("ward x hour, pings + distinct devices + guard: median %.2f s %s%n", median(agg), agg);
        List<Double> mesh = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            t0 = System.nanoTime();
            s.aggregate("pings", AreaLevel.MESH4, null, TimeBand.HOUR, 10, 1, Cancellation.none());
            mesh.add(secs(t0));
        }
        out.printf("mesh4 x hour: median %.2f s %s%n", median(mesh), mesh);
        List<Double> od = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            t0 = System.nanoTime();
            s.od("pings", wards, 10, 1, Cancellation.none());
            od.add(secs(t0));
        }
        out.printf("OD matrix (stays, trips) + guard: median %.2f s %s%n", median(od), od);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        return s.get(s.size() / 2);
    }
}
