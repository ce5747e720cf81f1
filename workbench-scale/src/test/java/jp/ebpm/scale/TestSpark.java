package jp.ebpm.scale;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.spark.sql.SparkSession;

import jp.ebpm.analysis.privacy.location.AreaLayer;

/**
 * One local Spark session for the tests of the module (local[2], loopback only, no UI; made anew after a command-line
 * test stopped it), and shared fixtures.
 */
final class TestSpark {

    /** A test key of 40 bytes. */
    static final byte[] KEY = "test key of the data holder, 40 bytes..!".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static SparkSession session;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            session = Sessions.open("workbench-scale tests", "local[2]", true);
        }
        return session;
    }

    /** The desktop's bundled Kawasaki wards as a GeoJSON file. */
    static Path wards(Path dir) throws IOException {
        Path f = dir.resolve("wards.geojson");
        try (InputStream in = AreaLayer.class.getResourceAsStream("kawasaki-wards.geojson")) {
            Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
        }
        return f;
    }
}
