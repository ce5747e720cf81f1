package jp.ebpm.workbench.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.io.ImportBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench import --rows N --dir D [--runs R]}: times DuckDB's own read_csv against the workbench
 * import of the same CSV in UTF-8 and in CP932. Run it as {@code java -Xmx512m -jar workbench.jar bench import ...}
 * to show the heap bound.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import benchmark of issue 2.")
final class ImportBenchCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "10000000", description = "Rows of the generated CSV (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--dir", required = true, description = "Folder for the generated files and the benchmark project.")
    Path dir;

    @Option(names = "--runs", defaultValue = "3", description = "Runs; the median is reported (default ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ImportBenchmark.Result r = ImportBenchmark.run(dir, rows, runs, (m, d, t) -> {
            if (m != null) {
                out.println(m);
                out.flush();
            }
        });
        out.printf(Locale.ROOT, "rows %d, UTF-8 file %.1f MB, CP932 file %.1f MB, max heap %d MB%n", r.rows(),
                r.utf8Bytes() / 1e6, r.cp932Bytes() / 1e6, r.maxHeapBytes() >> 20);
        for (int i = 0; i < r.allRuns().size(); i++) {
            double[] v = r.allRuns().get(i);
            out.printf(Locale.ROOT, "run %d: (a) duckdb %.2f s, (b) utf-8 %.2f s, (c) cp932 %.2f s%n", i + 1, v[0], v[1], v[2]);
        }
        out.printf(Locale.ROOT, "median: (a) %.2f s, (b) %.2f s = %.2fx, (c) %.2f s = %.2fx%n", r.duckdbSeconds(),
                r.utf8Seconds(), r.utf8Ratio(), r.cp932Seconds(), r.cp932Ratio());
        return 0;
    }
}
