package jp.ebpm.analysis.survey;

import java.util.List;
import java.util.Objects;

/**
 * What to tabulate.
 *
 * @param table the table (dataset) name in the project database
 * @param rowVar the row variable (column name)
 * @param colVar the column (banner) variable
 * @param layerVar optional layer (control) variable: one table per layer value, or null
 * @param weightVar optional weight column, or null
 * @param weightKind how the weight is used ({@link WeightKind#NONE} when weightVar is null)
 * @param codebook labels, category order and missing codes (may be empty)
 * @param showMissing whether rows of missing row values are shown (they never enter the bases)
 * @param alpha significance level of residual markers and column-proportion letters (default 0.05)
 * @param nets NET rows: combined row categories such as top-2-box
 * @param rakedOn with sampling weights that were raked: the raking margins ({@code ward}, {@code sex+age_group}),
 *     so that the Rao–Scott variance treats the weights as calibrated (R: svychisq on the design from rake());
 *     empty for plain sampling weights
 */
public record CrossTabSpec(String table, String rowVar, String colVar, String layerVar, String weightVar,
                           WeightKind weightKind, Codebook codebook, boolean showMissing, double alpha,
                           List<Net> nets, List<String> rakedOn) {

    /** A spec without raking margins. */
    public CrossTabSpec(String table, String rowVar, String colVar, String layerVar, String weightVar,
                        WeightKind weightKind, Codebook codebook, boolean showMissing, double alpha, List<Net> nets) {
        this(table, rowVar, colVar, layerVar, weightVar, weightKind, codebook, showMissing, alpha, nets, List.of());
    }

    /** A NET row: the sum of some row categories (by code), e.g. top-2-box = codes 1 and 2. */
    public record Net(String label, List<String> codes) {
        public Net {
            Objects.requireNonNull(label, "label");
            codes = List.copyOf(codes);
        }
    }

    public CrossTabSpec {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rowVar, "rowVar");
        Objects.requireNonNull(colVar, "colVar");
        if (weightVar == null) {
            weightKind = WeightKind.NONE;
        } else if (weightKind == null || weightKind == WeightKind.NONE) {
            weightKind = WeightKind.FREQUENCY;
        }
        codebook = codebook == null ? Codebook.empty() : codebook;
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie between 0 and 1, got " + alpha);
        }
        nets = nets == null ? List.of() : List.copyOf(nets);
        rakedOn = rakedOn == null ? List.of() : List.copyOf(rakedOn);
    }

    /** The survey design of this spec: weight, its kind and the raking margins. */
    public SurveyDesign design() {
        return new SurveyDesign(weightVar, weightKind, rakedOn);
    }

    /** A copy on this design (weight, kind and raking margins). */
    public CrossTabSpec withDesign(SurveyDesign d) {
        return new CrossTabSpec(table, rowVar, colVar, layerVar, d.weightVar(), d.kind(), codebook, showMissing, alpha, nets,
                d.rakedOn());
    }

    /** A copy with these NET rows (other options unchanged). */
    public CrossTabSpec withNets(List<Net> netRows) {
        return new CrossTabSpec(table, rowVar, colVar, layerVar, weightVar, weightKind, codebook, showMissing, alpha, netRows, rakedOn);
    }

    /** A copy whose sampling weight was raked to these margins. */
    public CrossTabSpec withRakedOn(List<String> margins) {
        return new CrossTabSpec(table, rowVar, colVar, layerVar, weightVar, weightKind, codebook, showMissing, alpha, nets, margins);
    }

    /** An unweighted table of rowVar by colVar with defaults (alpha 0.05, no layer, no NETs). */
    public static CrossTabSpec of(String table, String rowVar, String colVar) {
        return new CrossTabSpec(table, rowVar, colVar, null, null, WeightKind.NONE, Codebook.empty(), false, 0.05, List.of());
    }

    /** A copy with a weight. */
    public CrossTabSpec withWeight(String var, WeightKind kind) {
        return new CrossTabSpec(table, rowVar, colVar, layerVar, var, kind, codebook, showMissing, alpha, nets, rakedOn);
    }

    /** A copy with a layer variable. */
    public CrossTabSpec withLayer(String var) {
        return new CrossTabSpec(table, rowVar, colVar, var, weightVar, weightKind, codebook, showMissing, alpha, nets, rakedOn);
    }

    /** A copy with a codebook. */
    public CrossTabSpec withCodebook(Codebook cb) {
        return new CrossTabSpec(table, rowVar, colVar, layerVar, weightVar, weightKind, cb, showMissing, alpha, nets, rakedOn);
    }

    /** A copy with other options. */
    public CrossTabSpec withOptions(boolean missingRows, double significance, List<Net> netRows) {
        return new CrossTabSpec(table, rowVar, colVar, layerVar, weightVar, weightKind, codebook, missingRows, significance, netRows, rakedOn);
    }
}
