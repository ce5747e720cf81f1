package jp.ebpm.analysis.survey;

/** How the weight variable of a table is interpreted. */
public enum WeightKind {
    /** No weight: every respondent counts 1. */
    NONE,
    /**
     * Frequency (case) weights with PSPP {@code WEIGHT} semantics: a row stands for w identical cases;
     * non-integer weights are used as given; rows whose weight is empty, zero or negative leave the table.
     */
    FREQUENCY,
    /**
     * Sampling weights (inverse inclusion probabilities or raked weights): percentages are weighted, and the
     * test of independence is the Rao–Scott corrected one on the actual number of respondents.
     */
    SAMPLING
}
