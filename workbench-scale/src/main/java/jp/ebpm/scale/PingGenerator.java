package jp.ebpm.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import jp.ebpm.analysis.privacy.location.SyntheticPings;

/**
 * The job's own generator of synthetic pings as Parquet, for tests and benchmarks: the desktop's
 * {@link SyntheticPings} split by device ranges over Spark tasks, so {@code --rows N --seed S} gives exactly the rows
 * the desktop generates for the same N and S (same ids, times, positions), at any parallelism. Columns:
 * {@code device_id STRING, timestamp TIMESTAMP_NTZ (Japan local), lat DOUBLE, lon DOUBLE, accuracy INT,
 * age_band STRING, sex STRING}.
 */
final class PingGenerator {

    static final StructType SCHEMA = new StructType()
            .add("device_id", DataTypes.StringType, false)
            .add("timestamp", DataTypes.TimestampNTZType, false)
            .add("lat", DataTypes.DoubleType, false)
            .add("lon", DataTypes.DoubleType, false)
            .add("accuracy", DataTypes.IntegerType, false)
            .add("age_band", DataTypes.StringType, false)
            .add("sex", DataTypes.StringType, false);

    private PingGenerator() {
    }

    /** The pings as a Dataset in {@code partitions} device ranges. */
    static Dataset<Row> pings(SparkSession spark, long rows, long seed, int partitions) {
        if (rows < 1) {
            throw new JobException("--rows must be at least 1.");
        }
        long devices = SyntheticPings.devicesFor(rows);
        int parts = (int) Math.max(1, Math.min(partitions, devices));
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            idx.add(i);
        }
        JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(idx, parts)
                .mapPartitions(it -> {
                    List<Iterator<Row>> out = new ArrayList<>();
                    while (it.hasNext()) {
                        int p = it.next();
                        long first = devices * p / parts;
                        long end = devices * (p + 1) / parts;
                        out.add(new Rows(rows, seed, first, end));
                    }
                    return out.isEmpty() ? java.util.Collections.emptyIterator() : out.get(0);
                });
        return spark.createDataFrame(rdd, SCHEMA);
    }

    /** Writes the pings as Parquet to a new folder. */
    static void write(SparkSession spark, long rows, long seed, int partitions, String out) {
        pings(spark, rows, seed, partitions).write().mode(SaveMode.ErrorIfExists).parquet(out);
    }

    /** Rows of a device range, generated device by device. */
    private static final class Rows implements Iterator<Row> {
        private final SyntheticPings gen = new SyntheticPings();
        private final ArrayDeque<Row> buffer = new ArrayDeque<>();
        private final long rows;
        private final long seed;
        private final long end;
        private long next;

        Rows(long rows, long seed, long first, long end) {
            this.rows = rows;
            this.seed = seed;
            this.next = first;
            this.end = end;
        }

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty() && next < end) {
                try {
                    gen.generateDevices(rows, seed, next, next + 1, (id, micros, lat, lon, acc, age, sex) ->
                            buffer.add(RowFactory.create(id, LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                                    (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC), lat, lon, acc, age, sex)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                next++;
            }
            return !buffer.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.poll();
        }
    }
}
