package jp.ebpm.analysis.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A survey codebook: for each variable its question text, type, value labels in category order and
 * missing codes. File formats are described in {@code docs/survey.md} ({@link CodebookIo}).
 *
 * @param variables the variables in questionnaire order
 */
public record Codebook(List<Variable> variables) {

    /** One value (category) of a variable. */
    public record Value(String code, String labelJa, String labelEn) {
        /** The Japanese label, or the English one, or the code. */
        public String label() {
            if (labelJa != null && !labelJa.isBlank()) {
                return labelJa;
            }
            return labelEn != null && !labelEn.isBlank() ? labelEn : code;
        }
    }

    /**
     * A variable.
     *
     * @param name column name in the dataset
     * @param question question text (Japanese, or as written in the questionnaire)
     * @param type variable type
     * @param values value labels in category order
     * @param missingCodes codes meaning "no answer" etc., left out of percentage bases
     * @param members for {@link VariableType#MULTI_BINARY}: the 0/1 columns of the set
     * @param questionEn English question text, or null
     */
    public record Variable(String name, String question, VariableType type, List<Value> values,
                           Set<String> missingCodes, List<String> members, String questionEn) {
        public Variable {
            question = question == null ? "" : question;
            values = List.copyOf(values);
            missingCodes = Set.copyOf(missingCodes);
            members = List.copyOf(members);
            questionEn = questionEn == null || questionEn.isBlank() ? null : questionEn;
        }

        /** A variable without an English question text. */
        public Variable(String name, String question, VariableType type, List<Value> values,
                        Set<String> missingCodes, List<String> members) {
            this(name, question, type, values, missingCodes, members, null);
        }

        /** The value with this code. */
        public Optional<Value> value(String code) {
            return values.stream().filter(v -> v.code().equals(code)).findFirst();
        }
    }

    public Codebook {
        variables = List.copyOf(variables);
    }

    /** The variable of this name. */
    public Optional<Variable> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** An empty codebook. */
    public static Codebook empty() {
        return new Codebook(List.of());
    }

    /** The variables by name. */
    public Map<String, Variable> byName() {
        Map<String, Variable> m = new LinkedHashMap<>();
        for (Variable v : variables) {
            m.put(v.name(), v);
        }
        return m;
    }

    /** A copy with one variable added or replaced. */
    public Codebook with(Variable v) {
        List<Variable> list = new ArrayList<>();
        boolean replaced = false;
        for (Variable x : variables) {
            if (x.name().equals(v.name())) {
                list.add(v);
                replaced = true;
            } else {
                list.add(x);
            }
        }
        if (!replaced) {
            list.add(v);
        }
        return new Codebook(list);
    }
}
