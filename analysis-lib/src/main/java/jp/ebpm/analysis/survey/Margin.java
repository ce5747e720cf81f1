package jp.ebpm.analysis.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A population margin to rake to: one variable (e.g. ward) or a joint classification of several
 * (e.g. sex × age group), with a population total per category. Keys are the canonical codes
 * ({@link Category#canonical}) of the variables, in the order of {@code variables}.
 *
 * @param variables the dataset columns of the margin
 * @param targets population total per category combination
 */
public record Margin(List<String> variables, Map<List<String>, Double> targets) {

    public Margin {
        variables = List.copyOf(variables);
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("A margin needs at least one variable");
        }
        Map<List<String>, Double> copy = new LinkedHashMap<>();
        int arity = variables.size();
        targets.forEach((k, v) -> {
            if (k.size() != arity) {
                throw new IllegalArgumentException("Margin category " + k + " does not match the margin variables");
            }
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("Margin target of " + k + " must be a non-negative number, got " + v);
            }
            copy.put(List.copyOf(k), v);
        });
        targets = java.util.Collections.unmodifiableMap(copy);
    }

    /** A one-variable margin. */
    public static Margin of(String variable, Map<String, Double> targets) {
        Map<List<String>, Double> m = new LinkedHashMap<>();
        targets.forEach((k, v) -> m.put(List.of(k), v));
        return new Margin(List.of(variable), m);
    }

    /** Sum of the targets. */
    public double total() {
        return targets.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The margin's name, e.g. {@code sex×age_group}. */
    public String name() {
        return String.join("×", variables);
    }
}
