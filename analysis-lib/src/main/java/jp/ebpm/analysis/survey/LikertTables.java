package jp.ebpm.analysis.survey;

import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Likert items by a banner variable: per item the cross-tab (scale points × banner) with its top-2 and bottom-2
 * NET rows from the item's codebook scale ({@link LikertSummary#codebookNets}; an item without a codebook scale
 * uses its observed categories), and the Likert summary on the same scale. Each table goes through
 * {@link CrossTabEngine#run}, so the design (weight, raking margins) is the one every caller uses.
 *
 * @since 0.3
 */
public final class LikertTables {

    private LikertTables() {
    }

    /**
     * One computed item.
     *
     * @param variable the item's column
     * @param question its question text (or the column name)
     * @param table the cross-tab with the top-2 / bottom-2 NET rows (first the top box)
     * @param summary top-2 %, bottom-2 %, mean and base per banner column
     */
    public record Item(String variable, String question, CrossTab table, LikertSummary summary) {
    }

    /**
     * Tabulates the items by the banner.
     *
     * @param highIsTop whether the last two scale points are the top box
     */
    public static List<Item> run(Project project, String dataset, List<String> items, String banner, SurveyDesign design,
                                 Codebook codebook, boolean highIsTop, ProgressListener progress, Cancellation cancel) {
        List<Item> out = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            String item = items.get(k);
            cancel.check();
            if (progress != null) {
                progress.progress(item, k, items.size());
            }
            CrossTabSpec spec = new CrossTabSpec(dataset, item, banner, null, null, null, codebook, false, 0.05, List.of())
                    .withDesign(design);
            List<String> scale = LikertSummary.scale(codebook.variable(item).orElse(null));
            if (scale.size() < LikertSummary.MIN_POINTS) {
                // no codebook scale: the observed categories in order
                scale = CrossTabEngine.run(project, spec, null, cancel).overall().rows().stream().map(Category::code).toList();
            }
            List<CrossTabSpec.Net> nets = scale.size() >= LikertSummary.MIN_POINTS ? LikertSummary.nets(scale, highIsTop) : List.of();
            // the spec's own NET rows replace the codebook ones (same codes) when highIsTop reverses them
            CrossTab t = CrossTabEngine.run(project, spec.withNets(nets), null, cancel).overall();
            t = keepOnly(t, nets);
            out.add(new Item(item, SurveyTitles.question(codebook, item, false), t, LikertSummary.of(t, scale, highIsTop)));
        }
        if (progress != null) {
            progress.progress("Done", items.size(), items.size());
        }
        return out;
    }

    /** The table with only the given NET rows, in that order (prepare() may add the codebook's boxes again). */
    private static CrossTab keepOnly(CrossTab t, List<CrossTabSpec.Net> nets) {
        List<CrossTab.NetRow> rows = new ArrayList<>();
        for (CrossTabSpec.Net n : nets) {
            t.nets().stream().filter(r -> r.label().equals(n.label())).findFirst().ifPresent(rows::add);
        }
        return rows.size() == t.nets().size() ? t : t.withNets(rows);
    }
}
