package jp.ebpm.analysis.survey;

import java.util.List;

/**
 * Likert summary of a cross-table whose rows are the scale points (in scale order) and whose columns are
 * a banner: per column the top-2-box share (first two scale points, e.g. そう思う + ある程度そう思う), the
 * bottom-2-box share (last two) and the mean score (Σ code·count / Σ count over valid answers; codebook
 * missing codes never enter). With {@code highIsTop} the last two points are the top box instead.
 * Significance letters of the boxes come from NET rows of the same table (see {@link #nets}).
 *
 * @param cols banner categories
 * @param top2Pct top-2-box % per column
 * @param bottom2Pct bottom-2-box % per column
 * @param mean mean score per column
 * @param base base n per column
 */
public record LikertSummary(List<Category> cols, double[] top2Pct, double[] bottom2Pct, double[] mean, double[] base) {

    /** The NET rows to add to a Likert cross-table spec: top-2 and bottom-2 boxes of the given scale codes. */
    public static List<CrossTabSpec.Net> nets(List<String> scaleCodes, boolean highIsTop) {
        int k = scaleCodes.size();
        if (k < 4) {
            throw new IllegalArgumentException("A Likert scale needs at least 4 points for top-2 and bottom-2 boxes");
        }
        List<String> first = scaleCodes.subList(0, 2);
        List<String> last = scaleCodes.subList(k - 2, k);
        return List.of(new CrossTabSpec.Net("Top-2", highIsTop ? last : first),
                new CrossTabSpec.Net("Bottom-2", highIsTop ? first : last));
    }

    /** Summarises a computed table (rows = scale points in order). */
    public static LikertSummary of(CrossTab t, boolean highIsTop) {
        int nr = t.rows().size();
        int nc = t.cols().size();
        double[] top = new double[nc];
        double[] bottom = new double[nc];
        double[] mean = new double[nc];
        double[][] counts = t.table().counts();
        for (int j = 0; j < nc; j++) {
            double total = t.table().colTotals()[j];
            double sum = 0;
            double weight = 0;
            for (int i = 0; i < nr; i++) {
                boolean first2 = i < 2;
                boolean last2 = i >= nr - 2;
                if (highIsTop ? last2 : first2) {
                    top[j] += counts[i][j];
                }
                if (highIsTop ? first2 : last2) {
                    bottom[j] += counts[i][j];
                }
                Double score = t.rows().get(i).numeric();
                if (score != null) {
                    sum += score * counts[i][j];
                    weight += counts[i][j];
                }
            }
            top[j] = total > 0 ? 100 * top[j] / total : Double.NaN;
            bottom[j] = total > 0 ? 100 * bottom[j] / total : Double.NaN;
            mean[j] = weight > 0 ? sum / weight : Double.NaN;
        }
        return new LikertSummary(t.cols(), top, bottom, mean, t.colBase());
    }
}
