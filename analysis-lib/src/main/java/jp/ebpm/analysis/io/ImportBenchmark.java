package jp.ebpm.analysis.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * The import benchmark of issue 2: a generated CSV of {@code rows} rows and 4 columns (番号 id, 日時 timestamp,
 * 緯度 lat, 経度 lon; Japanese header), written once in UTF-8 and once in CP932, and three timings on the same
 * project: (a) DuckDB's own {@code CREATE TABLE AS SELECT * FROM read_csv(file)} on the UTF-8 file, (b) the
 * workbench import of the UTF-8 file, (c) the workbench import of the CP932 file. Each is run {@code runs}
 * times and the median is reported. Used by the hidden {@code workbench bench import} command.
 *
 * @since 0.1
 */
public final class ImportBenchmark {

    /** Medians in seconds and the heap limit of the running JVM. */
    public record Result(long rows, long utf8Bytes, long cp932Bytes, double duckdbSeconds, double utf8Seconds,
                         double cp932Seconds, long maxHeapBytes, List<double[]> allRuns) {

        /** (b) / (a). */
        public double utf8Ratio() {
            return utf8Seconds / duckdbSeconds;
        }

        /** (c) / (a). */
        public double cp932Ratio() {
            return cp932Seconds / duckdbSeconds;
        }
    }

    private ImportBenchmark() {
    }

    /** Writes the benchmark CSV (same rows for a fixed seed) in the given encoding. */
    public static void generate(Path file, long rows, Charset cs) throws IOException {
        SplittableRandom rnd = new SplittableRandom(20_240_401L);
        long start = java.time.LocalDateTime.of(2024, 4, 1, 0, 0).toEpochSecond(java.time.ZoneOffset.UTC);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), cs), 1 << 20)) {
            w.write("番号,日時,緯度,経度\n");
            StringBuilder sb = new StringBuilder(64);
            for (long i = 1; i <= rows; i++) {
                sb.setLength(0);
                java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(start + i % 2_592_000, 0, java.time.ZoneOffset.UTC);
                sb.append(i).append(',').append(t.toLocalDate()).append(' ');
                two(sb, t.getHour()).append(':');
                two(sb, t.getMinute()).append(':');
                two(sb, t.getSecond()).append(',');
                sb.append(35.5 + rnd.nextInt(200_000) / 1_000_000.0).append(',')
                  .append(139.55 + rnd.nextInt(300_000) / 1_000_000.0).append('\n');
                w.append(sb);
            }
        }
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return (v < 10 ? sb.append('0') : sb).append(v);
    }

    /**
     * Generates the two files in {@code dir} (kept for reuse when already there with the right size) and
     * runs the timings in a fresh project {@code dir/bench-project}.
     */
    public static Result run(Path dir, long rows, int runs, ProgressListener progress) throws IOException {
        Files.createDirectories(dir);
        Path utf8 = dir.resolve("bench-" + rows + "-utf8.csv");
        Path sjis = dir.resolve("bench-" + rows + "-cp932.csv");
        if (!Files.exists(utf8)) {
            progress.progress("Generating " + utf8.getFileName(), 0, -1);
            generate(utf8, rows, StandardCharsets.UTF_8);
        }
        if (!Files.exists(sjis)) {
            progress.progress("Generating " + sjis.getFileName(), 0, -1);
            generate(sjis, rows, Charset.forName("windows-31j"));
        }
        Path projectDir = dir.resolve("bench-project");
        if (Files.exists(projectDir.resolve(Project.DB_FILE))) {
            Files.delete(projectDir.resolve(Project.DB_FILE));
            Files.deleteIfExists(projectDir.resolve(Project.DB_FILE + ".wal"));
        }
        double[] a = new double[runs];
        double[] b = new double[runs];
        double[] c = new double[runs];
        List<double[]> all = new ArrayList<>();
        try (Project p = Project.create(projectDir)) {
            for (int i = 0; i < runs; i++) {
                progress.progress("Run " + (i + 1) + " of " + runs, i, runs);
                a[i] = time(() -> p.inTransaction(conn -> {
                    try (Statement st = conn.createStatement()) {
                        st.execute("CREATE TABLE bench_duckdb AS SELECT * FROM read_csv(" + Sql.literal(utf8.toAbsolutePath().toString()) + ")");
                    }
                    return null;
                }));
                p.execute("DROP TABLE bench_duckdb");
                b[i] = time(() -> Importer.importFile(p, utf8, ImportOptions.defaults().withName("bench_utf8"),
                        ProgressListener.NONE, Cancellation.none()));
                p.catalog().drop("bench_utf8");
                c[i] = time(() -> Importer.importFile(p, sjis, ImportOptions.defaults().withName("bench_cp932"),
                        ProgressListener.NONE, Cancellation.none()));
                long n = p.catalog().get("bench_cp932").rowCount();
                if (n != rows) {
                    throw new WorkbenchException("benchmark import read " + n + " rows instead of " + rows);
                }
                p.catalog().drop("bench_cp932");
                all.add(new double[] {a[i], b[i], c[i]});
            }
        }
        return new Result(rows, Files.size(utf8), Files.size(sjis), median(a), median(b), median(c),
                Runtime.getRuntime().maxMemory(), all);
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
