package jp.ebpm.workbench.cli.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.evaluation.DidResult;
import jp.ebpm.analysis.evaluation.DiffInDiff;
import jp.ebpm.analysis.evaluation.EvaluationBenchData;
import jp.ebpm.analysis.evaluation.PanelSpec;
import jp.ebpm.analysis.stats.regression.OlsResult;
import jp.ebpm.analysis.stats.regression.Regression;
import jp.ebpm.analysis.stats.regression.RegressionSpec;
import jp.ebpm.analysis.stats.regression.SeType;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench evaluation}: OLS with 10 regressors on N rows of a project dataset (one streaming pass;
 * and with HC1 SEs, two passes) and two-way fixed-effects DiD on A areas × T periods, with R's lm on the same
 * data as the peer ({@code --r-script scripts/bench/evaluation_r_peer.R}). Run with {@code java -Xmx1g} to show
 * the heap bound.
 */
@Command(name = "evaluation", mixinStandardHelpOptions = true, description = "Regression and DiD benchmark of issue 13.")
final class EvaluationBench implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "10000000", description = "Rows of the regression dataset (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--areas", defaultValue = "2000", description = "Areas of the panel (default ${DEFAULT-VALUE}).")
    int areas;

    @Option(names = "--periods", defaultValue = "20", description = "Periods of the panel (default ${DEFAULT-VALUE}).")
    int periods;

    @Option(names = "--runs", defaultValue = "3", description = "Runs; the median is reported (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--r-script", paramLabel = "F", description = "Run this R peer script with Rscript on the same data.")
    Path rScript;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchDirs.machine(out, rows);
        BenchDirs.inScratch("wb-bench-eval-", dir -> {
            try (Project p = Project.create(dir.resolve("p"))) {
                long t0 = System.nanoTime();
                EvaluationBenchData.regression(p, "big", rows);
                EvaluationBenchData.panel(p, "panel", areas, periods);
                out.printf(Locale.ROOT, "data created in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                out.flush();
                RegressionSpec ols = RegressionSpec.of("big", "y ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10");
                double[] classical = new double[runs];
                double[] classicalCpu = new double[runs];
                double[] hc1 = new double[runs];
                OlsResult last = null;
                for (int r = 0; r < runs; r++) {
                    resetPeaks();
                    long s = System.nanoTime();
                    long cpu = cpuNanos();
                    last = Regression.fit(p, ols, ProgressListener.NONE, Cancellation.none());
                    classical[r] = (System.nanoTime() - s) / 1e9;
                    classicalCpu[r] = (cpuNanos() - cpu) / 1e9;
                    s = System.nanoTime();
                    Regression.fit(p, ols.withSe(SeType.HC1), ProgressListener.NONE, Cancellation.none());
                    hc1[r] = (System.nanoTime() - s) / 1e9;
                    out.printf(Locale.ROOT, "run %d: OLS %.2f s (process CPU %.2f s), OLS + HC1 %.2f s, peak heap used %d MB;"
                            + " load average %.1f%n", r + 1, classical[r], classicalCpu[r], hc1[r], peakHeap() >> 20,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                    out.flush();
                }
                out.printf(Locale.ROOT, "OLS %d rows x 10 regressors: median %.2f s (classical), %.2f s (with HC1); x1 = %.10f%n",
                        last.n(), median(classical), median(hc1), last.coef()[1]);
                double[] did = new double[runs];
                DidResult d = null;
                PanelSpec ps = PanelSpec.of("panel", "y", "area", "period", "d", null).withFixedEffects();
                for (int r = 0; r < runs; r++) {
                    long s = System.nanoTime();
                    d = DiffInDiff.estimate(p, ps, ProgressListener.NONE, Cancellation.none());
                    did[r] = (System.nanoTime() - s) / 1e9;
                }
                out.printf(Locale.ROOT, "TWFE DiD %d areas x %d periods (absorbed, cluster SE, event study): median %.2f s (runs %s);"
                        + " d = %.10f, cluster se = %.10f%n", areas, periods, median(did), Arrays.toString(did), d.effect(), d.se());
                out.flush();
            }
        });
        if (rScript != null) {
            runR(out);
        }
        return 0;
    }

    private void runR(PrintWriter out) throws Exception {
        if (!Files.isRegularFile(rScript)) {
            throw new IllegalArgumentException("No R script " + rScript);
        }
        List<String> cmd = new ArrayList<>(List.of("Rscript", rScript.toString(), Long.toString(rows), Integer.toString(areas),
                Integer.toString(periods)));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.println(line);
                out.flush();
            }
        }
        out.println("Rscript exit code " + proc.waitFor());
    }

    /** CPU time of the whole process (all threads, DuckDB's included). */
    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            b.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                sum += b.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
