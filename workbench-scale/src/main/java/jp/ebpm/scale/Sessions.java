package jp.ebpm.scale;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a job. Settings that keep the job offline and private whatever the master:
 * no web UI, session time zone UTC (ping times are Japan local wall-clock times held as UTC-free micros, so no
 * conversion happens inside Spark), ANSI SQL (overflow and bad casts fail instead of giving NULL), and shuffle and
 * spill files encrypted (they hold pseudonymised rows). In local mode the driver binds to the loopback address.
 * Under {@code spark-submit} the master and resources come from spark-submit; {@code --master} overrides.
 */
final class Sessions {

    private Sessions() {
    }

    static SparkSession open(String appName, String master, boolean ioEncryption) {
        SparkConf conf = new SparkConf();
        String m = master != null ? master : conf.get("spark.master", "local[*]");
        SparkSession.Builder b = SparkSession.builder().appName(appName).master(m)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.ansi.enabled", "true")
                .config("spark.sql.parquet.compression.codec", "snappy")
                .config("spark.io.encryption.enabled", Boolean.toString(ioEncryption))
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.sources.partitionOverwriteMode", "static");
        if (m.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", Integer.toString(Math.max(4, 4 * cores(m))));
        }
        SparkSession s = b.getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }

    /** Cores of a local master: local → 1, local[n], local[*] → available processors. */
    static int cores(String master) {
        if (master.equals("local")) {
            return 1;
        }
        int i = master.indexOf('[');
        int j = master.indexOf(']');
        if (i < 0 || j < i) {
            return Runtime.getRuntime().availableProcessors();
        }
        String n = master.substring(i + 1, j).split(",")[0];
        if (n.equals("*")) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Math.max(1, Integer.parseInt(n));
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
