package jp.ebpm.analysis.stats.regression;

import java.util.EnumSet;
import java.util.Set;

/**
 * What to fit: a formula on a project dataset, with optional weights and the standard errors to compute.
 * Immutable; {@code withX} methods return changed copies.
 *
 * @param dataset   the project dataset
 * @param formula   the model formula
 * @param weight    weight column (WLS; survey weights give a weighted fit — use HC1 or cluster SEs with them), or null
 * @param seTypes   robust standard errors to compute besides the classical ones (HC0 … HC3, CLUSTER)
 * @param cluster   the cluster column for {@link SeType#CLUSTER}, or null
 * @since 0.2
 */
public record RegressionSpec(String dataset, Formula formula, String weight, Set<SeType> seTypes, String cluster) {

    public RegressionSpec {
        seTypes = seTypes == null || seTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(seTypes));
        if (seTypes.contains(SeType.CLUSTER) && (cluster == null || cluster.isBlank())) {
            throw new IllegalArgumentException("Cluster-robust standard errors need a cluster column (cluster:COLUMN).");
        }
    }

    /** A model with classical standard errors only. */
    public static RegressionSpec of(String dataset, String formula) {
        return new RegressionSpec(dataset, Formula.parse(formula), null, Set.of(), null);
    }

    public RegressionSpec withWeight(String column) {
        return new RegressionSpec(dataset, formula, column, seTypes, cluster);
    }

    /** Adds a robust standard-error type (CLUSTER needs {@link #withCluster}). */
    public RegressionSpec withSe(SeType type) {
        if (type == SeType.CLASSICAL) {
            return this;
        }
        EnumSet<SeType> s = seTypes.isEmpty() ? EnumSet.noneOf(SeType.class) : EnumSet.copyOf(seTypes);
        s.add(type);
        return new RegressionSpec(dataset, formula, weight, s, cluster);
    }

    /** Adds cluster-robust standard errors by a column. */
    public RegressionSpec withCluster(String column) {
        EnumSet<SeType> s = seTypes.isEmpty() ? EnumSet.noneOf(SeType.class) : EnumSet.copyOf(seTypes);
        s.add(SeType.CLUSTER);
        return new RegressionSpec(dataset, formula, weight, s, column);
    }

    /** The model with or without an intercept. */
    public RegressionSpec withIntercept(boolean on) {
        return new RegressionSpec(dataset, formula.withIntercept(on), weight, seTypes, cluster);
    }

    /**
     * Parses a command-line standard-error option: {@code classical}, {@code HC0} … {@code HC3} or
     * {@code cluster:COLUMN}, and adds it.
     *
     * @throws IllegalArgumentException for anything else
     */
    public RegressionSpec withSeOption(String option) {
        String o = option.strip();
        if (o.regionMatches(true, 0, "cluster:", 0, 8)) {
            String col = o.substring(8).strip();
            if (col.isEmpty()) {
                throw new IllegalArgumentException("Write cluster:COLUMN, e.g. cluster:ward.");
            }
            return withCluster(col);
        }
        SeType t = SeType.parse(o);
        if (t == SeType.CLUSTER) {
            throw new IllegalArgumentException("Write cluster:COLUMN, e.g. cluster:ward.");
        }
        return withSe(t);
    }
}
