package jp.ebpm.analysis.survey;

import java.util.List;

import jp.ebpm.analysis.stats.ContingencyTable;
import jp.ebpm.analysis.stats.Proportions;
import jp.ebpm.analysis.stats.RaoScott;

/**
 * One computed table (the whole data, or one layer value).
 *
 * @param layer the layer category, or null for the table over all respondents
 * @param rows row categories in display order
 * @param cols column categories in display order
 * @param table counts (weighted: Σw) with percentages and expected counts
 * @param tests the table the tests and residuals are computed on: the same as {@code table} except with
 *     sampling weights, where it is the weighted table scaled to the number of respondents n
 * @param unweighted respondents (rows) per cell
 * @param respondents respondents in the table (unweighted)
 * @param colBase percentage base of each column (weighted count; respondents with sampling weights)
 * @param raoScott Rao–Scott test, only with sampling weights (null otherwise or when not computable)
 * @param markers per cell "▲", "▼" or "" from the adjusted residual at level alpha
 * @param colLetters the letter of each column (A, B, ...)
 * @param letters per cell the letters of the columns whose proportion this cell's exceeds significantly
 * @param wilson per cell the Wilson 95% interval of the column proportion (0..1)
 * @param nets NET rows
 * @param missingRows rows of missing row values (only when requested), not part of any base
 * @param warnings plain-language warnings (small bases, empty table)
 */
public record CrossTab(Category layer, List<Category> rows, List<Category> cols, ContingencyTable table,
                       ContingencyTable tests, long[][] unweighted, long respondents, double[] colBase,
                       RaoScott raoScott, String[][] markers, List<String> colLetters, String[][] letters,
                       Proportions.Interval[][] wilson, List<NetRow> nets, List<MissingRow> missingRows,
                       List<String> warnings) {

    /** A NET row: combined counts, column % and significance letters. */
    public record NetRow(String label, double[] counts, double[] colPct, String[] letters) {
    }

    /** A row of a missing value (system missing or a codebook missing code), per column. */
    public record MissingRow(String code, String label, double[] counts) {
    }

    /** A copy with other NET rows. */
    public CrossTab withNets(List<NetRow> netRows) {
        return new CrossTab(layer, rows, cols, table, tests, unweighted, respondents, colBase, raoScott, markers, colLetters,
                letters, wilson, List.copyOf(netRows), missingRows, warnings);
    }

    /** True when the table has 2 rows and 2 columns. */
    public boolean isTwoByTwo() {
        return rows.size() == 2 && cols.size() == 2;
    }
}
