package jp.ebpm.workbench.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.survey.CrossTab;
import jp.ebpm.analysis.survey.CrossTabEngine;
import jp.ebpm.analysis.survey.CrossTabSpec;
import jp.ebpm.analysis.survey.CsvTable;
import jp.ebpm.analysis.survey.Margin;
import jp.ebpm.analysis.survey.RakeOptions;
import jp.ebpm.analysis.survey.RakeResult;
import jp.ebpm.analysis.survey.Raking;
import jp.ebpm.analysis.survey.SurveyBenchData;
import jp.ebpm.analysis.survey.WeightKind;
import jp.ebpm.analysis.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench survey}: times a weighted cross-table with all statistics (and the Rao–Scott
 * test) over N synthetic rows, raking N rows to three margins, and — when installed — the same table in
 * GNU PSPP ({@code CROSSTABS}) and R {@code survey} ({@code svytable} + {@code svychisq}) on the same data.
 * Prints medians of the runs. Results go to docs/benchmarks.md by hand.
 */
@Command(name = "survey", mixinStandardHelpOptions = true,
        description = "Benchmark of the survey cross-tab and raking (see docs/benchmarks.md).")
public final class SurveyBenchCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per measurement (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--skip-external", description = "Do not time PSPP and R even when they are on the PATH.")
    boolean skipExternal;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path tmp = Files.createTempDirectory("wb-bench-survey-");
        try (Project p = Project.create(tmp.resolve("p"))) {
            out.printf(Locale.ROOT, "rows: %,d; runs: %d; cores: %d; java %s%n", rows, runs,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            SurveyBenchData.create(p, "bench", rows);
            CrossTabSpec freq = CrossTabSpec.of("bench", "ward", "q").withWeight("w", WeightKind.FREQUENCY);
            CrossTabSpec samp = CrossTabSpec.of("bench", "ward", "q").withWeight("w", WeightKind.SAMPLING);
            CrossTabEngine.run(p, samp, null, Cancellation.none()); // warm-up
            double tf = median(() -> CrossTabEngine.run(p, freq, null, Cancellation.none()));
            double ts = median(() -> CrossTabEngine.run(p, samp, null, Cancellation.none()));
            CrossTab t = CrossTabEngine.run(p, samp, null, Cancellation.none()).overall();
            out.printf(Locale.ROOT, "crosstab ward x q, frequency weight, all statistics: median %.3f s%n", tf);
            out.printf(Locale.ROOT, "crosstab ward x q, sampling weight + Rao-Scott: median %.3f s (F = %.6f, ndf %.4f, ddf %.1f)%n",
                    ts, t.raoScott().f(), t.raoScott().ndf(), t.raoScott().ddf());
            List<Margin> margins = List.of(margin("ward", 7, 14131, new double[] {0.15, 0.11, 0.17, 0.15, 0.15, 0.14, 0.13}),
                    margin("sex", 2, 1, new double[] {0.51, 0.49}),
                    margin("age_group", 7, 1, new double[] {0.03, 0.15, 0.18, 0.2, 0.17, 0.15, 0.12}));
            double[] rr = new double[1];
            double tr = median(() -> {
                RakeResult r = Raking.rakeInto(p, "bench", margins, RakeOptions.defaults().withBaseWeight("w"), "rw", null, Cancellation.none());
                rr[0] = r.iterations();
                return r;
            });
            out.printf(Locale.ROOT, "rake 3 margins to 1e-10 and write the weight column: median %.3f s (%d iterations)%n", tr, (int) rr[0]);
            Path csv = tmp.resolve("bench.csv");
            p.execute("COPY (SELECT ward, q, w FROM bench) TO '" + csv.toAbsolutePath().toString().replace("'", "''") + "' (HEADER)");
            double tcsv = median(() -> {
                Path d = Files.createTempDirectory(tmp, "csv");
                try (Project q = Project.create(d.resolve("p"))) {
                    CsvTable.load(q, csv, StandardCharsets.UTF_8, "data", true);
                    return CrossTabEngine.run(q, CrossTabSpec.of("data", "ward", "q").withWeight("w", WeightKind.FREQUENCY), null, Cancellation.none());
                }
            });
            out.printf(Locale.ROOT, "crosstab from the CSV file (load + table, like PSPP/R below): median %.3f s%n", tcsv);
            if (!skipExternal) {
                externals(out, tmp, csv, tf, ts, tcsv);
            }
        } finally {
            BenchDirs.deleteTree(tmp);
        }
        return 0;
    }

    private void externals(PrintWriter out, Path tmp, Path csv, double tf, double ts, double tcsv) throws Exception {
        if (onPath("pspp")) {
            Path sps = tmp.resolve("bench.sps");
            Files.writeString(sps, "GET DATA /TYPE=TXT /FILE='" + csv.toAbsolutePath() + "' /ARRANGEMENT=DELIMITED /DELCASE=LINE"
                    + " /FIRSTCASE=2 /DELIMITERS=',' /VARIABLES=ward F8.0 q F8.0 w F16.8.\nWEIGHT BY w.\n"
                    + "CROSSTABS /TABLES=ward BY q /STATISTICS=CHISQ PHI CC /CELLS=COUNT EXPECTED ROW COLUMN TOTAL SRESID ASRESID.\n");
            double t = median(() -> exec(List.of("pspp", "-o", tmp.resolve("out.txt").toString(), sps.toString())));
            out.printf(Locale.ROOT, "PSPP CROSSTABS (reads the CSV): median %.3f s -> ratio %.1fx (vs our CSV path), %.1fx (vs table in project)%n",
                    t, t / tcsv, t / tf);
        } else {
            out.println("PSPP: not installed");
        }
        if (onPath("Rscript")) {
            Path r = tmp.resolve("bench.R");
            Files.writeString(r, "suppressMessages(library(survey))\nd0 <- read.csv('" + csv.toAbsolutePath() + "')\n"
                    + "t0 <- proc.time()[['elapsed']]\nd <- svydesign(id=~1, weights=~w, data=d0)\n"
                    + "tab <- svytable(~ward+q, d)\nx <- svychisq(~ward+q, d)\n"
                    + "cat(sprintf('R_COMPUTE %.3f F %.6f\\n', proc.time()[['elapsed']] - t0, x$statistic))\n");
            List<Double> compute = new ArrayList<>();
            double t = median(() -> {
                String o = exec(List.of("Rscript", r.toString()));
                int at = o.indexOf("R_COMPUTE ");
                if (at >= 0) {
                    compute.add(Double.parseDouble(o.substring(at + 10).split("\\s+")[0]));
                    out.println("  R: " + o.substring(at).trim());
                }
                return o;
            });
            double tc = compute.stream().sorted().toList().get(compute.size() / 2);
            out.printf(Locale.ROOT, "R svytable+svychisq: total median %.3f s (compute only %.3f s) -> ratio %.1fx (vs our CSV path), %.1fx (compute vs ours, sampling weights)%n",
                    t, tc, t / tcsv, tc / ts);
        } else {
            out.println("R: not installed");
        }
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, exe)));
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String o = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!pr.waitFor(30, TimeUnit.MINUTES) || pr.exitValue() != 0) {
            throw new WorkbenchException(cmd.get(0) + " failed: " + o);
        }
        return o;
    }

    private static Margin margin(String var, int k, int first, double[] shares) {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            m.put(Integer.toString(first + i), shares[i]);
        }
        return Margin.of(var, m);
    }

    @FunctionalInterface
    private interface Timed {
        Object run() throws Exception;
    }

    private double median(Timed work) throws Exception {
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            work.run();
            t[i] = (System.nanoTime() - s) / 1e9;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }
}
