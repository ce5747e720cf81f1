package jp.ebpm.analysis.evaluation;

import java.util.List;

/**
 * One year's population by sex and 5-year age group, with the usual structure indicators.
 *
 * <ul>
 *   <li>aging ratio (高齢化率) = population 65+ / total;</li>
 *   <li>young-age dependency ratio (年少人口指数) = 0–14 / 15–64 × 100;</li>
 *   <li>old-age dependency ratio (老年人口指数) = 65+ / 15–64 × 100;</li>
 *   <li>total dependency ratio (従属人口指数) = (0–14 + 65+) / 15–64 × 100;</li>
 *   <li>aging index (老年化指数) = 65+ / 0–14 × 100.</li>
 * </ul>
 * (Definitions as in the Statistics Bureau's census reports.)
 *
 * @param year   the year (as written in the data)
 * @param groups age groups, youngest first
 * @param male   men per group
 * @param female women per group
 * @since 0.2
 */
public record PopulationStructure(String year, List<AgeGroup> groups, double[] male, double[] female) {

    public PopulationStructure {
        groups = List.copyOf(groups);
    }

    /** Total population. */
    public double total() {
        return sum(0, Integer.MAX_VALUE);
    }

    /** Population aged from {@code from} to {@code to} inclusive (group lower bounds; 5-year groups). */
    public double sum(int from, int to) {
        double s = 0;
        for (int i = 0; i < groups.size(); i++) {
            int lo = groups.get(i).lower();
            if (lo >= from && lo <= to) {
                s += male[i] + female[i];
            }
        }
        return s;
    }

    public double young() {
        return sum(0, 14);
    }

    public double working() {
        return sum(15, 64);
    }

    public double old() {
        return sum(65, Integer.MAX_VALUE);
    }

    /** 65+ share of the total (a fraction). */
    public double agingRatio() {
        return old() / total();
    }

    /** 75+ share of the total (a fraction). */
    public double ratio75() {
        return sum(75, Integer.MAX_VALUE) / total();
    }

    public double youngDependency() {
        return young() / working() * 100;
    }

    public double oldDependency() {
        return old() / working() * 100;
    }

    public double totalDependency() {
        return (young() + old()) / working() * 100;
    }

    public double agingIndex() {
        return old() / young() * 100;
    }

    /** Group labels as {@code 0-4}, …, the last one {@code 85+}. */
    public List<String> labels() {
        return labels(groups);
    }

    static List<String> labels(List<AgeGroup> groups) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            int lo = groups.get(i).lower();
            out.add(i == groups.size() - 1 ? lo + "+" : lo + "-" + (lo + 4));
        }
        return out;
    }
}
