package jp.ebpm.analysis.kpi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One KPI (成果指標) of a plan: what it measures, which way it should move, its baseline and target, and the
 * actual values recorded per fiscal year. Immutable; {@link #withActual} returns a copy.
 *
 * @param id              unique id in the register, e.g. {@code K01}
 * @param measure         the measure (施策) it belongs to, e.g. {@code 施策1}
 * @param name            the indicator name, unique in the register
 * @param unit            the unit, e.g. 件, %, 億円 (may be empty)
 * @param direction       which way it should move
 * @param cumulative      whether it is a cumulative (累計) count
 * @param cumulativeInput for cumulative KPIs, whether actuals are running totals or yearly increments
 * @param baselineYear    fiscal year of the baseline (基準年度)
 * @param baselineValue   the baseline (基準値); "none" is recorded as 0
 * @param targetYear      fiscal year of the target (目標年度), not before the baseline year
 * @param targetValue     the target (目標値); for an increase KPI at least the baseline, for a decrease KPI at
 *                        most the baseline ({@link #targetContradiction})
 * @param actuals         actual values (実績値) by fiscal year as recorded; missing years are absent
 * @param changed         whether the KPI was changed or replaced during the plan (指標変更), graded separately
 * @param source          data source (出典)
 * @param notes           notes (備考)
 * @since 0.1
 */
public record Kpi(String id, String measure, String name, String unit, Direction direction, boolean cumulative,
                  CumulativeInput cumulativeInput, int baselineYear, double baselineValue, int targetYear,
                  double targetValue, SortedMap<Integer, Double> actuals, boolean changed, String source,
                  String notes) {

    public Kpi {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        measure = measure == null ? "" : measure;
        unit = unit == null ? "" : unit;
        cumulativeInput = cumulativeInput == null ? CumulativeInput.RUNNING : cumulativeInput;
        source = source == null ? "" : source;
        notes = notes == null ? "" : notes;
        actuals = Collections.unmodifiableSortedMap(new TreeMap<>(actuals == null ? Map.of() : actuals));
        if (targetYear < baselineYear) {
            throw new IllegalArgumentException("The target year " + targetYear + " of KPI " + id
                    + " is before its baseline year " + baselineYear + ".");
        }
        String contradiction = targetContradiction(direction, baselineValue, targetValue);
        if (contradiction != null) {
            throw new IllegalArgumentException("KPI " + id + ": " + contradiction);
        }
    }

    /**
     * Why a target contradicts the direction, or {@code null} when it does not: an increase KPI whose target
     * is below its baseline, or a decrease KPI whose target is above it, would be "achieved" while moving the
     * wrong way and graded on a negative scale, so such a KPI is refused (docs/kpi.md). Maintain-at-least and
     * do-not-exceed KPIs may have any target.
     */
    public static String targetContradiction(Direction direction, double baseline, double target) {
        if (direction == Direction.INCREASE && target < baseline) {
            return "The target " + plain(target) + " is below the baseline " + plain(baseline) + ", but the direction is"
                    + " increase (増加). Correct the target, or use decrease (減少), maintain (維持) or do not exceed (上限).";
        }
        if (direction == Direction.DECREASE && target > baseline) {
            return "The target " + plain(target) + " is above the baseline " + plain(baseline) + ", but the direction is"
                    + " decrease (減少). Correct the target, or use increase (増加), maintain (維持) or do not exceed (上限).";
        }
        return null;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The value recorded for a fiscal year, if any. */
    public OptionalDouble actual(int fiscalYear) {
        Double v = actuals.get(fiscalYear);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * The value to compare with baseline and target at a fiscal year: the recorded actual, except for a
     * cumulative KPI with yearly increments, where it is baseline + the sum of the increments recorded for
     * the years after the baseline year up to and including {@code fiscalYear} (unrecorded years count as no
     * increment). Empty when nothing is recorded for {@code fiscalYear}.
     */
    public OptionalDouble comparableActual(int fiscalYear) {
        Double v = actuals.get(fiscalYear);
        if (v == null) {
            return OptionalDouble.empty();
        }
        if (!cumulative || cumulativeInput == CumulativeInput.RUNNING) {
            return OptionalDouble.of(v);
        }
        double total = baselineValue;
        for (Map.Entry<Integer, Double> e : actuals.subMap(baselineYear + 1, fiscalYear + 1).entrySet()) {
            total += e.getValue();
        }
        return OptionalDouble.of(total);
    }

    /** The latest fiscal year with a recorded actual, or empty. */
    public java.util.OptionalInt latestActualYear() {
        return actuals.isEmpty() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(actuals.lastKey());
    }

    /** A copy with the actual of a fiscal year set ({@code value} non-null) or removed ({@code null}). */
    public Kpi withActual(int fiscalYear, Double value) {
        TreeMap<Integer, Double> a = new TreeMap<>(actuals);
        if (value == null) {
            a.remove(fiscalYear);
        } else {
            a.put(fiscalYear, value);
        }
        return new Kpi(id, measure, name, unit, direction, cumulative, cumulativeInput, baselineYear, baselineValue,
                targetYear, targetValue, a, changed, source, notes);
    }
}
