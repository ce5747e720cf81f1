package jp.ebpm.analysis.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.ebpm.analysis.store.Project;

/** Loads the copied reference vectors (see resources/jp/ebpm/analysis/survey/vectors/README.md). */
final class VectorSupport {

    static final String ROOT = "/jp/ebpm/analysis/survey/vectors/";

    private VectorSupport() {
    }

    static JsonNode json(String resource) {
        try (InputStream in = VectorSupport.class.getResourceAsStream(ROOT + resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a resource to a file in dir. */
    static Path file(String resource, Path dir) {
        try (InputStream in = VectorSupport.class.getResourceAsStream(ROOT + resource)) {
            Path p = dir.resolve(Path.of(resource).getFileName().toString());
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a vector CSV into table {@code t} of the project. */
    static void loadCsv(Project p, String resource, Path dir, String table) {
        Path csv = file(resource, dir);
        try (Connection c = p.connect()) {
            CsvTable.load(c, csv, StandardCharsets.UTF_8, table);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Relative 1e-6 (absolute 1e-12 near zero). */
    static void close(double expected, double actual, String what) {
        double tol = 1e-6 * Math.abs(expected) + 1e-12;
        assertTrue(Math.abs(expected - actual) <= tol, what + ": expected " + expected + " but was " + actual);
    }

    static void close(JsonNode expected, double[][] actual, String what) {
        assertEquals(expected.size(), actual.length, what + " rows");
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected.get(i).size(), actual[i].length, what + " columns");
            for (int j = 0; j < actual[i].length; j++) {
                close(expected.get(i).get(j).asDouble(), actual[i][j], what + "[" + i + "][" + j + "]");
            }
        }
    }

    static void close(JsonNode expected, double[] actual, String what) {
        assertEquals(expected.size(), actual.length, what + " length");
        for (int i = 0; i < actual.length; i++) {
            close(expected.get(i).asDouble(), actual[i], what + "[" + i + "]");
        }
    }
}
