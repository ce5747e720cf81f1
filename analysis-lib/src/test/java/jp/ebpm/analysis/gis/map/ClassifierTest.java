package jp.ebpm.analysis.gis.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.ebpm.analysis.gis.TestCsv;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    @Test
    void breaksCountsAndFitMatchClassInt() {
        // Source: vectors/classification classint_breaks.csv (R classInt 0.4.9 classIntervals, breaks incl. min and max).
        List<Map<String, String>> rows = TestCsv.read(getClass(), "classint_breaks.csv");
        assertEquals(20, rows.size());
        for (Map<String, String> r : rows) {
            double[] x = TestCsv.read(getClass(), r.get("dataset")).stream()
                    .mapToDouble(m -> Double.parseDouble(m.get("value"))).toArray();
            int k = Integer.parseInt(r.get("k"));
            Classification c = Classifier.classify(x, k, ClassMethod.parse(r.get("style")), null);
            double[] expected = Arrays.stream(r.get("breaks").split(";")).mapToDouble(Double::parseDouble).toArray();
            int[] counts = Arrays.stream(r.get("class_counts").split(";")).mapToInt(Integer::parseInt).toArray();
            String what = r.get("call") + " on " + r.get("dataset");
            assertArrayEquals(expected, c.breaks(), 1e-9, what);
            assertArrayEquals(counts, c.counts(), what);
            assertEquals(Double.parseDouble(r.get("gvf")), c.gvf(), 1e-9, what);
        }
    }

    @Test
    void fastJenksOnLargeInputsReachesTheExactOptimum() {
        // Brute-force Fisher DP (written here independently) on 2,100 distinct values vs the divide-and-conquer path.
        java.util.Random r = new java.util.Random(5);
        double[] x = new double[2100];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(r.nextGaussian()) + i * 1e-9;
        }
        Classification c = Classifier.classify(x, 5, ClassMethod.JENKS, null);
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        double[] p1 = new double[n + 1];
        double[] p2 = new double[n + 1];
        for (int i = 0; i < n; i++) {
            p1[i + 1] = p1[i] + s[i];
            p2[i + 1] = p2[i] + s[i] * s[i];
        }
        double[] prev = new double[n + 1];
        for (int j = 1; j <= n; j++) {
            prev[j] = p2[j] - p1[j] * p1[j] / j;
        }
        for (int k = 1; k < 5; k++) {
            double[] cur = new double[n + 1];
            for (int j = k + 1; j <= n; j++) {
                double best = Double.POSITIVE_INFINITY;
                for (int i = k; i < j; i++) {
                    double w = j - i;
                    double sum = p1[j] - p1[i];
                    best = Math.min(best, prev[i] + (p2[j] - p2[i]) - sum * sum / w);
                }
                cur[j] = best;
            }
            prev = cur;
        }
        double mean = p1[n] / n;
        double sdam = p2[n] - n * mean * mean;
        assertEquals(1 - prev[n] / sdam, c.gvf(), 1e-9);
    }

    @Test
    void standardDeviationBreaksAreAtWholeSdsFromTheMean() {
        // Hand computation: 1..9 has mean 5, sd sqrt(7.5) = 2.7386; breaks 1, 2.2614, 5, 7.7386, 9.
        Classification c = Classifier.classify(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 5, ClassMethod.STDDEV, null);
        assertArrayEquals(new double[] {1, 5 - Math.sqrt(7.5), 5, 5 + Math.sqrt(7.5), 9}, c.breaks(), 1e-12);
        assertArrayEquals(new int[] {2, 2, 3, 2}, c.counts());
    }

    @Test
    void manualBreaksAndMissingValues() {
        Classification c = Classifier.classify(new double[] {0, 5, Double.NaN, 10, 20}, 0, ClassMethod.MANUAL,
                new double[] {0, 10, 20});
        assertArrayEquals(new int[] {2, 2}, c.counts());
        assertEquals(-1, c.classOf(Double.NaN));
        assertEquals(-1, c.classOf(25));
    }
}
