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

    /** Label of the top-2-box NET row. */
    public static final String TOP2 = "Top-2";
    /** Label of the bottom-2-box NET row. */
    public static final String BOTTOM2 = "Bottom-2";
    /** The fewest scale points for top-2 and bottom-2 boxes. */
    public static final int MIN_POINTS = 4;

    /**
     * The scale of a variable: its codebook values in codebook order, missing codes left out (empty when the
     * variable has no codebook entry). The one rule for the NET rows of the command line and the app.
     */
    public static List<String> scale(Codebook.Variable v) {
        if (v == null) {
            return List.of();
        }
        return v.values().stream().map(Codebook.Value::code).filter(c -> !v.missingCodes().contains(c)).toList();
    }

    /**
     * The NET rows a Likert item gets wherever it is tabulated (command line, Cross-tab tab, Likert mode, reports):
     * top-2 and bottom-2 boxes of its codebook scale ({@link #scale}) when the codebook types it {@code likert}
     * and the scale has at least {@value #MIN_POINTS} points; none otherwise. The first two points are the top box
     * unless {@code highIsTop}.
     */
    public static List<CrossTabSpec.Net> codebookNets(Codebook codebook, String variable, boolean highIsTop) {
        Codebook.Variable v = codebook == null || variable == null ? null : codebook.variable(variable).orElse(null);
        if (v == null || v.type() != VariableType.LIKERT) {
            return List.of();
        }
        List<String> scale = scale(v);
        return scale.size() < MIN_POINTS ? List.of() : nets(scale, highIsTop);
    }

    /** The NET rows to add to a Likert cross-table spec: top-2 and bottom-2 boxes of the given scale codes. */
    public static List<CrossTabSpec.Net> nets(List<String> scaleCodes, boolean highIsTop) {
        int k = scaleCodes.size();
        if (k < MIN_POINTS) {
            throw new IllegalArgumentException("A Likert scale needs at least 4 points for top-2 and bottom-2 boxes");
        }
        List<String> first = scaleCodes.subList(0, 2);
        List<String> last = scaleCodes.subList(k - 2, k);
        return List.of(new CrossTabSpec.Net(TOP2, highIsTop ? last : first),
                new CrossTabSpec.Net(BOTTOM2, highIsTop ? first : last));
    }

    /** Summarises a computed table on its observed rows as the scale (rows = scale points in order). */
    public static LikertSummary of(CrossTab t, boolean highIsTop) {
        return of(t, t.rows().stream().map(Category::code).toList(), highIsTop);
    }

    /**
     * Summarises a computed table on a scale (codes in scale order, e.g. {@link #scale} of the codebook): the boxes
     * are the first and last two scale points, whether or not every point was answered, so they agree with the
     * NET rows of {@link #codebookNets}.
     */
    public static LikertSummary of(CrossTab t, List<String> scale, boolean highIsTop) {
        int k = scale.size();
        java.util.Set<String> first = canonical(scale.subList(0, Math.min(2, k)));
        java.util.Set<String> last = canonical(scale.subList(Math.max(0, k - 2), k));
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
                String code = Category.canonical(t.rows().get(i).code());
                boolean first2 = first.contains(code);
                boolean last2 = last.contains(code);
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

    /** The canonical codes of a list ({@code 1.0} and {@code 1} are the same). */
    static java.util.Set<String> canonical(List<String> codes) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String c : codes) {
            out.add(Category.canonical(c));
        }
        return out;
    }
}
