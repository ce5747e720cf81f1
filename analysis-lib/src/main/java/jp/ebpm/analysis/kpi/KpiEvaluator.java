package jp.ebpm.analysis.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Evaluates KPIs: progress rate, on-track check against the straight line from baseline to target, status
 * and grade. The rules (docs/kpi.md):
 * <ul>
 * <li>Progress rate for increase and decrease KPIs: (actual − baseline) / (target − baseline), not capped
 *     (it may exceed 1 or be negative). When target = baseline the KPI is treated as maintain-at-least
 *     (increase) or do-not-exceed (decrease).</li>
 * <li>Maintain at least: achieved when actual ≥ target; progress = min(actual / target, 1) (1 when the
 *     target is 0 and actual ≥ 0).</li>
 * <li>Do not exceed: achieved when actual ≤ target; progress = 1 when achieved, else target / actual.</li>
 * <li>Cumulative KPIs compare the running total ({@link Kpi#comparableActual(int)}).</li>
 * <li>Status: no data when no actual is recorded for the year; achieved when the target is met; on track
 *     when the actual is at or beyond the straight-line value for the year (≥ for increase and
 *     maintain-at-least, ≤ for decrease and do-not-exceed); behind otherwise. After the target year the
 *     straight line stays at the target, so an unmet KPI is behind.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class KpiEvaluator {

    private final GradingTable grading;

    /** An evaluator grading with a table. */
    public KpiEvaluator(GradingTable grading) {
        this.grading = Objects.requireNonNull(grading, "grading");
    }

    /** An evaluator with the default grading table. */
    public KpiEvaluator() {
        this(GradingTable.defaults());
    }

    /** The grading table. */
    public GradingTable grading() {
        return grading;
    }

    /** Evaluates every KPI of a register in a fiscal year. */
    public List<KpiEvaluation> evaluate(KpiRegister register, int fiscalYear) {
        List<KpiEvaluation> out = new ArrayList<>();
        register.kpis().forEach(k -> out.add(evaluate(k, fiscalYear)));
        return out;
    }

    /**
     * Evaluates every KPI at its latest fiscal year with an actual (KPIs without any actual are evaluated at
     * their target year, with status no data).
     */
    public List<KpiEvaluation> evaluateLatest(KpiRegister register) {
        List<KpiEvaluation> out = new ArrayList<>();
        register.kpis().forEach(k -> out.add(evaluate(k, k.latestActualYear().orElse(k.targetYear()))));
        return out;
    }

    /** Evaluates one KPI in a fiscal year. */
    public KpiEvaluation evaluate(Kpi kpi, int fiscalYear) {
        double expected = expected(kpi, fiscalYear);
        OptionalDouble a = kpi.comparableActual(fiscalYear);
        if (a.isEmpty()) {
            return new KpiEvaluation(kpi, fiscalYear, null, expected, null, KpiStatus.NO_DATA,
                    grading.grade(KpiStatus.NO_DATA, null, kpi.changed()));
        }
        double actual = a.getAsDouble();
        double progress = progressRate(kpi, actual);
        KpiStatus status;
        if (achieved(kpi, actual)) {
            status = KpiStatus.ACHIEVED;
        } else if (higherIsBetter(kpi) ? actual >= expected : actual <= expected) {
            status = KpiStatus.ON_TRACK;
        } else {
            status = KpiStatus.BEHIND;
        }
        return new KpiEvaluation(kpi, fiscalYear, actual, expected, progress, status,
                grading.grade(status, progress, kpi.changed()));
    }

    /**
     * The straight-line value for a fiscal year: baseline before or at the baseline year, target at or after
     * the target year, linear in between.
     */
    public static double expected(Kpi kpi, int fiscalYear) {
        if (fiscalYear <= kpi.baselineYear()) {
            return kpi.baselineValue();
        }
        if (fiscalYear >= kpi.targetYear()) {
            return kpi.targetValue();
        }
        double f = (double) (fiscalYear - kpi.baselineYear()) / (kpi.targetYear() - kpi.baselineYear());
        return kpi.baselineValue() + (kpi.targetValue() - kpi.baselineValue()) * f;
    }

    /** The progress rate of an actual (see the class comment), as a fraction. */
    public static double progressRate(Kpi kpi, double actual) {
        double b = kpi.baselineValue();
        double t = kpi.targetValue();
        Direction d = kpi.direction();
        if ((d == Direction.INCREASE || d == Direction.DECREASE) && t != b) {
            return (actual - b) / (t - b);
        }
        if (higherIsBetter(kpi)) {
            if (t == 0) {
                return actual >= 0 ? 1.0 : 0.0;
            }
            return Math.min(actual / t, 1.0);
        }
        if (actual <= t) {
            return 1.0;
        }
        return actual == 0 ? 0.0 : Math.max(0.0, t / actual);
    }

    /** Whether an actual meets the target. */
    public static boolean achieved(Kpi kpi, double actual) {
        return higherIsBetter(kpi) ? actual >= kpi.targetValue() : actual <= kpi.targetValue();
    }

    private static boolean higherIsBetter(Kpi kpi) {
        return kpi.direction().higherIsBetter();
    }
}
