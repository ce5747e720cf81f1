package jp.ebpm.analysis.survey;

/**
 * Titles of tables and charts from the codebook's question texts, not variable names: "お住まいの区 × 性別".
 * One rule for the app's charts and grids, exported workbooks and report items.
 *
 * @since 0.3
 */
public final class SurveyTitles {

    private SurveyTitles() {
    }

    /**
     * The question text of a variable (English when asked and the codebook has one), or its name when the codebook
     * has no question for it.
     */
    public static String question(Codebook codebook, String variable, boolean english) {
        if (variable == null) {
            return "";
        }
        return codebook.variable(variable).map(v -> english && v.questionEn() != null ? v.questionEn() : v.question())
                .filter(q -> !q.isBlank()).orElse(variable);
    }

    /** The title of a cross-tab: row question × column question, and the layer value when the table is one layer's. */
    public static String table(CrossTabSpec spec, Category layer, boolean english) {
        String t = question(spec.codebook(), spec.rowVar(), english) + " × " + question(spec.codebook(), spec.colVar(), english);
        if (layer != null) {
            t += " [" + question(spec.codebook(), spec.layerVar(), english) + " = " + layer.label() + "]";
        }
        return t;
    }

    /** The variables behind a title, for a note or subtitle: "q1 × ward (layer age_group)". */
    public static String variables(CrossTabSpec spec) {
        return spec.rowVar() + " × " + spec.colVar() + (spec.layerVar() == null ? "" : " (layer " + spec.layerVar() + ")");
    }
}
