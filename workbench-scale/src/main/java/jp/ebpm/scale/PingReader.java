package jp.ebpm.scale;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import jp.ebpm.analysis.privacy.crypto.Pseudonymizer;
import jp.ebpm.analysis.privacy.location.ColumnDetector;
import jp.ebpm.analysis.privacy.location.TimeParser;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.udf;

/**
 * Reads pings (Parquet, or CSV with a header) from any URI Spark reads and turns them into the job's base rows
 * {@code pid BIGINT, micros BIGINT, lat DOUBLE, lon DOUBLE}:
 * <ul>
 *   <li>the id becomes its keyed pseudonym ({@link Pseudonymizer}: the first 8 bytes of HMAC-SHA-256 with the data
 *       holder's key) in the first stage that reads it, so raw ids never reach a shuffle, a cache or an output;</li>
 *   <li>the time becomes Japan local time in microseconds since 1970-01-01 00:00 with the desktop's
 *       {@link TimeParser} (text), or from a Parquet TIMESTAMP_NTZ (taken as local) or TIMESTAMP (converted to
 *       Asia/Tokyo);</li>
 *   <li>a row with an empty id, a time that is not a time, or a coordinate that is not a number in range fails the
 *       job with the column and the file named (never the value), as the desktop import does.</li>
 * </ul>
 * Column names are found as the desktop finds them ({@link ColumnDetector}) unless given.
 */
final class PingReader {

    /** The columns to use (null: detect). */
    record Columns(String id, String time, String lat, String lon) {
    }

    private PingReader() {
    }

    /** Reads a Parquet or CSV source; the format follows the extension unless given. */
    static Dataset<Row> load(SparkSession spark, String input, String format, String encoding) {
        String f = format(input, format);
        try {
            if (f.equals("csv")) {
                return spark.read().option("header", "true").option("inferSchema", "false")
                        .option("encoding", encoding == null ? "UTF-8" : encoding).option("mode", "FAILFAST").csv(input);
            }
            return spark.read().parquet(input);
        } catch (Exception e) { // Spark's AnalysisException is a checked exception Scala does not declare
            throw new JobException("Cannot read " + input + ": " + Failures.sparkMessage(e), e);
        }
    }

    static String format(String input, String format) {
        if (format != null && !format.equalsIgnoreCase("auto")) {
            String f = format.toLowerCase(Locale.ROOT);
            if (!f.equals("csv") && !f.equals("parquet")) {
                throw new JobException("--format must be parquet, csv or auto, not \"" + format + "\".");
            }
            return f;
        }
        String n = input.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".csv.gz") || n.endsWith(".txt") || n.endsWith(".tsv") ? "csv" : "parquet";
    }

    /** The base rows of a pings source. The key is copied into the hashing function; the caller wipes its copy. */
    static Dataset<Row> pings(Dataset<Row> src, Columns cols, byte[] key, String inputName) {
        List<String> headers = Arrays.asList(src.columns());
        String id = column(headers, cols.id(), ColumnDetector.ID, "id", "--id-col", inputName);
        String time = column(headers, cols.time(), ColumnDetector.TIME, "time", "--time-col", inputName);
        String lat = column(headers, cols.lat(), ColumnDetector.LAT, "latitude", "--lat-col", inputName);
        String lon = column(headers, cols.lon(), ColumnDetector.LON, "longitude", "--lon-col", inputName);
        SparkSession spark = src.sparkSession();
        UserDefinedFunction hash = udf(new Hash(key), DataTypes.LongType);
        spark.udf().register("wb_pseudonym", hash);
        spark.udf().register("wb_parse_time", udf(new ParseTime(), DataTypes.LongType));
        DataType timeType = type(src, time);
        String t = q(time);
        String micros;
        if (timeType.equals(DataTypes.TimestampNTZType)) {
            micros = "unix_micros(CAST(" + t + " AS TIMESTAMP))";
        } else if (timeType.equals(DataTypes.TimestampType)) {
            micros = "unix_micros(from_utc_timestamp(" + t + ", 'Asia/Tokyo'))";
        } else {
            micros = "wb_parse_time(CAST(" + t + " AS STRING))";
        }
        Dataset<Row> typed = src.select(
                callUDF("wb_pseudonym", expr("CAST(" + q(id) + " AS STRING)")).as("pid"),
                expr(micros).as("micros"),
                expr("try_cast(" + q(lat) + " AS DOUBLE)").as("lat"),
                expr("try_cast(" + q(lon) + " AS DOUBLE)").as("lon"));
        return typed.select(
                check("pid", "pid IS NULL", id, "the id is empty"),
                check("micros", "micros IS NULL", time, "not a date and time (expected e.g. 2026-04-01 08:30:00)"),
                check("lat", "lat IS NULL OR NOT (lat BETWEEN -90 AND 90)", lat,
                        "not a number in [-90, 90]"),
                check("lon", "lon IS NULL OR NOT (lon BETWEEN -180 AND 180)", lon,
                        "not a number in [-180, 180]"));
    }

    private static Column check(String c, String bad, String sourceColumn, String message) {
        return expr("CASE WHEN " + bad + " THEN raise_error(concat(" + Failures.literal(Failures.MARK + "column \""
                + sourceColumn + "\": " + message + " (in ") + ", input_file_name(), ')')) ELSE " + c + " END").as(c);
    }

    private static DataType type(Dataset<Row> src, String column) {
        for (StructField f : src.schema().fields()) {
            if (f.name().equals(column)) {
                return f.dataType();
            }
        }
        return DataTypes.StringType;
    }

    static String column(List<String> headers, String explicit, List<String> candidates, String what, String option,
                         String inputName) {
        int i;
        try {
            i = ColumnDetector.find(headers, explicit, candidates);
        } catch (IllegalArgumentException e) {
            throw new JobException(inputName + ": " + e.getMessage());
        }
        if (i < 0) {
            throw new JobException(inputName + ": no " + what + " column found (columns: " + String.join(", ", headers)
                    + "). Name it with " + option + ".");
        }
        return headers.get(i);
    }

    /** A back-quoted Spark SQL identifier. */
    static String q(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** The keyed pseudonym of an id; memoises recent ids per task (ids repeat once per ping). */
    static final class Hash implements UDF1<String, Long> {
        private static final long serialVersionUID = 1L;
        private final byte[] key;
        private transient Pseudonymizer pz;
        private transient Map<String, Long> memo;

        Hash(byte[] key) {
            this.key = key.clone();
        }

        @Override
        public Long call(String id) {
            if (id == null) {
                return null;
            }
            String s = id.strip();
            if (s.isEmpty()) {
                return null;
            }
            if (pz == null) {
                pz = Pseudonymizer.withKey(key);
                memo = new HashMap<>();
            }
            Long v = memo.get(s);
            if (v == null) {
                if (memo.size() >= 200_000) {
                    memo.clear();
                }
                v = pz.pseudonym(s);
                memo.put(s, v);
            }
            return v;
        }
    }

    /** Japan local micros of a time text, or null. */
    static final class ParseTime implements UDF1<String, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long call(String s) {
            if (s == null) {
                return null;
            }
            long m = TimeParser.parseMicros(s);
            return m == Long.MIN_VALUE ? null : m;
        }
    }
}
