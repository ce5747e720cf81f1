package jp.ebpm.analysis.survey;

import java.util.List;

/**
 * The result of a cross-tabulation.
 *
 * @param spec what was asked
 * @param overall the table over all respondents (ignoring the layer)
 * @param layers one table per layer value (empty without a layer variable)
 * @param excludedByWeight rows left out because their weight was empty, zero, negative or not a number
 * @param missingCases rows left out because the row or column value was missing (weighted count)
 */
public record CrossTabResult(CrossTabSpec spec, CrossTab overall, List<CrossTab> layers, long excludedByWeight,
                             double missingCases) {
    public CrossTabResult {
        layers = List.copyOf(layers);
    }
}
