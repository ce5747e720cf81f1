package jp.ebpm.analysis.kpi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import jp.ebpm.analysis.WorkbenchException;

/**
 * A KPI register (指標管理表): the KPIs of a plan in register order. Ids and names are unique.
 *
 * @param kpis the KPIs in register order
 * @since 0.1
 */
public record KpiRegister(List<Kpi> kpis) {

    public KpiRegister {
        kpis = List.copyOf(kpis);
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Kpi k : kpis) {
            if (!ids.add(k.id())) {
                throw new WorkbenchException("Two KPIs have the id \"" + k.id() + "\"; KPI ids must be unique.");
            }
            if (!names.add(k.name())) {
                throw new WorkbenchException("Two KPIs have the name \"" + k.name() + "\"; KPI names must be unique.");
            }
        }
    }

    /** The KPI with an id. */
    public Optional<Kpi> find(String id) {
        return kpis.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The measures (施策) in register order, without repeats. */
    public List<String> measures() {
        Set<String> m = new LinkedHashSet<>();
        kpis.forEach(k -> m.add(k.measure()));
        return List.copyOf(m);
    }

    /** Every fiscal year that has a baseline, a target or an actual, in order. */
    public SortedSet<Integer> years() {
        SortedSet<Integer> y = new TreeSet<>();
        for (Kpi k : kpis) {
            y.add(k.baselineYear());
            y.add(k.targetYear());
            y.addAll(k.actuals().keySet());
        }
        return y;
    }

    /** Fiscal years with at least one actual, in order. */
    public SortedSet<Integer> actualYears() {
        SortedSet<Integer> y = new TreeSet<>();
        kpis.forEach(k -> y.addAll(k.actuals().keySet()));
        return y;
    }

    /** A copy in which the KPI with the same id is replaced. */
    public KpiRegister with(Kpi kpi) {
        List<Kpi> out = new ArrayList<>(kpis);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).id().equals(kpi.id())) {
                out.set(i, kpi);
                return new KpiRegister(out);
            }
        }
        throw new IllegalArgumentException("No KPI with id " + kpi.id());
    }
}
