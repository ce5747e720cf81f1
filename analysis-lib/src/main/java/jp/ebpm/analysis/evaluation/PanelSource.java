package jp.ebpm.analysis.evaluation;

import java.util.List;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;

/**
 * Where a panel's rows come from: a project dataset with area, period, treated and outcome columns, or a KPI
 * register's yearly actuals (columns {@code FY2018}, … of a dataset of kind {@code kpi}) joined to an area
 * table that says which area each KPI row describes and whether that area was treated.
 *
 * @since 0.2
 */
public final class PanelSource {

    private final String label;
    private final String relation;
    private final List<String> datasets;

    private PanelSource(String label, String relation, List<String> datasets) {
        this.label = label;
        this.relation = relation;
        this.datasets = List.copyOf(datasets);
    }

    /** A project dataset. */
    public static PanelSource dataset(String name) {
        return new PanelSource(name, null, List.of(name));
    }

    /**
     * A KPI register's actuals as a long panel: one row per KPI row and fiscal year with an actual, columns
     * {@code period} (the fiscal year, e.g. 2019), {@code actual}, the register's {@code 指標ID} and every column
     * of the area table, joined where {@code 指標ID} equals the area table's {@code keyColumn}. So a register whose
     * KPIs are one indicator per ward (e.g. K11 = 幸区's rate) and an area table (指標ID→ward, treated) give the
     * panel {@code outcome = actual, unit = ward, period = period}.
     */
    public static PanelSource kpiActuals(String kpiDataset, String areaDataset, String keyColumn) {
        String rel = "(SELECT a.*, CAST(substr(k.fy, 3) AS INTEGER) AS period, k.actual AS actual FROM (UNPIVOT "
                + Sql.ident(kpiDataset) + " ON COLUMNS('^FY[0-9]{4}$') INTO NAME fy VALUE actual) k JOIN "
                + Sql.ident(areaDataset) + " a ON CAST(k.\"指標ID\" AS VARCHAR) = CAST(a." + Sql.ident(keyColumn) + " AS VARCHAR))";
        return new PanelSource(kpiDataset + " × " + areaDataset, rel, List.of(kpiDataset, areaDataset));
    }

    /** A name for reports: the dataset, or "KPI × areas". */
    public String label() {
        return label;
    }

    /** The datasets read. */
    public List<String> datasets() {
        return datasets;
    }

    /** The SQL relation (a quoted table name or a sub-query), after checking the datasets exist. */
    String relation(Project project) {
        for (String d : datasets) {
            project.catalog().requireAnalysable(d);
        }
        if (relation == null) {
            return Sql.ident(datasets.get(0));
        }
        DatasetInfo kpi = project.catalog().get(datasets.get(0));
        if (kpi.columnNames().stream().noneMatch(c -> c.matches("FY[0-9]{4}"))) {
            throw new WorkbenchException("The dataset \"" + kpi.name() + "\" has no yearly actual columns (FY2018, …);"
                    + " store the register with 'workbench kpi store' first.");
        }
        if (!kpi.columnNames().contains("指標ID")) {
            throw new WorkbenchException("The dataset \"" + kpi.name() + "\" has no 指標ID column; is it a KPI register?");
        }
        return relation;
    }
}
