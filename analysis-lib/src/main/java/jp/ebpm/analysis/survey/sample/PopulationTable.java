package jp.ebpm.analysis.survey.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.ebpm.analysis.io.CsvWriter;

/**
 * The raking population of the sample survey: Kawasaki residents aged 18–79 by ward × sex × age group.
 * Ward × sex totals are REAL (神奈川県「神奈川県人口統計調査」令和3年10月, all ages); the share aged 18–79
 * and its split into age groups are SYNTHETIC (one fixed distribution for every ward and sex, see
 * {@link #AGE_SHARE}), because the real file has no age breakdown.
 */
final class PopulationTable {

    /** Real: ward code, male, female (all ages), 2021-10. */
    static final long[][] WARD_SEX = {
        {14131, 124400, 107207}, {14132, 86392, 84481}, {14133, 134071, 130724}, {14134, 116421, 118285},
        {14135, 113683, 109773}, {14136, 113676, 120852}, {14137, 87441, 93753}};
    /** Synthetic: share of all residents in each age group 18-19, 20-29, ..., 70-79 (sum 0.78). */
    static final double[] AGE_SHARE = {0.020, 0.125, 0.150, 0.165, 0.140, 0.100, 0.080};

    private PopulationTable() {
    }

    static void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = CsvWriter.forSpreadsheets(w);
            csv.row("ward", "sex", "age_group", "population");
            for (long[] ward : WARD_SEX) {
                for (int s = 1; s <= 2; s++) {
                    for (int a = 0; a < AGE_SHARE.length; a++) {
                        csv.row(ward[0], s, a + 1, Math.round(ward[s] * AGE_SHARE[a]));
                    }
                }
            }
            csv.flush();
        }
    }
}
