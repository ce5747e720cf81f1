package jp.ebpm.analysis.evaluation;

/**
 * A difference-in-differences question on a panel: an outcome observed for areas (units) over periods, and
 * who was treated when.
 *
 * <p>{@code treated} is a 0/1 (or logical) column. With {@code start} it marks the treated <i>group</i>
 * (constant within an area) and the treatment begins in the first period ≥ {@code start} for the whole
 * group; without {@code start} it is the treatment indicator itself (1 from the period an area is treated on),
 * which allows staggered roll-outs (areas starting in different periods) for the two-way fixed-effects design.
 *
 * @param source          the panel's rows: a project dataset (see {@link PanelSource})
 * @param outcome         the outcome column
 * @param unit            the area column (also the cluster of the standard errors)
 * @param period          the period column (numbers or text that sorts in time order, e.g. 2019, 2019Q1)
 * @param treated         the 0/1 treated column
 * @param start           the first treated period for a common start, or {@code null}
 * @param fixedEffects    two-way fixed effects (area and period effects) instead of the 2×2 design
 * @param dummies         with fixed effects: estimate the area effects as dummies instead of absorbing them
 *                        (same effect and SE; slower, only for small panels)
 * @since 0.2
 */
public record PanelSpec(PanelSource source, String outcome, String unit, String period, String treated, String start,
                        boolean fixedEffects, boolean dummies) {

    /** A 2×2 design on a dataset. */
    public static PanelSpec of(String dataset, String outcome, String unit, String period, String treated, String start) {
        return new PanelSpec(PanelSource.dataset(dataset), outcome, unit, period, treated, start, false, false);
    }

    /** The same question with two-way fixed effects (absorbed area effects). */
    public PanelSpec withFixedEffects() {
        return new PanelSpec(source, outcome, unit, period, treated, start, true, false);
    }

    /** The same question with two-way fixed effects as dummy variables. */
    public PanelSpec withDummies() {
        return new PanelSpec(source, outcome, unit, period, treated, start, true, true);
    }
}
