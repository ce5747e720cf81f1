package jp.ebpm.analysis.privacy.location;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.LinkedCells;
import jp.ebpm.analysis.store.RowAppender;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Computes the atoms of a linked set in the vault's in-memory DuckDB: every record (ping, stay, population row)
 * gets the key of each spatial partition (area of each layer, 1 km / 500 m mesh), each time band and, for
 * residents/visitors, whether the area is the device's home area; an atom is a distinct combination of these
 * keys that holds at least one record. For distinct-person families the table {@code (pid, atom)} stays in memory
 * while the audit runs, to count the persons of cell differences ({@link LinkedCells.Inside}); it is dropped on
 * {@link #close()}.
 *
 * <p>Area assignment ({@link AreaAssigner}) keeps device and time only, so the areas of several layers are
 * joined by device and time; pings of one device with the same time stamp at different positions are assigned
 * here instead, point by point.
 */
final class LinkedAtoms implements AutoCloseable {

    private static final GeometryFactory GF = new GeometryFactory();

    private final UnlockedVault vault;
    private final String suffix = Long.toHexString(System.nanoTime());
    private final List<String> tables = new ArrayList<>();
    private final List<LinkedGrouping> groupings;
    private final List<String> dims = new ArrayList<>();
    private final Map<String, String> flagOf = new HashMap<>();
    private String pidAtom;
    private LinkedCells cells;

    private LinkedAtoms(UnlockedVault vault, List<LinkedGrouping> groupings) {
        this.vault = vault;
        this.groupings = groupings;
    }

    /**
     * Builds the atoms of the groupings (one family) of a dataset.
     *
     * @param layers    the area layer of each layer SHA-256 used by the groupings
     * @param published for each grouping, the keys of its cells published by earlier releases
     */
    static LinkedAtoms build(UnlockedVault vault, String dataset, List<LinkedGrouping> groupings, Map<String, AreaLayer> layers,
                             List<Set<String>> published, Cancellation cancel) {
        LinkedAtoms a = new LinkedAtoms(vault, groupings);
        try {
            a.compute(dataset, layers, published, cancel);
            return a;
        } catch (SQLException e) {
            a.close();
            throw new WorkbenchException("The check against earlier releases failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    LinkedCells cells() {
        return cells;
    }

    private String table(String name) {
        String t = "_linked_" + name + "_" + suffix;
        tables.add(t);
        return t;
    }

    private void compute(String dataset, Map<String, AreaLayer> layers, List<Set<String>> published, Cancellation cancel)
            throws SQLException {
        boolean population = groupings.get(0).population();
        String family = groupings.get(0).family();
        List<String> areaDims = new ArrayList<>();
        Map<String, String> select = new LinkedHashMap<>();
        String from;
        // hour and date of every record: every time band is a function of them, so tables of any band are linked
        String ts = population ? "(CAST(date AS TIMESTAMP) + to_hours(CAST(hour AS INTEGER)))" : "ts";
        select.put(T_HOUR, "hour(" + ts + ")");
        select.put(T_DATE, "CAST(" + ts + " AS DATE)");
        if (population) {
            for (AreaLevel level : List.of(AreaLevel.MESH3, AreaLevel.MESH4)) {
                if (meshLevels().contains(level)) {
                    int len = level == AreaLevel.MESH3 ? 8 : 9;
                    select.put(areaDim(level, ""), "CASE WHEN length(mesh_code) >= " + len + " THEN substr(mesh_code, 1, " + len + ") END");
                }
            }
            from = Sql.ident(dataset);
        } else if (family.startsWith("dwell@")) {
            String sha = groupings.get(0).layerSha();
            String assigned = AreaAssigner.assign(vault, dataset, layers.get(sha), cancel);
            select.put(areaDim(groupings.get(0).level(), sha), "CAST(area AS VARCHAR)");
            from = "(" + LocationQueries.staysSql(assigned) + " SELECT pid, area, t0 AS ts FROM stays)";
        } else {
            from = pingsSource(dataset, layers, select, cancel);
        }
        for (String d : select.keySet()) {
            dims.add(d);
            if (d.startsWith("a_")) {
                areaDims.add(d);
            }
        }
        String dimList = String.join(", ", dims);
        String atoms = table("atoms");
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            StringBuilder sel = new StringBuilder();
            select.forEach((name, expr) -> sel.append(sel.length() == 0 ? "" : ", ").append(expr).append(" AS ").append(name));
            String covered = areaDims.isEmpty() ? "" : " WHERE " + String.join(" OR ", areaDims.stream().map(d -> d + " IS NOT NULL").toList());
            if (population) {
                st.execute("CREATE TABLE " + atoms + " AS SELECT row_number() OVER (ORDER BY " + order() + ") - 1 AS atom, *"
                        + " FROM (SELECT " + dimList + ", CAST(round(sum(population)) AS BIGINT) AS persons FROM (SELECT "
                        + sel + ", population FROM " + from + ")" + covered + " GROUP BY ALL)");
            } else {
                String pa = table("pa");
                st.execute("CREATE TABLE " + pa + " AS SELECT DISTINCT * FROM (SELECT pid, " + sel + " FROM " + from + ")" + covered);
                cancel.check();
                st.execute("CREATE TABLE " + atoms + " AS SELECT row_number() OVER (ORDER BY " + order() + ") - 1 AS atom, *"
                        + " FROM (SELECT " + dimList + ", count(*) AS persons FROM " + pa + " GROUP BY ALL)");
                StringBuilder on = new StringBuilder();
                for (String d : dims) {
                    on.append(on.length() == 0 ? "" : " AND ").append("p.").append(d).append(" IS NOT DISTINCT FROM a.").append(d);
                }
                pidAtom = table("pidatom");
                st.execute("CREATE TABLE " + pidAtom + " AS SELECT p.pid, a.atom FROM " + pa + " p JOIN " + atoms
                        + " a ON " + on);
                st.execute("DROP TABLE " + pa);
            }
            cancel.check();
            read(st, atoms, published, population);
        }
    }

    private String order() {
        return String.join(", ", dims.stream().map(d -> d + " NULLS FIRST").toList());
    }

    /**
     * The pings with the area of every layer, joined by device and time (the assignment keeps no row id), and the
     * home area for the layers of residents/visitors tables. Pings of one device with the same time stamp at
     * different positions cannot be matched that way: they get their areas here, in Java, by the assignment's
     * rule (the first area in key order whose polygon holds the point).
     */
    private String pingsSource(String dataset, Map<String, AreaLayer> layers, Map<String, String> select, Cancellation cancel)
            throws SQLException {
        String ds = Sql.ident(dataset);
        for (AreaLevel level : List.of(AreaLevel.MESH3, AreaLevel.MESH4)) {
            if (meshLevels().contains(level)) {
                select.put(areaDim(level, ""), level == AreaLevel.MESH3 ? MeshCodeSql.level3Number("lat", "lon")
                        : MeshCodeSql.level4Number("lat", "lon"));
            }
        }
        List<String> shas = groupings.stream().filter(g -> g.level().needsLayer()).map(LinkedGrouping::layerSha).distinct().toList();
        if (shas.isEmpty()) {
            return ds;
        }
        StringBuilder with = new StringBuilder("amb AS (SELECT pid, ts FROM " + ds
                + " GROUP BY pid, ts HAVING count(DISTINCT lat) > 1 OR count(DISTINCT lon) > 1)");
        StringBuilder joins = new StringBuilder();
        StringBuilder areaCols = new StringBuilder();
        StringBuilder homeJoins = new StringBuilder();
        for (int i = 0; i < shas.size(); i++) {
            String sha = shas.get(i);
            String assigned = AreaAssigner.assign(vault, dataset, layers.get(sha), cancel);
            with.append(", l").append(i).append(" AS (SELECT DISTINCT pid AS l").append(i).append("_pid, ts AS l").append(i)
                    .append("_ts, CAST(area AS VARCHAR) AS l").append(i).append("_area FROM ").append(assigned).append(")");
            joins.append(" LEFT JOIN l").append(i).append(" ON l").append(i).append("_pid = pid AND l").append(i).append("_ts = ts");
            areaCols.append(", l").append(i).append("_area");
            AreaLevel level = groupings.stream().filter(g -> g.layerSha().equals(sha)).findFirst().orElseThrow().level();
            select.put(areaDim(level, sha), "l" + i + "_area");
            if (groupings.stream().anyMatch(g -> g.layerSha().equals(sha) && !"aggregate".equals(g.op()) && !"dwell".equals(g.op()))) {
                with.append(", ").append(LocationQueries.homeSql(assigned, "h" + i));
                with.append(", hh").append(i).append(" AS (SELECT pid AS h").append(i).append("_pid, CAST(home AS VARCHAR) AS h")
                        .append(i).append("_home FROM h").append(i).append("home)");
                homeJoins.append(" LEFT JOIN hh").append(i).append(" ON h").append(i).append("_pid = pid");
                select.put("f_" + i, "coalesce(h" + i + "_home = l" + i + "_area, false)");
                flagOf.put(sha, "f_" + i);
            }
        }
        String amb = ambiguousPings(ds, shas, layers);
        String cols = "pid, ts, lat, lon" + areaCols;
        return "(WITH " + with + ", base AS (SELECT " + cols + " FROM (SELECT pid, ts, lat, lon FROM " + ds
                + " ANTI JOIN amb USING (pid, ts))" + joins + (amb == null ? "" : " UNION ALL SELECT " + cols + " FROM " + amb)
                + ") SELECT * FROM base" + homeJoins + ")";
    }

    /** A table of the ambiguous pings with their area in every layer, or null when there are none. */
    private String ambiguousPings(String ds, List<String> shas, Map<String, AreaLayer> layers) throws SQLException {
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            List<Object[]> pings = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT pid, epoch_us(ts), lat, lon FROM " + ds + " SEMI JOIN (SELECT pid, ts FROM "
                    + ds + " GROUP BY pid, ts HAVING count(DISTINCT lat) > 1 OR count(DISTINCT lon) > 1) USING (pid, ts)")) {
                while (rs.next()) {
                    pings.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)});
                }
            }
            if (pings.isEmpty()) {
                return null;
            }
            String t = table("amb");
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
            return t;
        }
    }

    private static final String T_HOUR = "t_hour";
    private static final String T_DATE = "t_date";

    /** The mesh levels of the linked set: those of its tables, and the 1 km mesh whenever the 500 m mesh is there. */
    private Set<AreaLevel> meshLevels() {
        Set<AreaLevel> m = new java.util.TreeSet<>();
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

    private static String areaDim(AreaLevel level, String sha) {
        return level.needsLayer() ? "a_" + sha.substring(0, 16) : "a_" + level.id();
    }

    /**
     * Groupings not released but releasable from the same areas: every time band of every spatial partition of the
     * set (and the 1 km mesh of 500 m meshes), residents and visitors of the layers of presence tables.
     */
    private List<LinkedGrouping> potential() {
        LinkedGrouping first = groupings.get(0);
        String aggregate = "dwell".equals(first.op()) ? "dwell" : "aggregate";
        Set<String> have = new java.util.HashSet<>();
        groupings.forEach(g -> have.add(g.op() + "|" + g.area() + "|" + g.band()));
        Map<String, LinkedGrouping> spatial = new LinkedHashMap<>();
        groupings.forEach(g -> spatial.putIfAbsent(g.area(), g));
        for (AreaLevel m : meshLevels()) {
            spatial.putIfAbsent(m.id(), new LinkedGrouping("", aggregate, m, "", false, TimeBand.HOUR, first.population()));
        }
        List<LinkedGrouping> candidates = new ArrayList<>();
        for (LinkedGrouping g : spatial.values()) {
            for (TimeBand b : TimeBand.values()) {
                candidates.add(new LinkedGrouping("", aggregate, g.level(), g.layerSha(), g.userLayer(), b, first.population()));
            }
        }
        for (LinkedGrouping g : groupings) {
            if ("residents".equals(g.op()) || "visitors".equals(g.op())) {
                for (String who : List.of("residents", "visitors")) {
                    candidates.add(new LinkedGrouping("", who, g.level(), g.layerSha(), g.userLayer(), TimeBand.HOUR, first.population()));
                }
            }
        }
        List<LinkedGrouping> out = new ArrayList<>();
        for (LinkedGrouping g : candidates) {
            if (have.add(g.op() + "|" + g.area() + "|" + g.band())) {
                out.add(g);
            }
        }
        return out;
    }

    private void read(Statement st, String atoms, List<Set<String>> published, boolean additive) throws SQLException {
        List<String[]> dimValues = new ArrayList<>();
        List<Long> persons = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", dims) + ", persons FROM " + atoms + " ORDER BY atom")) {
            while (rs.next()) {
                String[] v = new String[dims.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rs.getString(i + 1);
                }
                dimValues.add(v);
                persons.add(rs.getLong(dims.size() + 1));
            }
        }
        int n = dimValues.size();
        long[] ap = new long[n];
        for (int a = 0; a < n; a++) {
            ap[a] = persons.get(a);
        }
        List<LinkedGrouping> all = new ArrayList<>(groupings);
        all.addAll(potential());
        int hour = dims.indexOf(T_HOUR);
        int date = dims.indexOf(T_DATE);
        List<LinkedCells.Partition> parts = new ArrayList<>();
        for (int gi = 0; gi < all.size(); gi++) {
            LinkedGrouping g = all.get(gi);
            boolean real = gi < groupings.size();
            int area = dims.indexOf(areaDim(g.level(), g.layerSha()));
            int flag = "aggregate".equals(g.op()) || "dwell".equals(g.op()) ? -1 : dims.indexOf(flagOf.get(g.layerSha()));
            int[] cellOf = new int[n];
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int a = 0; a < n; a++) {
                String[] v = dimValues.get(a);
                boolean in = v[area] != null && (flag < 0 || Boolean.parseBoolean(v[flag]) == "residents".equals(g.op()));
                cellOf[a] = in ? index.computeIfAbsent(v[area] + "\t" + label(g.band(), v[hour], v[date]), x -> index.size()) : -1;
            }
            List<String> keys = List.copyOf(index.keySet());
            boolean[] pub = new boolean[keys.size()];
            for (int c = 0; c < keys.size() && real; c++) {
                pub[c] = published.get(gi).contains(keys.get(c));
            }
            parts.add(new LinkedCells.Partition(real ? g.key() : "potential:" + g.op() + "|" + g.area() + "|" + g.band().id(),
                    cellOf, keys, new long[keys.size()], pub, g.area(), g.band().id(), g.subset(), g.userLayer(), !real));
        }
        if (additive) {
            for (LinkedCells.Partition p : parts) {
                for (int a = 0; a < n; a++) {
                    if (p.cellOfAtom()[a] >= 0) {
                        p.cellPersons()[p.cellOfAtom()[a]] += ap[a];
                    }
                }
            }
            cells = new LinkedCells(ap, true, parts, regions -> {
                throw new IllegalStateException("additive persons are summed");
            });
            return;
        }
        String map = table("cells");
        StringBuilder cols = new StringBuilder("atom INTEGER");
        for (int gi = 0; gi < groupings.size(); gi++) {
            cols.append(", g").append(gi).append(" INTEGER");
        }
        st.execute("CREATE TABLE " + map + " (" + cols + ")");
        try (RowAppender app = RowAppender.open(st.getConnection(), map)) {
            for (int a = 0; a < n; a++) {
                app.beginRow().append(a);
                for (int gi = 0; gi < groupings.size(); gi++) {
                    int c = parts.get(gi).cellOfAtom()[a];
                    if (c >= 0) {
                        app.append(c);
                    } else {
                        app.appendNull();
                    }
                }
                app.endRow();
            }
        }
        // exact persons of the released groupings' cells; the potential ones are needed only below k
        for (int gi = 0; gi < groupings.size(); gi++) {
            try (ResultSet rs = st.executeQuery("SELECT g" + gi + ", count(DISTINCT pid) FROM " + pidAtom + " JOIN " + map
                    + " USING (atom) WHERE g" + gi + " IS NOT NULL GROUP BY 1")) {
                while (rs.next()) {
                    parts.get(gi).cellPersons()[rs.getInt(1)] = rs.getLong(2);
                }
            }
        }
        // the potential groupings' cells are counted by the audit, and only when their atoms leave it open
        for (LinkedCells.Partition p : parts.subList(groupings.size(), parts.size())) {
            java.util.Arrays.fill(p.cellPersons(), -1L);
        }
        String pidatom = pidAtom;
        cells = new LinkedCells(ap, false, parts, regions -> regionPersons(pidatom, regions));
    }

    /** Distinct devices of each region (a set of atoms). */
    private long[] regionPersons(String pidatom, List<int[]> regions) {
        long[] out = new long[regions.size()];
        String t = table("regions");
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + t + " (region INTEGER, atom INTEGER)");
            try (RowAppender app = RowAppender.open(c, t)) {
                for (int r = 0; r < regions.size(); r++) {
                    for (int a : regions.get(r)) {
                        app.beginRow().append(r).append(a).endRow();
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT region, count(DISTINCT pid) FROM " + pidatom + " JOIN " + t
                    + " USING (atom) GROUP BY region")) {
                while (rs.next()) {
                    out[rs.getInt(1)] = rs.getLong(2);
                }
            }
            st.execute("DROP TABLE " + t);
        } catch (SQLException e) {
            throw new WorkbenchException("The check against earlier releases failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** The table label of a record's time (hour number and yyyy-MM-dd date as read from DuckDB) in a band. */
    static String label(TimeBand band, String hour, String date) {
        return switch (band) {
            case HOUR -> hour;
            case DATE -> date;
            case WEEKDAY -> java.time.LocalDate.parse(date).getDayOfWeek().getValue() >= 6 ? "weekend" : "weekday";
            case MONTH -> date.substring(0, 7);
        };
    }

    @Override
    public void close() {
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            for (String t : tables) {
                st.execute("DROP TABLE IF EXISTS " + t);
            }
        } catch (SQLException e) {
            // in-memory tables of the unlocked vault: dropped with it at the latest
        }
        tables.clear();
    }
}
