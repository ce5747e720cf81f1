package jp.ebpm.workbench.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.location.SyntheticPingLoader;
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
 * {@code workbench bench vault} (hidden): encrypted save and load of a private dataset alone. Generates
 * synthetic pings into the vault once, then {@code --runs} times saves a copy as a new private dataset
 * (encrypt + write) and loads it into a freshly unlocked vault (decrypt + load); prints each time and the
 * medians. The unlock (PBKDF2) is not part of the load time.
 */
@Command(name = "vault", mixinStandardHelpOptions = true,
        description = "Benchmark encrypted save/load of private datasets.")
public final class VaultBench implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "10000000")
    long rows;

    @Option(names = "--runs", defaultValue = "3")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchDirs.inScratch("wb-bench-vault", dir -> run(dir, out));
        return 0;
    }

    private void run(Path dir, PrintWriter out) throws IOException {
        char[] pass = "benchmark passphrase".toCharArray();
        BenchDirs.machine(out, rows);
        List<Double> save = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        try (Project p = Project.create(dir.resolve("project"))) {
            try (UnlockedVault v = UnlockedVault.openOrCreate(p, pass)) {
                SyntheticPingLoader.load(v, "staging", rows, 1, Cancellation.none());
                for (int i = 0; i < runs; i++) {
                    v.memory().execute("CREATE TABLE copy AS SELECT * FROM staging");
                    long t0 = System.nanoTime();
                    v.savePrivate("copy", new DatasetInfo("pings" + i, DatasetKind.LOCATION, null, null, Instant.now(),
                            0, List.of(), null, "", Sensitivity.PRIVATE, "benchmark", Map.of("location_kind", "pings")),
                            Cancellation.none());
                    save.add(secs(t0));
                    String file = p.catalog().get("pings" + i).property(UnlockedVault.ENCRYPTED_FILE);
                    out.printf("encrypt + write #%d: %.2f s (%d MB)%n", i + 1, save.get(i),
                            Files.size(dir.resolve("project").resolve(UnlockedVault.PRIVATE_DIR).resolve(file)) >> 20);
                    v.memory().execute("DROP TABLE \"pings" + i + "\"");
                }
            }
            for (int i = 0; i < runs; i++) {
                try (UnlockedVault v = UnlockedVault.unlock(p, pass)) {
                    long t0 = System.nanoTime();
                    v.load("pings" + i, Cancellation.none());
                    load.add(secs(t0));
                    out.printf("decrypt + load #%d: %.2f s%n", i + 1, load.get(i));
                }
            }
        }
        out.printf("encrypt + write: median %.2f s %s%n", median(save), save);
        out.printf("decrypt + load: median %.2f s %s%n", median(load), load);
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
