package jp.ebpm.workbench.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import jp.ebpm.analysis.store.ColumnInfo;

/**
 * What the evaluation sub-tabs preselect: the columns whose names make a role obvious (outcome, area, period,
 * treated, age group, sex, population, industry, employees), and the reference row of a location-quotient table.
 * A role whose column is not obvious stays empty for the user to choose; a dataset is preselected only when every
 * role it needs is obvious, so nothing nonsensical is ever chosen on the user's behalf. Pure rules over names and
 * types (no project access).
 *
 * <p>Each role has hints in priority order: first a column named exactly like a hint (case-insensitive), then one
 * whose name contains a hint: a Latin hint as a whole word of the name ({@code rate} in {@code online_rate}, not in
 * {@code separate}), a Japanese hint anywhere in it; a hint written {@code =x} only matches the whole name
 * (one-character hints such as 年 would otherwise match 年齢). Area columns are text columns (a numeric {@code area}
 * column is a surface).
 */
final class Defaults {

    static final List<String> AREA = List.of("ward", "area", "=unit", "region", "municipality", "=区", "地域", "地区", "市区町村");
    static final List<String> PERIOD = List.of("fiscal_year", "year", "period", "年度", "年次", "時点", "=年");
    static final List<String> TREATED = List.of("treated", "treatment", "in_place", "処置");
    static final List<String> OUTCOME = List.of("outcome", "rate", "ratio", "share", "score", "率", "割合");
    static final List<String> AGE = List.of("age_group", "age", "年齢階級", "年齢");
    static final List<String> SEX = List.of("sex", "gender", "性別", "男女");
    static final List<String> POPULATION = List.of("population", "人口", "人数");
    static final List<String> INDUSTRY = List.of("industry", "sector", "産業", "業種");
    static final List<String> EMPLOYMENT = List.of("employees", "employment", "workers", "establishments", "従業者", "従業員",
            "事業所");
    /** Names of a reference row among the areas (the country, the prefecture, a total). */
    static final List<String> REFERENCE = List.of("全国", "全市", "全県", "合計", "総数", "=計", "total", "national", "nationwide");

    private Defaults() {
    }

    /** The columns of a panel (difference-in-differences, two-way fixed effects); null fields are not obvious. */
    record Panel(String outcome, String unit, String period, String treated) {
        boolean complete() {
            return outcome != null && unit != null && period != null && treated != null;
        }
    }

    /** The columns of a population table by sex and age group. */
    record Population(String age, String sex, String value, String area, String year) {
    }

    /** The columns of an employment table by area and industry. */
    record Employment(String area, String industry, String value) {
        boolean complete() {
            return area != null && industry != null && value != null;
        }
    }

    static Panel panel(List<ColumnInfo> columns) {
        List<String> used = new ArrayList<>();
        String unit = take(columns, Defaults::isText, used, AREA);
        String period = take(columns, c -> true, used, PERIOD);
        String treated = take(columns, DatasetColumns::isNumeric, used, TREATED);
        String outcome = take(columns, DatasetColumns::isNumeric, used, OUTCOME);
        return new Panel(outcome, unit, period, treated);
    }

    static Population population(List<ColumnInfo> columns) {
        List<String> used = new ArrayList<>();
        String age = take(columns, c -> true, used, AGE);
        String sex = take(columns, c -> true, used, SEX);
        String value = take(columns, DatasetColumns::isNumeric, used, POPULATION);
        String area = take(columns, Defaults::isText, used, AREA);
        String year = take(columns, c -> true, used, PERIOD);
        return new Population(age, sex, value, area, year);
    }

    /**
     * Whether a dataset is obviously a population table for a pyramid: age, sex and population columns, the age
     * column holding labels (a numeric one may hold codes 1, 2, 3 rather than the lower bounds 0, 5, 10).
     */
    static boolean isPopulationTable(List<ColumnInfo> columns) {
        Population p = population(columns);
        return p.age() != null && p.sex() != null && p.value() != null
                && columns.stream().noneMatch(c -> c.name().equals(p.age()) && DatasetColumns.isNumeric(c));
    }

    static Employment employment(List<ColumnInfo> columns) {
        List<String> used = new ArrayList<>();
        String area = take(columns, Defaults::isText, used, AREA);
        String industry = take(columns, c -> true, used, INDUSTRY);
        String value = take(columns, DatasetColumns::isNumeric, used, EMPLOYMENT);
        return new Employment(area, industry, value);
    }

    /**
     * The dataset to show: the current choice while the project still offers it, else the first table whose columns
     * fit, else none.
     */
    static String dataset(String current, List<String> tables, java.util.function.Function<String, List<ColumnInfo>> columns,
                          Predicate<List<ColumnInfo>> fits) {
        if (current != null && tables.contains(current)) {
            return current;
        }
        return tables.stream().filter(t -> fits.test(columns.apply(t))).findFirst().orElse(null);
    }

    /** The one area whose name marks it as the reference (全国, a total…); null when none or several do. */
    static String referenceArea(List<String> areas) {
        List<String> hits = areas.stream().filter(a -> a != null && matchesAny(a, REFERENCE)).toList();
        return hits.size() == 1 ? hits.get(0) : null;
    }

    /** The first layer that has the key field (the layer's columns by layer, in order); null when none has. */
    static String layerWith(java.util.Map<String, List<ColumnInfo>> layers, String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        return layers.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(c -> c.name().equals(key.strip())))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    }

    /**
     * The years to overlay from a year column's smallest and largest value and its number of distinct values: the
     * first and the last year ("2015,2020"), or the only one; empty when unknown.
     */
    static String years(String min, String max, long distinct) {
        if (min == null || max == null || distinct < 1) {
            return "";
        }
        return distinct == 1 || min.equals(max) ? min : min + "," + max;
    }

    /** The column for a role (added to {@code used}); null when no name is obvious. */
    static String take(List<ColumnInfo> columns, Predicate<ColumnInfo> ok, Collection<String> used, List<String> hints) {
        String c = find(columns, ok.and(x -> !used.contains(x.name())), hints);
        if (c != null) {
            used.add(c);
        }
        return c;
    }

    static String find(List<ColumnInfo> columns, Predicate<ColumnInfo> ok, List<String> hints) {
        for (String h : hints) {
            String hint = h.startsWith("=") ? h.substring(1) : h;
            for (ColumnInfo c : columns) {
                if (ok.test(c) && c.name().toLowerCase(Locale.ROOT).equals(hint)) {
                    return c.name();
                }
            }
        }
        for (String h : hints) {
            for (ColumnInfo c : columns) {
                if (!h.startsWith("=") && ok.test(c) && contains(c.name(), h)) {
                    return c.name();
                }
            }
        }
        return null;
    }

    private static boolean isText(ColumnInfo c) {
        return !DatasetColumns.isNumeric(c);
    }

    /** Whether a name contains a hint: a Latin hint as whole words ({@code _}-separated), any other anywhere. */
    static boolean contains(String name, String hint) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (hint.chars().allMatch(ch -> ch < 128)) {
            return ("_" + n.replaceAll("[^\\p{L}\\p{N}]+", "_") + "_").contains("_" + hint + "_");
        }
        return n.contains(hint);
    }

    private static boolean matchesAny(String name, List<String> hints) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return hints.stream().anyMatch(h -> h.startsWith("=") ? n.equals(h.substring(1)) : contains(n, h));
    }
}
