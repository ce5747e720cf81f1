package jp.ebpm.analysis.kpi;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.GridRow;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.QueryResult;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Stores a KPI register in a project as a dataset of kind {@link DatasetKind#KPI} and reads it back. The table
 * has the register file's columns (Japanese fixed columns, then {@code FY2018}, {@code FY2019}, ... holding the
 * actuals as DOUBLE), so it can be queried with SQL and a register CSV imported by the generic importer reads
 * back the same way.
 *
 * @since 0.1
 */
public final class KpiStore {

    private KpiStore() {
    }

    /**
     * Saves a register as a new dataset, or replaces the table of an existing KPI dataset of that name, in one
     * transaction.
     *
     * @param sourceFile   the file it came from (name only), or {@code null}
     * @param sourceSha256 SHA-256 of that file, or {@code null}
     * @throws WorkbenchException when the name is taken by a dataset of another kind
     */
    public static void save(Project project, String name, KpiRegister register, String sourceFile, String sourceSha256,
                            String description) {
        boolean replace = project.catalog().find(name).isPresent();
        if (replace && project.catalog().get(name).kind() != DatasetKind.KPI) {
            throw new WorkbenchException("\"" + name + "\" is not a KPI register; choose another name.");
        }
        if (!replace) {
            project.catalog().checkNewName(name);
        }
        List<List<Object>> rows = KpiRegisterFormat.toRows(register, YearStyle.FY);
        List<Object> header = rows.get(0);
        int fixed = KpiColumn.values().length;
        project.inTransaction(c -> {
            StringBuilder ddl = new StringBuilder("CREATE OR REPLACE TABLE " + Sql.ident(name) + " (");
            for (int i = 0; i < header.size(); i++) {
                boolean number = i == KpiColumn.BASELINE_VALUE.ordinal() || i == KpiColumn.TARGET_VALUE.ordinal() || i >= fixed;
                ddl.append(i > 0 ? ", " : "").append(Sql.ident(header.get(i).toString())).append(number ? " DOUBLE" : " VARCHAR");
            }
            try (Statement st = c.createStatement()) {
                st.execute(ddl.append(')').toString());
            }
            String marks = String.join(", ", java.util.Collections.nCopies(header.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + Sql.ident(name) + " VALUES (" + marks + ")")) {
                for (List<Object> r : rows.subList(1, rows.size())) {
                    for (int i = 0; i < r.size(); i++) {
                        ps.setObject(i + 1, r.get(i));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (replace) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + Catalog.TABLE + " WHERE name = ?")) {
                    ps.setString(1, name);
                    ps.executeUpdate();
                }
            }
            project.catalog().register(c, new DatasetInfo(name, DatasetKind.KPI, sourceFile, sourceSha256, Instant.now(),
                    register.kpis().size(), Catalog.describe(c, name), "UTF-8", "", Sensitivity.INTERNAL,
                    description, Map.of()));
            return null;
        });
    }

    /**
     * Reads a register back from a dataset (of kind KPI, or any table with the register columns).
     *
     * @throws WorkbenchException when the dataset is missing or not a valid register (naming row and column)
     */
    public static KpiRegister load(Project project, String name) {
        project.catalog().get(name);
        QueryResult r = project.query("SELECT * FROM " + Sql.ident(name), 100_000, Cancellation.none());
        List<GridRow> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        r.columns().forEach(ci -> header.add(ci.name()));
        rows.add(new GridRow(1, header));
        long n = 2;
        for (Object[] row : r.rows()) {
            List<Object> cells = new ArrayList<>();
            for (Object o : row) {
                cells.add(o instanceof Number num ? (Object) num.doubleValue() : o);
            }
            rows.add(new GridRow(n++, cells));
        }
        return KpiRegisterFormat.parse(name, rows);
    }

    /**
     * Sets (or, with {@code null}, removes) the actual of a KPI for a fiscal year in a register stored in the project,
     * keeping its source file, SHA-256 and description; the same change as entering the actual in the KPI tab and saving.
     *
     * @return the changed register
     * @throws WorkbenchException naming the KPI (with a suggestion) when the register has no such KPI
     */
    public static KpiRegister setActual(Project project, String dataset, String kpiId, int fiscalYear, Double value) {
        DatasetInfo info = project.catalog().get(dataset);
        KpiRegister reg = load(project, dataset);
        Kpi k = reg.find(kpiId).orElseThrow(() -> new WorkbenchException("no KPI " + kpiId + " in " + dataset
                + jp.ebpm.analysis.store.NameCheck.suggestion(kpiId, reg.kpis().stream().map(Kpi::id).toList())));
        KpiRegister changed = reg.with(k.withActual(fiscalYear, value));
        save(project, dataset, changed, info.sourceFile(), info.sourceSha256(), info.description());
        return changed;
    }

    /** Names of the project's KPI datasets. */
    public static List<String> datasets(Project project) {
        return project.catalog().list().stream().filter(d -> d.kind() == DatasetKind.KPI).map(DatasetInfo::name).toList();
    }
}
