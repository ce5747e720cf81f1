package jp.ebpm.analysis.privacy.location;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.store.RowAppender;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Assigns each ping to the area (polygon) containing it, without a spatial extension, in three steps:
 * <ol>
 *   <li>SQL lists the distinct grid cells of {@value #LAT_CELLS}ths of a degree of latitude × {@value #LON_CELLS}ths
 *       of longitude (about 46 m × 56 m in Kawasaki) that hold pings;</li>
 *   <li>JTS classifies each cell: inside one area (the whole cell rectangle is contained), outside all
 *       areas, or a boundary cell;</li>
 *   <li>only the distinct points of boundary cells get an exact point-in-polygon test (points on an edge
 *       go to the area with the smallest key); the lookup tables are joined to the pings in SQL.</li>
 * </ol>
 * Pings outside every area get area NULL and are left out of area outputs. The result, an in-memory
 * table {@code (pid, ts, area)} with {@code area} an ENUM of the layer's keys, is cached for the vault session.
 */
public final class AreaAssigner {

    static final int LAT_CELLS = 2400;
    static final int LON_CELLS = 1600;
    private static final GeometryFactory GF = new GeometryFactory();

    private AreaAssigner() {
    }

    /** The in-memory table (pid BIGINT, ts TIMESTAMP, area VARCHAR) of a pings dataset in a layer. */
    public static String assign(UnlockedVault vault, String dataset, AreaLayer layer, Cancellation cancel) {
        String key = "assign|" + dataset + "|" + layer.id();
        Object cached = vault.sessionCache().get(key);
        if (cached instanceof String s) {
            return s;
        }
        vault.load(dataset, cancel);
        String suffix = Long.toHexString(System.nanoTime());
        String cells = "_cells_" + suffix;
        String points = "_points_" + suffix;
        String out = "_assign_" + suffix;
        String ds = Sql.ident(dataset);
        String cx = "CAST(floor(lon * " + LON_CELLS + ") AS INTEGER)";
        String cy = "CAST(floor(lat * " + LAT_CELLS + ") AS INTEGER)";
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (AreaLayer.Area a : layer.areas()) {
            prepared.add(PreparedGeometryFactory.prepare(a.geometry()));
        }
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + cells + " (cx INTEGER, cy INTEGER, area VARCHAR, boundary BOOLEAN)");
            st.execute("CREATE TABLE " + points + " (lon DOUBLE, lat DOUBLE, area VARCHAR)");
            try {
                try (ResultSet rs = st.executeQuery("SELECT DISTINCT " + cx + " AS cx, " + cy + " AS cy FROM " + ds);
                     RowAppender app = RowAppender.open(c, cells)) {
                    while (rs.next()) {
                        int x = rs.getInt(1);
                        int y = rs.getInt(2);
                        Envelope env = new Envelope((double) x / LON_CELLS, (double) (x + 1) / LON_CELLS,
                                (double) y / LAT_CELLS, (double) (y + 1) / LAT_CELLS);
                        Geometry rect = GF.toGeometry(env);
                        String inside = null;
                        boolean boundary = false;
                        for (int i = 0; i < prepared.size(); i++) {
                            if (!layer.areas().get(i).geometry().getEnvelopeInternal().intersects(env)) {
                                continue;
                            }
                            PreparedGeometry pg = prepared.get(i);
                            if (pg.containsProperly(rect)) {
                                inside = layer.areas().get(i).key();
                                break;
                            }
                            if (pg.intersects(rect)) {
                                boundary = true;
                                break;
                            }
                        }
                        app.beginRow().append(x).append(y).append(boundary ? null : inside).append(boundary).endRow();
                    }
                }
                cancel.check();
                try (ResultSet rs = st.executeQuery("SELECT DISTINCT p.lon, p.lat FROM (SELECT lon, lat, " + cx + " AS cx, "
                        + cy + " AS cy FROM " + ds + ") p SEMI JOIN (SELECT cx, cy FROM " + cells + " WHERE boundary) c"
                        + " ON c.cx = p.cx AND c.cy = p.cy");
                     RowAppender app = RowAppender.open(c, points)) {
                    long n = 0;
                    while (rs.next()) {
                        double lon = rs.getDouble(1);
                        double lat = rs.getDouble(2);
                        Point pt = GF.createPoint(new Coordinate(lon, lat));
                        String area = null;
                        for (int i = 0; i < prepared.size(); i++) {
                            if (prepared.get(i).intersects(pt)) {
                                area = layer.areas().get(i).key();
                                break;
                            }
                        }
                        app.beginRow().append(lon).append(lat).append(area).endRow();
                        if ((++n & 0xFFFF) == 0) {
                            cancel.check();
                        }
                    }
                }
                // area as an ENUM of the layer's keys: one byte per row, fast to group and compare
                String enumType = "_area_enum_" + suffix;
                StringBuilder keys = new StringBuilder();
                for (String k : layer.areas().stream().map(AreaLayer.Area::key).distinct().toList()) {
                    keys.append(keys.length() == 0 ? "" : ", ").append(Sql.literal(k));
                }
                st.execute("CREATE TYPE " + enumType + " AS ENUM (" + keys + ")");
                // cells of interior/outside cells carry their area; points holds only boundary-cell points
                st.execute("CREATE TABLE " + out + " AS SELECT p.pid, p.ts, CAST(coalesce(c.area, m.area) AS " + enumType + ") AS area"
                        + " FROM (SELECT pid, ts, lon, lat, " + cx + " AS cx, " + cy + " AS cy FROM " + ds + ") p"
                        + " LEFT JOIN " + cells + " c ON c.cx = p.cx AND c.cy = p.cy"
                        + " LEFT JOIN " + points + " m ON m.lon = p.lon AND m.lat = p.lat");
            } finally {
                st.execute("DROP TABLE IF EXISTS " + cells);
                st.execute("DROP TABLE IF EXISTS " + points);
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Assigning pings to areas failed: " + e.getMessage(), e);
        }
        vault.sessionCache().put(key, out);
        return out;
    }
}
