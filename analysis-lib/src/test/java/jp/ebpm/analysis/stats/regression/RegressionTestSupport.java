package jp.ebpm.analysis.stats.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.ebpm.analysis.io.ImportOptions;
import jp.ebpm.analysis.io.Importer;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/** Loading the R reference vectors of this package's test resources and comparing numbers relatively. */
final class RegressionTestSupport {

    private RegressionTestSupport() {
    }

    /** Imports a resource CSV into the project under its base name (as a user would, with sniffed types). */
    static String importResource(Project p, Path dir, String csv) throws IOException {
        Path file = dir.resolve(csv);
        try (InputStream in = RegressionTestSupport.class.getResourceAsStream(csv)) {
            Files.copy(in, file);
        }
        String name = csv.replace(".csv", "");
        Importer.importFile(p, file, ImportOptions.defaults().withName(name), ProgressListener.NONE, Cancellation.none());
        return name;
    }

    static JsonNode expected(String name) throws IOException {
        try (InputStream in = RegressionTestSupport.class.getResourceAsStream(name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static double[] array(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** |actual − expected| ≤ rel·|expected| (absolute rel when expected is 0). */
    static void near(double expected, double actual, double rel, String what) {
        double tol = expected == 0 ? rel : rel * Math.abs(expected);
        assertTrue(Math.abs(actual - expected) <= tol,
                what + ": expected " + expected + " but was " + actual + " (relative error "
                        + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }

    static void near(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            near(expected[i], actual[i], rel, what + "[" + i + "]");
        }
    }

    /** p-values: 1e-8 relative, 1e-6 below 1e-10 (the vectors' README); R's 0 (underflow) as below 1e-300. */
    static void nearP(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == 0) {
                assertTrue(actual[i] < 1e-300, what + "[" + i + "] = " + actual[i]);
            } else {
                near(expected[i], actual[i], expected[i] < 1e-10 ? 1e-6 : 1e-8, what + "[" + i + "]");
            }
        }
    }
}
