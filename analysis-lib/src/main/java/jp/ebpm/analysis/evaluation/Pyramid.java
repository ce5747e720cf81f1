package jp.ebpm.analysis.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;

/**
 * Population pyramids: population by sex and 5-year age group of one area (or all rows) for one or two years,
 * read from a project dataset in long form, with the aging and dependency ratios of each year
 * ({@link PopulationStructure}).
 *
 * @since 0.2
 */
public final class Pyramid {

    private Pyramid() {
    }

    /**
     * The question: which dataset, columns and selection.
     *
     * @param dataset    the dataset (one row per area, year, sex and age group)
     * @param ageColumn  age group column ({@code 0-4}, {@code 0～4歳}, {@code 85歳以上}, or lower bounds)
     * @param sexColumn  sex column (男/女, M/F, 1/2)
     * @param valueColumn population column
     * @param areaColumn area column, or null to use every row
     * @param area       the area, or null for all
     * @param yearColumn year column, or null when the dataset holds one year
     * @param years      one or two years to show (the first is drawn as an outline behind the second)
     */
    public record Spec(String dataset, String ageColumn, String sexColumn, String valueColumn, String areaColumn, String area,
                       String yearColumn, List<String> years) {

        public Spec {
            years = years == null ? List.of() : List.copyOf(years);
            if (years.size() > 2) {
                throw new IllegalArgumentException("A pyramid overlays at most two years.");
            }
            if (!years.isEmpty() && yearColumn == null) {
                throw new IllegalArgumentException("Years need a year column.");
            }
        }
    }

    /**
     * Reads the pyramid(s).
     *
     * @throws WorkbenchException when a column is missing, no rows match, or the groups are not 5-year groups
     */
    public static List<PopulationStructure> of(Project project, Spec spec) {
        List<String> years = spec.years().isEmpty() ? java.util.Collections.singletonList(null) : spec.years();
        List<PopulationStructure> out = new ArrayList<>();
        for (String y : years) {
            Map<String, String> filters = new LinkedHashMap<>();
            if (spec.areaColumn() != null && spec.area() != null) {
                filters.put(spec.areaColumn(), spec.area());
            }
            if (y != null) {
                filters.put(spec.yearColumn(), y);
            }
            AgeSexTable t = AgeSexTable.read(project, spec.dataset(), spec.ageColumn(), spec.sexColumn(),
                    List.of(spec.valueColumn()), filters);
            out.add(new PopulationStructure(y == null ? "" : y, t.groups(), t.male().get(0), t.female().get(0)));
        }
        if (out.size() == 2 && !out.get(0).groups().equals(out.get(1).groups())
                && out.get(0).groups().size() != out.get(1).groups().size()) {
            throw new WorkbenchException("The two years have different age groups (" + out.get(0).groups().size() + " and "
                    + out.get(1).groups().size() + "); they cannot be overlaid.");
        }
        return out;
    }
}
