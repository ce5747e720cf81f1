package jp.ebpm.scale;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;

import jp.ebpm.analysis.privacy.location.ScaleManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar workbench-scale.jar <command>} (or the same jar under {@code spark-submit}): the Spark job for
 * pings and point layers too large for a desktop. Commands: {@code aggregate} (people-flow aggregates),
 * {@code count-points} (points in polygons) and {@code generate} (synthetic pings as Parquet, for tests and
 * benchmarks). Exit codes: 0 success, 2 bad usage, 1 bad input or failure (one line on stderr, no stack trace).
 */
@Command(name = "workbench-scale", mixinStandardHelpOptions = true,
        description = "People-flow and overlay aggregates on Apache Spark; writes only aggregate tables and a manifest.",
        subcommands = {ScaleMain.Aggregate.class, ScaleMain.CountPoints.class, ScaleMain.Generate.class})
public final class ScaleMain implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        CommandLine cl = new CommandLine(new ScaleMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            String m = e instanceof JobException ? e.getMessage() : Failures.sparkMessage(e);
            line.getErr().println("error: " + m);
            return 1;
        });
        return cl.execute(args);
    }

    /** Options of every Spark command. */
    static final class SparkOptions {
        @Option(names = "--master", paramLabel = "URL",
                description = "local[N], local[*], spark://HOST:PORT, yarn or k8s://… (default: spark-submit's, else local[*])")
        String master;

        @Option(names = "--no-io-encryption", description = "Do not encrypt shuffle and spill files (they hold pseudonymised rows).")
        boolean noIoEncryption;

        /** Runs a job in a new session and stops the session afterwards. */
        int run(String app, java.util.function.ToIntFunction<SparkSession> job) {
            SparkSession spark = Sessions.open(app, master, !noIoEncryption);
            try {
                return job.applyAsInt(spark);
            } finally {
                spark.stop();
            }
        }
    }

    /** Options naming the input. */
    static final class InputOptions {
        @Option(names = "--input", required = true, paramLabel = "URI", description = "Parquet or CSV file or folder (local, hdfs://, s3a://)")
        String input;

        @Option(names = "--format", defaultValue = "auto", paramLabel = "F", description = "parquet, csv or auto (by extension; default)")
        String format;

        @Option(names = "--encoding", paramLabel = "CS", description = "CSV encoding (default UTF-8; e.g. windows-31j)")
        String encoding;
    }

    /** Options naming the boundary file. */
    static final class AreaOptions {
        @Option(names = "--areas", paramLabel = "FILE", description = "Boundary file (GeoJSON, shapefile .shp/.zip), local to the driver")
        Path areas;

        @Option(names = "--area-key", paramLabel = "FIELD", description = "Field of the boundary file used as area key")
        String areaKey;

        @Option(names = "--areas-crs", paramLabel = "EPSG", description = "Coordinate system of a shapefile without .prj, e.g. EPSG:6668")
        String areasCrs;
    }

    @Command(name = "aggregate", mixinStandardHelpOptions = true,
            description = "Pings and exact distinct persons per area × time band; with boundary areas also residents/visitors"
                    + " per area × hour and the OD matrix (all dates and per date). Ids are HMAC-hashed with the key from "
                    + JobKey.ENV + " or --key-file and never written.")
    static final class Aggregate implements Callable<Integer> {
        @Mixin
        SparkOptions sparkOptions;
        @Mixin
        InputOptions in;
        @Mixin
        AreaOptions areas;
        @Option(names = "--id-col", paramLabel = "C")
        String idCol;
        @Option(names = "--time-col", paramLabel = "C")
        String timeCol;
        @Option(names = "--lat-col", paramLabel = "C")
        String latCol;
        @Option(names = "--lon-col", paramLabel = "C")
        String lonCol;
        @Option(names = "--by", required = true, paramLabel = "LEVEL", description = "ward, small-area, area (boundary) or mesh1 … mesh6")
        String by;
        @Option(names = "--time", required = true, paramLabel = "BAND", description = "hour, weekday, date or month")
        String time;
        @Option(names = "--key-file", paramLabel = "FILE", description = "File holding the HMAC key (else " + JobKey.ENV + ")")
        Path keyFile;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "New output folder (written whole or not at all)")
        String out;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            byte[] key = JobKey.read(keyFile, System.getenv(JobKey.ENV));
            AggregateJob.meshLevel(by);
            try {
                return sparkOptions.run("workbench-scale aggregate", spark -> {
                    AggregateJob.Options o = new AggregateJob.Options(in.input, in.format, in.encoding,
                            new PingReader.Columns(idCol, timeCol, latCol, lonCol), areas.areas, areas.areaKey, areas.areasCrs,
                            by, time, out);
                    AggregateJob job = new AggregateJob(spark, o);
                    report(spec, job.run(key), out);
                    job.seconds().forEach((t, s) -> spec.commandLine().getOut().printf(java.util.Locale.ROOT,
                            "time %s: %.1f s wall, %.1f s executor CPU, %.1f MB shuffle written%n", t, s,
                            job.cpuSeconds().getOrDefault(t, 0.0), job.shuffleBytes().getOrDefault(t, 0L) / 1e6));
                    return 0;
                });
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    @Command(name = "count-points", mixinStandardHelpOptions = true,
            description = "Points per polygon key for a large point layer (desktop overlay rules: a point on a shared edge"
                    + " counts for the lowest key).")
    static final class CountPoints implements Callable<Integer> {
        @Mixin
        SparkOptions sparkOptions;
        @Mixin
        InputOptions in;
        @Mixin
        AreaOptions areas;
        @Option(names = "--lat-col", paramLabel = "C", description = "Latitude (or y) column")
        String latCol;
        @Option(names = "--lon-col", paramLabel = "C", description = "Longitude (or x) column")
        String lonCol;
        @Option(names = "--points-crs", paramLabel = "EPSG", description = "Coordinate system of the points (default EPSG:4326)")
        String pointsCrs;
        @Option(names = "--out", required = true, paramLabel = "DIR")
        String out;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (areas.areas == null || areas.areaKey == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "count-points needs --areas FILE and --area-key FIELD.");
            }
            return sparkOptions.run("workbench-scale count-points", spark -> {
                report(spec, new CountPointsJob(spark, new CountPointsJob.Options(in.input, in.format, in.encoding,
                        latCol, lonCol, pointsCrs, areas.areas, areas.areaKey, areas.areasCrs, out)).run(), out);
                return 0;
            });
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Synthetic pings (the desktop's generator, no real person behind any row) as Parquet.")
    static final class Generate implements Callable<Integer> {
        @Mixin
        SparkOptions sparkOptions;
        @Option(names = "--rows", required = true, paramLabel = "N")
        long rows;
        @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
        long seed;
        @Option(names = "--partitions", defaultValue = "0", paramLabel = "P", description = "Output files (default: 1 per 2,000,000 rows)")
        int partitions;
        @Option(names = "--out", required = true, paramLabel = "DIR")
        String out;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            int p = partitions > 0 ? partitions : (int) Math.max(1, Math.min(10_000, rows / 2_000_000));
            return sparkOptions.run("workbench-scale generate", spark -> {
                PingGenerator.write(spark, rows, seed, p, out);
                spec.commandLine().getOut().println("wrote " + rows + " synthetic pings to " + out + " (" + p + " files).");
                return 0;
            });
        }
    }

    private static void report(CommandLine.Model.CommandSpec spec, ScaleManifest m, String out) {
        PrintWriter w = spec.commandLine().getOut();
        for (ScaleManifest.Table t : m.tables()) {
            w.println("wrote " + t.name() + ": " + t.rows() + " rows");
        }
        w.println("wrote " + out + "/" + ScaleManifest.FILE + " (Spark " + m.sparkVersion() + ", " + m.seconds() + " s).");
    }
}
