package jp.ebpm.analysis.survey;

import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;

/**
 * A raking margin and the respondents do not match: respondents in a category with no population target, or a
 * target for a category nobody is in. Carries the margin's variables and the category codes so that callers can name
 * the category by its codebook labels ({@link #labelled}) and suggest what to do.
 *
 * @since 0.3
 */
public final class RakingGap extends WorkbenchException {

    private static final long serialVersionUID = 1L;

    /** Which way the margin and the data disagree. */
    public enum Kind {
        /** Respondents in a category without a population target. */
        NO_TARGET,
        /** A population target for a category without respondents. */
        NO_RESPONDENTS
    }

    private final Kind kind;
    private final List<String> variables;
    private final List<String> codes;

    public RakingGap(Kind kind, List<String> variables, List<String> codes) {
        super(message(kind, variables, codes, null));
        this.kind = kind;
        this.variables = List.copyOf(variables);
        this.codes = List.copyOf(codes);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> variables() {
        return variables;
    }

    public List<String> codes() {
        return codes;
    }

    /**
     * The same problem in words with the codebook's labels, e.g. "sex×age_group = その他×18～19歳 has respondents but no
     * population target", and a suggestion.
     */
    public WorkbenchException labelled(Codebook codebook) {
        return new WorkbenchException(message(kind, variables, codes, codebook), this);
    }

    /**
     * The margin and the category, named by the codebook's labels where it has them (null: codes only), e.g.
     * "sex×age_group = その他 (3)×18～19歳 (1)": for callers that word the problem in the user's language.
     */
    public String category(Codebook codebook) {
        return category(variables, codes, codebook);
    }

    private static String message(Kind kind, List<String> variables, List<String> codes, Codebook codebook) {
        String what = category(variables, codes, codebook);
        return kind == Kind.NO_TARGET
                ? what + " has respondents but no population target. Collapse this category into a neighbouring one"
                        + " (recode it), leave these respondents out of the weighting (they get an empty weight: \"leave out\" in"
                        + " the raking dialog, --leave-out-unmatched on the command line), or leave " + String.join("+", variables)
                        + " out of the margins."
                : what + " has a population target but no respondent, so it cannot be met. Merge it with a neighbouring"
                        + " category in both the data and the population table, or remove it from the margin.";
    }

    private static String category(List<String> variables, List<String> codes, Codebook codebook) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String var = i < variables.size() ? variables.get(i) : null;
            String label = codebook == null || var == null ? code
                    : codebook.variable(var).flatMap(v -> v.value(Category.canonical(code)).or(() -> v.value(code)))
                            .map(Codebook.Value::label).orElse(code);
            labels.add(label.equals(code) ? code : label + " (" + code + ")");
        }
        return String.join("×", variables) + " = " + String.join("×", labels);
    }
}
