package jp.ebpm.analysis.gis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Stores features as a project dataset: a table with {@code fid} (1-based source order), the attributes
 * (types inferred: BIGINT, DOUBLE, BOOLEAN, DATE, else VARCHAR), {@code geom} (WKB BLOB, NULL for a missing
 * geometry) and the bounding-box columns {@code minx, miny, maxx, maxy} (DOUBLE, NULL when the geometry is
 * missing or empty). The table and its catalog entry (kind BOUNDARY or POINTS, property {@code crs} =
 * {@code EPSG:n}) are written in one transaction, so a failure or cancel leaves the project unchanged.
 *
 * @since 0.1
 */
public final class LayerWriter {

    /** Name of the geometry column. */
    public static final String GEOM = "geom";
    /** Columns the writer adds; attributes with these names get a suffix {@code _attr}. */
    public static final Set<String> RESERVED = Set.of("fid", GEOM, "minx", "miny", "maxx", "maxy");

    private LayerWriter() {
    }

    /** What to record in the catalog besides the data. */
    public record Meta(DatasetKind kind, String sourceFile, String sourceSha256, String encoding, String license,
                       Sensitivity sensitivity, String description, Map<String, String> properties) {
    }

    /**
     * Writes a new layer dataset.
     *
     * @throws jp.ebpm.analysis.WorkbenchException when the name is taken or the database fails
     * @throws jp.ebpm.analysis.task.CancelledException when cancelled (nothing is written)
     */
    public static DatasetInfo write(Project project, String name, VectorData data, Meta meta,
                                    ProgressListener progress, Cancellation cancel) {
        project.catalog().checkNewName(name);
        List<String> fields = new ArrayList<>();
        Map<String, String> colNames = new LinkedHashMap<>();
        for (String f : data.fields()) {
            String col = RESERVED.contains(f.toLowerCase(java.util.Locale.ROOT)) ? f + "_attr" : f;
            fields.add(f);
            colNames.put(f, col);
        }
        List<String> types = new ArrayList<>();
        for (String f : fields) {
            types.add(typeOf(data.features(), f));
        }
        Map<String, String> props = new LinkedHashMap<>(meta.properties());
        props.put("crs", "EPSG:" + data.epsg());
        props.put("geometry_column", GEOM);
        return project.inTransaction(c -> {
            StringBuilder ddl = new StringBuilder("CREATE TABLE " + Sql.ident(name) + " (fid BIGINT");
            for (int i = 0; i < fields.size(); i++) {
                ddl.append(", ").append(Sql.ident(colNames.get(fields.get(i)))).append(' ').append(types.get(i));
            }
            ddl.append(", geom BLOB, minx DOUBLE, miny DOUBLE, maxx DOUBLE, maxy DOUBLE)");
            try (Statement st = c.createStatement()) {
                st.execute(ddl.toString());
            }
            StringBuilder ins = new StringBuilder("INSERT INTO " + Sql.ident(name) + " VALUES (?");
            for (int i = 0; i < fields.size() + 5; i++) {
                ins.append(", ?");
            }
            ins.append(')');
            WKBWriter wkb = new WKBWriter(2);
            int n = data.features().size();
            try (PreparedStatement ps = c.prepareStatement(ins.toString())) {
                for (int r = 0; r < n; r++) {
                    GeoFeature f = data.features().get(r);
                    int p = 1;
                    ps.setLong(p++, r + 1L);
                    for (int i = 0; i < fields.size(); i++) {
                        set(ps, p++, f.get(fields.get(i)), types.get(i));
                    }
                    Geometry g = f.geometry();
                    if (g == null) {
                        ps.setNull(p++, Types.BLOB);
                    } else {
                        ps.setBytes(p++, wkb.write(g));
                    }
                    Envelope e = g == null || g.isEmpty() ? null : g.getEnvelopeInternal();
                    for (double v : e == null ? new double[0] : new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()}) {
                        ps.setDouble(p++, v);
                    }
                    while (p <= fields.size() + 6) {
                        ps.setNull(p++, Types.DOUBLE);
                    }
                    ps.addBatch();
                    if ((r & 1023) == 1023) {
                        ps.executeBatch();
                        cancel.check();
                        progress.progress("Writing features", r + 1, n);
                    }
                }
                ps.executeBatch();
            }
            cancel.check();
            DatasetInfo info = new DatasetInfo(name, meta.kind(), meta.sourceFile(), meta.sourceSha256(), Instant.now(),
                    n, Catalog.describe(c, name), meta.encoding(), meta.license(),
                    meta.sensitivity() == null ? Sensitivity.INTERNAL : meta.sensitivity(), meta.description(), props);
            project.catalog().register(c, info);
            progress.progress("Done", n, n);
            return info;
        });
    }

    private static String typeOf(List<GeoFeature> features, String field) {
        boolean anyLong = false;
        boolean anyDouble = false;
        boolean anyBool = false;
        boolean anyDate = false;
        boolean anyOther = false;
        for (GeoFeature f : features) {
            Object v = f.get(field);
            if (v == null) {
                continue;
            }
            if (v instanceof Long || v instanceof Integer) {
                anyLong = true;
            } else if (v instanceof Double || v instanceof Float) {
                anyDouble = true;
            } else if (v instanceof Boolean) {
                anyBool = true;
            } else if (v instanceof LocalDate) {
                anyDate = true;
            } else {
                anyOther = true;
            }
        }
        if (anyOther || (anyBool && (anyLong || anyDouble || anyDate)) || (anyDate && (anyLong || anyDouble))) {
            return "VARCHAR";
        }
        if (anyDouble) {
            return "DOUBLE";
        }
        if (anyLong) {
            return "BIGINT";
        }
        if (anyBool) {
            return "BOOLEAN";
        }
        if (anyDate) {
            return "DATE";
        }
        return "VARCHAR";
    }

    private static void set(PreparedStatement ps, int p, Object v, String type) throws SQLException {
        if (v == null) {
            ps.setNull(p, Types.VARCHAR);
            return;
        }
        switch (type) {
            case "BIGINT" -> ps.setLong(p, ((Number) v).longValue());
            case "DOUBLE" -> ps.setDouble(p, ((Number) v).doubleValue());
            case "BOOLEAN" -> ps.setBoolean(p, (Boolean) v);
            case "DATE" -> ps.setObject(p, v);
            default -> ps.setString(p, v.toString());
        }
    }
}
