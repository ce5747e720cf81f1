package jp.ebpm.analysis.survey;

import java.util.List;
import java.util.Objects;

import jp.ebpm.analysis.store.DatasetInfo;

/**
 * The survey design a table is computed on: the weight column, how it is used, and — for a sampling weight that
 * was raked — the raking margins, so that the Rao–Scott variance treats the weights as calibrated (R: the design
 * returned by {@code rake()}). The design is one-stage with replacement, one PSU per respondent, no strata
 * (R {@code svydesign(id = ~1, weights = ~w)}); the workbench has no cluster or stratum variables.
 *
 * <p>Built in one place ({@link #of}) for every caller: the command line, the Cross-tab tab, the Likert mode,
 * report specs and exports, through {@link CrossTabEngine#prepare}.
 *
 * @param weightVar the weight column, or null
 * @param kind how the weight is used
 * @param rakedOn the raking margins of a sampling weight ({@code ward}, {@code sex+age_group}); empty otherwise
 * @since 0.3
 */
public record SurveyDesign(String weightVar, WeightKind kind, List<String> rakedOn) {

    public SurveyDesign {
        if (weightVar == null) {
            kind = WeightKind.NONE;
        }
        kind = Objects.requireNonNullElse(kind, WeightKind.NONE);
        rakedOn = kind == WeightKind.SAMPLING && rakedOn != null ? List.copyOf(rakedOn) : List.of();
    }

    /** No weight. */
    public static SurveyDesign unweighted() {
        return new SurveyDesign(null, WeightKind.NONE, List.of());
    }

    /**
     * The design of a weight column of a dataset: for a sampling weight, the margins given explicitly (a CSV file
     * has no record of them) or else the margins recorded when the weight was raked in the project
     * ({@link Raking#rakedOn}).
     *
     * @param info the dataset, or null for a table outside the catalog (then only the explicit margins count)
     * @param weightVar the weight column, or null
     * @param kind how the weight is used
     * @param explicitRakedOn margins given by the caller (empty: use the recorded ones)
     */
    public static SurveyDesign of(DatasetInfo info, String weightVar, WeightKind kind, List<String> explicitRakedOn) {
        if (weightVar == null || kind != WeightKind.SAMPLING) {
            return new SurveyDesign(weightVar, kind, List.of());
        }
        if (explicitRakedOn != null && !explicitRakedOn.isEmpty()) {
            return new SurveyDesign(weightVar, kind, explicitRakedOn);
        }
        return new SurveyDesign(weightVar, kind, info == null ? List.of() : Raking.rakedOn(info, weightVar));
    }

    /** Whether the weight was raked (its variance is that of a calibrated design). */
    public boolean raked() {
        return !rakedOn.isEmpty();
    }

    /**
     * The design in words for provenance lines and sheets, e.g. {@code rake_weight (sampling weight; raked to ward,
     * sex+age_group)}; empty without a weight.
     */
    public String describe() {
        if (weightVar == null) {
            return "";
        }
        String how = switch (kind) {
            case SAMPLING -> "sampling weight";
            case FREQUENCY -> "frequency weight";
            case NONE -> "";
        };
        return weightVar + " (" + how + (raked() ? "; raked to " + String.join(", ", rakedOn) : "") + ")";
    }
}
