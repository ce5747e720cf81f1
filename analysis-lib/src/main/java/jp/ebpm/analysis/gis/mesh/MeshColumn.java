package jp.ebpm.analysis.gis.mesh;

import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.CancelledException;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Adds a mesh-code column to a dataset inside DuckDB, as one set-based statement
 * ({@code CREATE TABLE new AS SELECT *, <MeshSql expression> AS mesh_code FROM old}); the new dataset is registered
 * in the same transaction with properties recording the source, columns and level.
 *
 * @since 0.1
 */
public final class MeshColumn {

    private MeshColumn() {
    }

    /**
     * Creates {@code target} = {@code source} plus a BIGINT mesh-code column.
     *
     * @param column name of the new column, e.g. {@code mesh_code}
     * @throws jp.ebpm.analysis.WorkbenchException when a name is taken or missing, or the statement fails
     * @throws CancelledException when cancelled (nothing is created)
     */
    public static DatasetInfo add(Project project, String source, String latCol, String lonCol, MeshLevel level, String column,
                                  String target, Cancellation cancel) {
        DatasetInfo src = project.catalog().get(source);
        project.catalog().checkNewName(target);
        return project.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                Runnable hook = () -> {
                    try {
                        st.cancel();
                    } catch (java.sql.SQLException ignored) {
                        // finished already
                    }
                };
                cancel.onCancel(hook);
                try {
                    st.execute("CREATE TABLE " + Sql.ident(target) + " AS SELECT *, " + MeshSql.encodeExpression(latCol, lonCol, level)
                            + " AS " + Sql.ident(column) + " FROM " + Sql.ident(source));
                } catch (java.sql.SQLException e) {
                    if (cancel.isCancelled()) {
                        throw new CancelledException();
                    }
                    throw e;
                } finally {
                    cancel.removeHook(hook);
                }
            }
            cancel.check();
            Map<String, String> props = new LinkedHashMap<>(src.properties());
            props.put("derived_from", source);
            props.put("operation", "mesh_code");
            props.put("mesh_level", level.label());
            props.put("mesh_lat_column", latCol);
            props.put("mesh_lon_column", lonCol);
            DatasetInfo info = new DatasetInfo(target, src.kind(), null, null, Instant.now(), Catalog.countRows(c, target),
                    Catalog.describe(c, target), null, src.license(), src.sensitivity(),
                    "Mesh codes (" + level.label() + ") added to " + source, props);
            project.catalog().register(c, info);
            return info;
        });
    }
}
