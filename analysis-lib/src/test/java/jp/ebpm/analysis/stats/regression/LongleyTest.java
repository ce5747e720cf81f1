package jp.ebpm.analysis.stats.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.io.ImportOptions;
import jp.ebpm.analysis.io.Importer;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * NIST Statistical Reference Datasets (StRD), linear regression, "Longley" (higher difficulty): Longley, J. W.
 * (1967), "An Appraisal of Least Squares Programs for the Electronic Computer from the Point of View of the
 * User", JASA 62, 819–841. Data (16 observations; y = total employment, x1 = GNP implicit price deflator,
 * x2 = GNP, x3 = unemployed, x4 = armed forces, x5 = population ≥ 14, x6 = year) and certified values typed
 * in from the public file Longley.dat of the NIST StRD (https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml).
 * The model is y = b0 + b1·x1 + … + b6·x6. Requirement: at least 9 correct significant digits on every
 * certified value, checked as relative error ≤ 5e-10.
 */
class LongleyTest {

    /** y, x1 … x6 from Longley.dat. */
    static final double[][] DATA = {
        {60323, 83.0, 234289, 2356, 1590, 107608, 1947},
        {61122, 88.5, 259426, 2325, 1456, 108632, 1948},
        {60171, 88.2, 258054, 3682, 1616, 109773, 1949},
        {61187, 89.5, 284599, 3351, 1650, 110929, 1950},
        {63221, 96.2, 328975, 2099, 3099, 112075, 1951},
        {63639, 98.1, 346999, 1932, 3594, 113270, 1952},
        {64989, 99.0, 365385, 1870, 3547, 115094, 1953},
        {63761, 100.0, 363112, 3578, 3350, 116219, 1954},
        {66019, 101.2, 397469, 2904, 3048, 117388, 1955},
        {67857, 104.6, 419180, 2822, 2857, 118734, 1956},
        {68169, 108.4, 442769, 2936, 2798, 120445, 1957},
        {66513, 110.8, 444546, 4681, 2637, 121950, 1958},
        {68655, 112.6, 482704, 3813, 2552, 123366, 1959},
        {69564, 114.2, 502601, 3931, 2514, 125368, 1960},
        {69331, 115.7, 518173, 4806, 2572, 127852, 1961},
        {70551, 116.9, 554894, 4007, 2827, 130081, 1962},
    };

    // NIST certified values (Longley.dat): estimates and standard deviations of b0 … b6
    static final double[] CERT_B = {-3482258.63459582, 15.0618722713733, -0.358191792925910E-01, -2.02022980381683,
        -1.03322686717359, -0.511041056535807E-01, 1829.15146461355};
    static final double[] CERT_SE = {890420.383607373, 84.9149257747669, 0.334910077722432E-01, 0.488399681651699,
        0.214274163161675, 0.226073200069370, 455.478499142212};
    static final double CERT_RESIDUAL_SD = 304.854073561965;
    static final double CERT_R2 = 0.995479004577296;
    static final double CERT_F = 330.285339234588;
    static final double CERT_RESIDUAL_SS = 836424.055505915;

    @TempDir
    Path dir;

    static void near9(double certified, double actual, String what) {
        double rel = Math.abs(actual - certified) / Math.abs(certified);
        assertTrue(rel <= 5e-10, what + ": certified " + certified + ", got " + actual + " (relative error " + rel + ")");
    }

    @Test
    void meetsEveryCertifiedValueToNineDigits() throws Exception {
        StringBuilder csv = new StringBuilder("y,x1,x2,x3,x4,x5,x6\n");
        for (double[] r : DATA) {
            csv.append(String.format(java.util.Locale.ROOT, "%.0f,%.1f,%.0f,%.0f,%.0f,%.0f,%.0f%n", r[0], r[1], r[2], r[3], r[4], r[5], r[6]));
        }
        Path file = dir.resolve("longley.csv");
        Files.writeString(file, csv);
        try (Project p = Project.create(dir.resolve("p"))) {
            Importer.importFile(p, file, ImportOptions.defaults().withName("longley"), ProgressListener.NONE, Cancellation.none());
            OlsResult r = Regression.fit(p, RegressionSpec.of("longley", "y ~ x1 + x2 + x3 + x4 + x5 + x6"),
                    ProgressListener.NONE, Cancellation.none());
            assertEquals(16, r.n());
            assertEquals(java.util.List.of("(Intercept)", "x1", "x2", "x3", "x4", "x5", "x6"), r.terms());
            for (int j = 0; j < 7; j++) {
                near9(CERT_B[j], r.coef()[j], "b" + j);
                near9(CERT_SE[j], r.se()[j], "sd(b" + j + ")");
            }
            near9(CERT_RESIDUAL_SD, r.sigma(), "residual SD");
            near9(CERT_R2, r.r2(), "R²");
            near9(CERT_F, r.f(), "F");
            near9(CERT_RESIDUAL_SS, r.sigma() * r.sigma() * r.fDf2(), "residual SS");
            assertEquals(6, r.fDf1());
            assertEquals(9, r.fDf2());
        }
    }

    @Test
    void streamingQrGivesTheSameRAsOneBlock() {
        // the block size must not change the answer: fold the rows one at a time through merges of
        // single-row accumulators and compare with the plain accumulator (to round-off)
        StreamingQr whole = new StreamingQr(8);
        StreamingQr merged = new StreamingQr(8);
        for (double[] r : DATA) {
            double[] row = {1, r[1], r[2], r[3], r[4], r[5], r[6], r[0]};
            whole.add(row);
            StreamingQr one = new StreamingQr(8);
            one.add(row);
            merged.merge(one);
        }
        LinearFit a = new LinearFit(whole.r(), true);
        LinearFit b = new LinearFit(merged.r(), true);
        for (int j = 0; j < 7; j++) {
            near9(CERT_B[j], a.beta[j], "whole b" + j);
            near9(CERT_B[j], b.beta[j], "merged b" + j);
        }
    }
}
