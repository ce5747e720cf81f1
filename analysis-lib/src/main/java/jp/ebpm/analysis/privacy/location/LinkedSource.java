package jp.ebpm.analysis.privacy.location;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.store.RowAppender;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The records of a linked family as SQL for {@link LinkedAtoms}: one row per record (ping, stay or population row)
 * with the key of every spatial partition, hour and date, and for residents/visitors whether the area is the
 * device's home. Building blocks that do not change during a vault session (area assignment, home areas, the
 * list of pings that share device and time at different positions) are kept in the session cache.
 *
 * <p>Area assignment ({@link AreaAssigner}) keeps device and time only, so the areas of a layer are joined to the
 * pings by device and time; pings of one device with the same time stamp at different positions cannot be matched
 * that way and get their areas here, in Java, by the assignment's rule (the first area in key order whose polygon
 * holds the point).
 */
final class LinkedSource {

    static final String T_HOUR = "t_hour";
    static final String T_DATE = "t_date";
    private static final GeometryFactory GF = new GeometryFactory();

    private final UnlockedVault vault;
    private final String dataset;
    private final List<LinkedGrouping> groupings;
    private final Map<String, AreaLayer> layers;
    private final Cancellation cancel;
    private final List<String> scratch;
    /** Dimension name → SQL expression over the source's columns. */
    final Map<String, String> dims = new LinkedHashMap<>();
    /** Layer SHA-256 → the dimension of its home flag (layers of residents/visitors tables). */
    final Map<String, String> flagOf = new LinkedHashMap<>();

    /**
     * @param scratch receives the names of temporary tables to drop after the check
     */
    LinkedSource(UnlockedVault vault, String dataset, List<LinkedGrouping> groupings, Map<String, AreaLayer> layers,
                 Cancellation cancel, List<String> scratch) {
        this.vault = vault;
        this.dataset = dataset;
        this.groupings = groupings;
        this.layers = layers;
        this.cancel = cancel;
        this.scratch = scratch;
    }

    static String areaDim(AreaLevel level, String sha) {
        return level.needsLayer() ? "a_" + sha.substring(0, 16) : "a_" + level.id();
    }

    /** The mesh levels of the linked set: those of its tables, and the 1 km mesh whenever the 500 m mesh is there. */
    Set<AreaLevel> meshLevels() {
        Set<AreaLevel> m = new TreeSet<>();
        for (LinkedGrouping g : groupings) {
            if (!g.level().needsLayer()) {
                m.add(g.level());
            }
        }
        if (m.contains(AreaLevel.MESH4)) {
            m.add(AreaLevel.MESH3);
        }
        return m;
    }

    /** The SQL of the family's records (a table name or a parenthesised query); fills {@link #dims}. */
    String sql() throws SQLException {
        LinkedGrouping first = groupings.get(0);
        boolean population = first.population();
        // hour and date of every record: every time band is a function of them, so tables of any band are linked
        String ts = population ? "(CAST(date AS TIMESTAMP) + to_hours(CAST(hour AS INTEGER)))" : "ts";
        dims.put(T_HOUR, "hour(" + ts + ")");
        dims.put(T_DATE, "CAST(" + ts + " AS DATE)");
        if (population) {
            for (AreaLevel level : meshLevels()) {
                int len = level == AreaLevel.MESH3 ? 8 : 9;
                dims.put(areaDim(level, ""), "CASE WHEN length(mesh_code) >= " + len + " THEN substr(mesh_code, 1, " + len + ") END");
            }
            return Sql.ident(dataset);
        }
        if ("dwell".equals(first.op())) {
            String assigned = AreaAssigner.assign(vault, dataset, layers.get(first.layerSha()), cancel);
            dims.put(areaDim(first.level(), first.layerSha()), "CAST(area AS VARCHAR)");
            return "(" + LocationQueries.staysSql(assigned) + " SELECT pid, area, t0 AS ts FROM stays)";
        }
        return pings();
    }

    private String pings() throws SQLException {
        String ds = Sql.ident(dataset);
        for (AreaLevel level : meshLevels()) {
            dims.put(areaDim(level, ""), level == AreaLevel.MESH3 ? MeshCodeSql.level3Number("lat", "lon")
                    : MeshCodeSql.level4Number("lat", "lon"));
        }
        List<String> shas = groupings.stream().filter(g -> g.level().needsLayer()).map(LinkedGrouping::layerSha).distinct().toList();
        if (shas.isEmpty()) {
            return ds;
        }
        List<String> assigned = new ArrayList<>();
        StringBuilder homes = new StringBuilder();
        StringBuilder homeCols = new StringBuilder();
        for (int i = 0; i < shas.size(); i++) {
            String sha = shas.get(i);
            assigned.add(AreaAssigner.assign(vault, dataset, layers.get(sha), cancel));
            AreaLevel level = groupings.stream().filter(g -> g.layerSha().equals(sha)).findFirst().orElseThrow().level();
            dims.put(areaDim(level, sha), "l" + i + "_area");
            if (groupings.stream().anyMatch(g -> g.layerSha().equals(sha) && ("residents".equals(g.op()) || "visitors".equals(g.op())))) {
                String home = home(sha, assigned.get(i));
                homes.append(" LEFT JOIN (SELECT pid AS h").append(i).append("_pid, home AS h").append(i).append("_home FROM ")
                        .append(home).append(") ON h").append(i).append("_pid = pid");
                homeCols.append(", h").append(i).append("_home");
                dims.put("f_" + sha.substring(0, 16), "coalesce(h" + i + "_home = l" + i + "_area, false)");
                flagOf.put(sha, "f_" + sha.substring(0, 16));
            }
        }
        if (shas.size() == 1 && meshLevels().isEmpty()) {
            // one layer and no mesh: the assignment alone has every key, no join with the pings is needed
            return "(SELECT pid, ts, CAST(area AS VARCHAR) AS l0_area" + homeCols + " FROM " + assigned.get(0) + homes + ")";
        }
        StringBuilder joins = new StringBuilder();
        StringBuilder areaCols = new StringBuilder();
        for (int i = 0; i < shas.size(); i++) {
            // no DISTINCT: identical duplicate pings only repeat rows, which the atoms' DISTINCT removes
            joins.append(" LEFT JOIN (SELECT pid AS l").append(i).append("_pid, ts AS l").append(i).append("_ts, CAST(area AS VARCHAR) AS l")
                    .append(i).append("_area FROM ").append(assigned.get(i)).append(") ON l").append(i).append("_pid = pid AND l")
                    .append(i).append("_ts = ts");
            areaCols.append(", l").append(i).append("_area");
        }
        String amb = ambiguous(ds);
        String cols = "pid, ts, lat, lon" + areaCols;
        String base = amb == null ? "SELECT " + cols + " FROM " + ds + joins
                : "SELECT " + cols + " FROM (SELECT pid, ts, lat, lon FROM " + ds + " ANTI JOIN " + amb + " USING (pid, ts))" + joins
                        + " UNION ALL SELECT " + cols + " FROM " + ambiguousAreas(ds, amb, shas);
        return "(SELECT * FROM (" + base + ")" + homes + ")";
    }

    /** The session's table of each device's home area in a layer (most pings between 00:00 and 04:59). */
    private String home(String sha, String assigned) throws SQLException {
        String key = "linked-home|" + dataset + "|" + sha;
        if (vault.sessionCache().get(key) instanceof String t) {
            return t;
        }
        String t = "_linked_home_" + Long.toHexString(System.nanoTime());
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + t + " AS WITH " + LocationQueries.homeSql(assigned, "")
                    + " SELECT pid, CAST(home AS VARCHAR) AS home FROM home");
        }
        vault.sessionCache().put(key, t);
        return t;
    }

    /** The session's table of (device, time) pairs with pings at different positions, or null when there are none. */
    private String ambiguous(String ds) throws SQLException {
        String key = "linked-ambiguous|" + dataset;
        Object cached = vault.sessionCache().get(key);
        if (cached instanceof String t) {
            return t.isEmpty() ? null : t;
        }
        String t = "_linked_amb_" + Long.toHexString(System.nanoTime());
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + t + " AS SELECT pid, ts FROM " + ds
                    + " GROUP BY pid, ts HAVING min(lat) <> max(lat) OR min(lon) <> max(lon)");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    st.execute("DROP TABLE " + t);
                    t = "";
                }
            }
        }
        vault.sessionCache().put(key, t);
        return t.isEmpty() ? null : t;
    }

    /** The ambiguous pings with their area in every layer, assigned point by point. */
    private String ambiguousAreas(String ds, String amb, List<String> shas) throws SQLException {
        String t = "_linked_ambareas_" + Long.toHexString(System.nanoTime());
        scratch.add(t);
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            List<Object[]> pings = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT pid, epoch_us(ts), lat, lon FROM " + ds + " SEMI JOIN " + amb + " USING (pid, ts)")) {
                while (rs.next()) {
                    pings.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)});
                }
            }
            StringBuilder ddl = new StringBuilder("pid BIGINT, ts TIMESTAMP, lat DOUBLE, lon DOUBLE");
            List<List<PreparedGeometry>> prepared = new ArrayList<>();
            for (int i = 0; i < shas.size(); i++) {
                ddl.append(", l").append(i).append("_area VARCHAR");
                prepared.add(layers.get(shas.get(i)).areas().stream().map(a -> PreparedGeometryFactory.prepare(a.geometry())).toList());
            }
            st.execute("CREATE TABLE " + t + " (" + ddl + ")");
            try (RowAppender app = RowAppender.open(c, t)) {
                for (Object[] p : pings) {
                    app.beginRow().append((long) p[0]).appendEpochMicros((long) p[1]).append((double) p[2]).append((double) p[3]);
                    Point pt = GF.createPoint(new Coordinate((double) p[3], (double) p[2]));
                    for (int i = 0; i < shas.size(); i++) {
                        String key = null;
                        List<AreaLayer.Area> areas = layers.get(shas.get(i)).areas();
                        for (int a = 0; a < areas.size() && key == null; a++) {
                            if (prepared.get(i).get(a).intersects(pt)) {
                                key = areas.get(a).key();
                            }
                        }
                        app.append(key);
                    }
                    app.endRow();
                }
            }
        }
        return t;
    }
}
