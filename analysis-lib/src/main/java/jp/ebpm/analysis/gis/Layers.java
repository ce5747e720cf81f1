package jp.ebpm.analysis.gis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads a layer dataset (written by {@link LayerWriter} or {@link LayerImporter}) back as JTS features.
 *
 * @since 0.1
 */
public final class Layers {

    private Layers() {
    }

    /** Whether a dataset is a layer (has a {@code crs} property and a {@code geom} column). */
    public static boolean isLayer(DatasetInfo info) {
        return info.property("crs") != null && info.columnNames().contains(LayerWriter.GEOM);
    }

    /** The layer's EPSG code. */
    public static int epsgOf(DatasetInfo info) {
        String crs = info.property("crs");
        if (crs == null) {
            throw new WorkbenchException("The dataset \"" + info.name() + "\" is not a map layer (it has no coordinate system).");
        }
        return Crs.parseCode(crs);
    }

    /** The bytes of a BLOB value as returned by JDBC (byte[] or java.sql.Blob). */
    static byte[] bytes(Object v) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof java.sql.Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        throw new SQLException("geometry column holds " + v.getClass().getSimpleName() + ", not a BLOB");
    }

    /**
     * Reads all features of a layer in {@code fid} order. Attributes are all columns except {@code geom} and the
     * bounding-box columns.
     *
     * @throws WorkbenchException when there is no such layer
     */
    public static VectorData read(Project project, String name) {
        DatasetInfo info = project.catalog().get(name);
        int epsg = epsgOf(info);
        GeometryFactory f = new GeometryFactory();
        WKBReader wkb = new WKBReader(f);
        try (Connection c = project.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + Sql.ident(name) + " ORDER BY fid")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> fields = new ArrayList<>();
            int geomCol = -1;
            List<Integer> attrCols = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String col = md.getColumnLabel(i);
                if (col.equals(LayerWriter.GEOM)) {
                    geomCol = i;
                } else if (!List.of("minx", "miny", "maxx", "maxy").contains(col)) {
                    fields.add(col);
                    attrCols.add(i);
                }
            }
            List<GeoFeature> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> attrs = new LinkedHashMap<>();
                for (int k = 0; k < attrCols.size(); k++) {
                    Object v = rs.getObject(attrCols.get(k));
                    if (v instanceof Integer i) {
                        v = i.longValue();
                    } else if (v instanceof java.math.BigDecimal bd) {
                        v = bd.doubleValue();
                    } else if (v instanceof java.sql.Date d) {
                        v = d.toLocalDate();
                    }
                    attrs.put(fields.get(k), v);
                }
                byte[] bytes = geomCol < 0 ? null : bytes(rs.getObject(geomCol));
                Geometry g = bytes == null ? null : wkb.read(bytes);
                out.add(new GeoFeature(g, attrs));
            }
            return new VectorData(fields, out, epsg, info.encoding(), List.of());
        } catch (SQLException | ParseException e) {
            throw new WorkbenchException("Cannot read the layer \"" + name + "\": " + e.getMessage(), e);
        }
    }
}
