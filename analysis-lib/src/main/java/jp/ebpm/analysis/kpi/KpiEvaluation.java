package jp.ebpm.analysis.kpi;

/**
 * The evaluation of one KPI in one fiscal year.
 *
 * @param kpi          the KPI
 * @param fiscalYear   the fiscal year evaluated
 * @param actual       the value compared (the running total for cumulative KPIs), or {@code null} without data
 * @param expected     the straight-line value for {@code fiscalYear}: baseline + (target − baseline) ×
 *                     (year − baseline year) / (target year − baseline year), held at the target after the
 *                     target year
 * @param progressRate the progress rate as a fraction (1.0 = 100 %), or {@code null} without data
 * @param status       achieved, on track, behind or no data
 * @param grade        the grade from the project's grading table
 * @since 0.1
 */
public record KpiEvaluation(Kpi kpi, int fiscalYear, Double actual, double expected, Double progressRate,
                            KpiStatus status, String grade) {
}
