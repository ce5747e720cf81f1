package jp.ebpm.scale;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.locationtech.jts.geom.Geometry;

import jp.ebpm.analysis.gis.mesh.MeshLevel;
import jp.ebpm.analysis.gis.mesh.MeshSql;
import jp.ebpm.analysis.privacy.location.AreaLayer;
import jp.ebpm.analysis.privacy.location.ScaleManifest;
import jp.ebpm.analysis.privacy.location.TimeBand;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.udf;

/**
 * The people-flow aggregation: from pings to the aggregate tables of the desktop's {@code location} commands, with
 * the desktop's definitions (see {@code LocationQueries}), as Spark SQL:
 * <ul>
 *   <li>{@code area_time}: pings and exact distinct persons per area × time band;</li>
 *   <li>{@code presence} (boundary areas): residents and visitors per area × hour, a person's home being the area
 *       with the most of their pings between 00:00 and 04:59 (ties: the lowest area key; never seen at night:
 *       visitor everywhere);</li>
 *   <li>{@code od} and {@code od_daily} (boundary areas): trips (changes of area between consecutive pings of a
 *       person on one date) and distinct persons per origin × destination, over all dates and per date.</li>
 * </ul>
 * Every distinct count is computed in two phases — first one row per (cell, person), then rows per cell — so no
 * cell's persons have to meet in one task: a crowded station area is spread over the persons' hash partitions, and
 * the counts are exact (no sketches).
 */
final class AggregateJob {

    /** The job's options. */
    record Options(String input, String format, String encoding, PingReader.Columns columns, Path areas, String areaKey,
                   String areasCrs, String by, String time, String out) {
    }

    private final SparkSession spark;
    private final Options o;
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private Map<String, Double> cpuSeconds = Map.of();
    private Map<String, Long> shuffleBytes = Map.of();
    private CpuMeter cpu;

    AggregateJob(SparkSession spark, Options options) {
        this.spark = spark;
        this.o = options;
    }

    /**
     * Wall seconds per step, in order: reading, hashing and locating the pings (cached for all tables), then each
     * table.
     */
    Map<String, Double> seconds() {
        return seconds;
    }

    /** Executor CPU seconds per step (reading, hashing and locating; then each table), after {@link #run}. */
    Map<String, Double> cpuSeconds() {
        return cpuSeconds;
    }

    /** Shuffle bytes written per step, after {@link #run}. */
    Map<String, Long> shuffleBytes() {
        return shuffleBytes;
    }

    /** The mesh level of {@code --by mesh1..mesh6}, or null for boundary areas. */
    static MeshLevel meshLevel(String by) {
        String b = by.toLowerCase(Locale.ROOT);
        if (b.equals("ward") || b.equals("small-area") || b.equals("area")) {
            return null;
        }
        if (b.matches("mesh[1-6]")) {
            int n = b.charAt(4) - '0';
            for (MeshLevel l : MeshLevel.values()) {
                if (l.number() == n) {
                    return l;
                }
            }
        }
        throw new JobException("--by must be ward, small-area, area or mesh1 … mesh6 (mesh3 = 1 km, mesh4 = 500 m), not \""
                + by + "\".");
    }

    /** Runs the job: reads, aggregates, writes the tables and the manifest, all or nothing. */
    ScaleManifest run(byte[] key) {
        Instant start = Instant.now();
        TimeBand band;
        try {
            band = TimeBand.parse(o.time());
        } catch (IllegalArgumentException e) {
            throw new JobException("--time: " + e.getMessage());
        }
        MeshLevel mesh = meshLevel(o.by());
        AreaLayer layer = null;
        List<String> keys = null;
        if (mesh == null) {
            if (o.areas() == null) {
                throw new JobException("--by " + o.by() + " needs --areas BOUNDARY_FILE and --area-key FIELD.");
            }
            layer = Boundaries.areas(o.areas(), o.areasCrs(), o.areaKey());
            keys = layer.areas().stream().map(AreaLayer.Area::key).distinct().toList();
        }
        Dataset<Row> src = PingReader.load(spark, o.input(), o.format(), o.encoding());
        Dataset<Row> pings = PingReader.pings(src, o.columns(), key, o.input());
        Dataset<Row> located;
        if (mesh == null) {
            List<Geometry> polys = new ArrayList<>();
            int[] ki = new int[layer.areas().size()];
            for (int i = 0; i < layer.areas().size(); i++) {
                polys.add(layer.areas().get(i).geometry());
                ki[i] = keys.indexOf(layer.areas().get(i).key());
            }
            spark.udf().register("wb_locate", udf(new LocateUdf(layer.id(), polys, ki), DataTypes.IntegerType));
            located = pings.select(col("pid"), col("micros"), callUDF("wb_locate", col("lon"), col("lat")).cast("bigint").as("area"));
        } else {
            located = pings.select(col("pid"), col("micros"),
                    expr(MeshSql.encodeExpressionOf("lat", "lon", mesh, MeshSql.Dialect.SPARK)).as("area"));
        }
        located = located.persist(StorageLevel.MEMORY_AND_DISK_SER());
        cpu = new CpuMeter(spark.sparkContext());
        final AreaLayer areaLayer = layer;
        final List<String> areaKeys = keys;
        final Dataset<Row> base = located;
        try {
            return Output.run(spark, o.out(), out -> write(out, start, band, mesh, areaLayer, areaKeys, src, base));
        } finally {
            located.unpersist();
            cpuSeconds = cpu.seconds();
            shuffleBytes = cpu.shuffleBytes();
        }
    }

    private ScaleManifest write(Output out, Instant start, TimeBand band, MeshLevel mesh, AreaLayer layer, List<String> keys,
                            Dataset<Row> src, Dataset<Row> located) {
        long t0 = System.nanoTime();
        cpu.step("read, hash, locate");
        located.count(); // materialises the cached base rows once: every table below reads them
        seconds.put("read, hash, locate", (System.nanoTime() - t0) / 1e9);
        located.createOrReplaceTempView("wb_p");
        spark.sql("SELECT pid, micros, area, CAST(pmod(micros, 86400000000) div 3600000000 AS INT) AS hour,"
                + " (micros - pmod(micros, 86400000000)) div 86400000000 AS day FROM wb_p").createOrReplaceTempView("wb_pt");
        Dataset<Row> keyTable = mesh == null ? keyTable(keys) : null;
        List<ScaleManifest.Table> tables = new ArrayList<>();
        tables.add(areaTime(out, band, keyTable, keys));
        if (mesh == null) {
            tables.add(presence(out, keyTable, keys));
            tables.addAll(od(out, keyTable, keys));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("by", o.by().toLowerCase(Locale.ROOT));
        params.put("time", band.id());
        params.put("id_col", PingReader.column(List.of(src.columns()), o.columns().id(),
                jp.ebpm.analysis.privacy.location.ColumnDetector.ID, "id", "--id-col", o.input()));
        params.put("areas", o.areas() == null ? "" : o.areas().getFileName().toString());
        params.put("area_key", mesh == null ? o.areaKey() : "");
        params.put("area_layer", mesh == null ? layer.id() : "mesh:" + mesh.label());
        params.put("master", spark.sparkContext().master());
        params.put("hash", "HMAC-SHA-256, first 8 bytes (key from the data holder, not written)");
        List<ScaleManifest.Input> inputs = new ArrayList<>(Output.listing(spark, "pings", src.inputFiles()));
        if (o.areas() != null && mesh == null) {
            inputs.add(Output.localFile("areas", o.areas()));
        }
        return out.commit(spark, "aggregate", start, params, inputs, tables);
    }

    private Dataset<Row> keyTable(List<String> keys) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(RowFactory.create((long) i, keys.get(i)));
        }
        StructType schema = new StructType().add("idx", DataTypes.LongType).add("key", DataTypes.StringType);
        Dataset<Row> t = spark.createDataFrame(rows, schema);
        t.createOrReplaceTempView("wb_keys");
        return t;
    }

    private ScaleManifest.Table areaTime(Output out, TimeBand band, Dataset<Row> keyTable, List<String> keys) {
        String key;
        String lab;
        switch (band) {
            case HOUR -> {
                key = "hour";
                lab = "CAST(t AS STRING)";
            }
            case WEEKDAY -> {
                key = "pmod(day + 3, 7) >= 5";
                lab = "CASE WHEN t THEN 'weekend' ELSE 'weekday' END";
            }
            case DATE -> {
                key = "day";
                lab = "date_format(date_from_unix_date(CAST(t AS INT)), 'yyyy-MM-dd')";
            }
            default -> {
                key = "trunc(date_from_unix_date(CAST(day AS INT)), 'MM')";
                lab = "date_format(t, 'yyyy-MM')";
            }
        }
        // two-phase exact distinct count: one row per (area, time key, person), then rows per cell
        Dataset<Row> agg = spark.sql("WITH g AS (SELECT area AS a, " + key + " AS t, pid, count(*) AS n FROM wb_pt"
                + " WHERE area IS NOT NULL GROUP BY 1, 2, 3)"
                + " SELECT a, " + lab + " AS time, sum(n) AS pings, count(*) AS devices FROM g GROUP BY a, t");
        Dataset<Row> named = withKeys(agg, keyTable, "a", "area").select("area", "time", "pings", "devices");
        List<String> cols = switch (band) {
            case HOUR -> hours();
            case WEEKDAY -> List.of("weekday", "weekend");
            // every date (month) with pings, also outside the areas, as the desktop's time domain
            default -> spark.sql("SELECT " + lab + " AS l FROM (SELECT DISTINCT " + key + " AS t FROM wb_pt) ORDER BY l")
                    .collectAsList().stream().map(r -> r.getString(0)).toList();
        };
        return write(out, "area_time", ScaleManifest.AREA_TIME, named, keys, cols, "area");
    }

    private Dataset<Row> withKeys(Dataset<Row> agg, Dataset<Row> keyTable, String column, String as) {
        if (keyTable == null) {
            return agg.withColumn(as, expr("CAST(" + column + " AS STRING)"));
        }
        return agg.join(org.apache.spark.sql.functions.broadcast(keyTable.withColumnRenamed("key", as)),
                agg.col(column).equalTo(col("idx"))).drop("idx");
    }

    private ScaleManifest.Table presence(Output out, Dataset<Row> keyTable, List<String> keys) {
        Dataset<Row> agg = spark.sql("WITH night AS (SELECT pid, area, count(*) AS n FROM wb_pt"
                + "   WHERE area IS NOT NULL AND hour < 5 GROUP BY pid, area),"
                // most night pings; ties: the lowest area key (areas are numbered in key order)
                + " home AS (SELECT pid, max_by(area, struct(n, -area)) AS home FROM night GROUP BY pid),"
                + " pa AS (SELECT area, hour, pid, count(*) AS n FROM wb_pt WHERE area IS NOT NULL GROUP BY area, hour, pid)"
                + " SELECT pa.area AS a, CAST(pa.hour AS STRING) AS time,"
                + "   CASE WHEN h.home IS NOT NULL AND h.home = pa.area THEN 'residents' ELSE 'visitors' END AS who,"
                + "   sum(pa.n) AS pings, count(*) AS devices"
                + " FROM pa LEFT JOIN home h ON h.pid = pa.pid GROUP BY pa.area, pa.hour, who");
        Dataset<Row> named = withKeys(agg, keyTable, "a", "area").select("area", "time", "who", "pings", "devices");
        return write(out, "presence", ScaleManifest.PRESENCE, named, keys, hours(), "area");
    }

    private List<ScaleManifest.Table> od(Output out, Dataset<Row> keyTable, List<String> keys) {
        Dataset<Row> trips = spark.sql("WITH l AS (SELECT pid, day, area,"
                + "   lag(area) OVER (PARTITION BY pid, day ORDER BY micros, area) AS prev FROM wb_pt WHERE area IS NOT NULL)"
                + " SELECT day, prev, area, pid, count(*) AS n FROM l WHERE prev IS NOT NULL AND prev <> area"
                + " GROUP BY day, prev, area, pid").persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            trips.createOrReplaceTempView("wb_trips");
            Dataset<Row> all = spark.sql("SELECT prev AS o, area AS d, sum(n) AS trips, count(*) AS devices FROM"
                    + " (SELECT prev, area, pid, sum(n) AS n FROM wb_trips GROUP BY prev, area, pid) GROUP BY prev, area");
            Dataset<Row> named = withKeys(withKeys(all, keyTable, "o", "origin"), keyTable, "d", "destination")
                    .select("origin", "destination", "trips", "devices");
            ScaleManifest.Table od = write(out, "od", ScaleManifest.OD, named, keys, keys, "origin");
            Dataset<Row> daily = spark.sql("SELECT date_format(date_from_unix_date(CAST(day AS INT)), 'yyyy-MM-dd') AS date,"
                    + " prev AS o, area AS d, sum(n) AS trips, count(*) AS devices FROM wb_trips GROUP BY day, prev, area");
            Dataset<Row> namedDaily = withKeys(withKeys(daily, keyTable, "o", "origin"), keyTable, "d", "destination")
                    .select("date", "origin", "destination", "trips", "devices");
            ScaleManifest.Table odDaily = write(out, "od_daily", ScaleManifest.OD_DAILY, namedDaily, keys, keys, "origin");
            return List.of(od, odDaily);
        } finally {
            trips.unpersist();
        }
    }

    private static List<String> hours() {
        List<String> h = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            h.add(Integer.toString(i));
        }
        return h;
    }

    /**
     * Writes a table (sorted, in one file unless large) and describes it. Row keys are the layer's keys, or for meshes
     * the codes present (sorted as text, as the desktop does).
     */
    private ScaleManifest.Table write(Output out, String name, String kind, Dataset<Row> rows, List<String> keys,
                                      List<String> cols, String rowColumn) {
        long t0 = System.nanoTime();
        cpu.step(name);
        Dataset<Row> cached = rows.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long n = cached.count();
            Dataset<Row> sorted = cached.orderBy(cached.columns()[0], cached.columns()[1], cached.columns()[2]);
            out.table(name, n <= 2_000_000 ? sorted.coalesce(1) : sorted);
            List<String> rowKeys = keys != null ? keys : cached.select(rowColumn).distinct().collectAsList().stream()
                    .map(r -> r.getString(0)).sorted().toList();
            seconds.put(name, (System.nanoTime() - t0) / 1e9);
            return new ScaleManifest.Table(name, kind, n, List.of(cached.columns()), rowKeys, cols);
        } finally {
            cached.unpersist();
        }
    }
}
