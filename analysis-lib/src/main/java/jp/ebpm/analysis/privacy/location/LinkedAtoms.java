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
 * <p>Pings of one device with the same time stamp at different positions cannot be told apart after area
 * assignment (which keeps device and time only); they are left out of the atoms. Leaving records out makes
 * the check stricter, never weaker: fewer persons per atom and fewer unknowns.
 */
final class LinkedAtoms implements AutoCloseable {

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
        for (TimeBand b : TimeBand.values()) {
            if (groupings.stream().anyMatch(g -> g.band() == b)) {
                select.put(timeDim(b), population ? b.keySql().replace("ts", "(CAST(date AS TIMESTAMP) + to_hours(CAST(hour AS INTEGER)))")
                        : b.keySql());
            }
        }
        if (population) {
            for (AreaLevel level : List.of(AreaLevel.MESH3, AreaLevel.MESH4)) {
                if (groupings.stream().anyMatch(g -> g.level() == level)) {
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
     * The pings with the keys of every layer joined by device and time (the assignment keeps no row id), and the
     * home flag of the layers of residents/visitors tables.
     */
    private String pingsSource(String dataset, Map<String, AreaLayer> layers, Map<String, String> select, Cancellation cancel) {
        String ds = Sql.ident(dataset);
        StringBuilder with = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        Map<String, Integer> layerIndex = new LinkedHashMap<>();
        for (LinkedGrouping g : groupings) {
            if (g.level().needsLayer()) {
                layerIndex.putIfAbsent(g.layerSha(), layerIndex.size());
            }
        }
        for (AreaLevel level : List.of(AreaLevel.MESH3, AreaLevel.MESH4)) {
            if (groupings.stream().anyMatch(g -> g.level() == level)) {
                select.put(areaDim(level, ""), level == AreaLevel.MESH3 ? MeshCodeSql.level3Number("lat", "lon")
                        : MeshCodeSql.level4Number("lat", "lon"));
            }
        }
        for (Map.Entry<String, Integer> e : layerIndex.entrySet()) {
            int i = e.getValue();
            String assigned = AreaAssigner.assign(vault, dataset, layers.get(e.getKey()), cancel);
            with.append(", l").append(i).append(" AS (SELECT DISTINCT pid AS l").append(i).append("_pid, ts AS l").append(i)
                    .append("_ts, CAST(area AS VARCHAR) AS l").append(i).append("_area FROM ").append(assigned).append(")");
            joins.append(" LEFT JOIN l").append(i).append(" ON l").append(i).append("_pid = pid AND l").append(i).append("_ts = ts");
            AreaLevel level = groupings.stream().filter(g -> g.layerSha().equals(e.getKey())).findFirst().orElseThrow().level();
            select.put(areaDim(level, e.getKey()), "l" + i + "_area");
            if (groupings.stream().anyMatch(g -> g.layerSha().equals(e.getKey()) && !"aggregate".equals(g.op()))) {
                with.append(", ").append(LocationQueries.homeSql(assigned, "h" + i));
                with.append(", hh").append(i).append(" AS (SELECT pid AS h").append(i).append("_pid, CAST(home AS VARCHAR) AS h")
                        .append(i).append("_home FROM h").append(i).append("home)");
                joins.append(" LEFT JOIN hh").append(i).append(" ON h").append(i).append("_pid = pid");
                select.put("f_" + i, "coalesce(h" + i + "_home = l" + i + "_area, false)");
                flagOf.put(e.getKey(), "f_" + i);
            }
        }
        if (layerIndex.isEmpty()) {
            return ds;
        }
        // pings of one device and time at different positions cannot be matched to their areas: left out
        return "(WITH amb AS (SELECT pid, ts FROM " + ds + " GROUP BY pid, ts HAVING count(DISTINCT lat) > 1 OR count(DISTINCT lon) > 1),"
                + " base AS (SELECT pid, ts, lat, lon FROM " + ds + " ANTI JOIN amb USING (pid, ts))" + with
                + " SELECT * FROM base" + joins + ")";
    }

    private static String timeDim(TimeBand b) {
        return "t_" + b.id();
    }

    private static String areaDim(AreaLevel level, String sha) {
        return level.needsLayer() ? "a_" + sha.substring(0, 16) : "a_" + level.id();
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
        List<LinkedCells.Partition> parts = new ArrayList<>();
        for (int gi = 0; gi < groupings.size(); gi++) {
            LinkedGrouping g = groupings.get(gi);
            int area = dims.indexOf(areaDim(g.level(), g.layerSha()));
            int time = dims.indexOf(timeDim(g.band()));
            String flagDim = flagOf.get(g.layerSha());
            int flag = "aggregate".equals(g.op()) || "dwell".equals(g.op()) ? -1 : dims.indexOf(flagDim);
            int[] cellOf = new int[n];
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int a = 0; a < n; a++) {
                String[] v = dimValues.get(a);
                boolean in = v[area] != null && (flag < 0 || Boolean.parseBoolean(v[flag]) == "residents".equals(g.op()));
                cellOf[a] = in ? index.computeIfAbsent(v[area] + "\t" + label(g.band(), v[time]), x -> index.size()) : -1;
            }
            List<String> keys = List.copyOf(index.keySet());
            boolean[] pub = new boolean[keys.size()];
            for (int c = 0; c < keys.size(); c++) {
                pub[c] = published.get(gi).contains(keys.get(c));
            }
            parts.add(new LinkedCells.Partition(g.key(), cellOf, keys, new long[keys.size()], pub, g.area(),
                    g.band().id(), g.subset(), g.userLayer()));
        }
        if (additive) {
            for (LinkedCells.Partition p : parts) {
                for (int a = 0; a < n; a++) {
                    if (p.cellOfAtom()[a] >= 0) {
                        p.cellPersons()[p.cellOfAtom()[a]] += ap[a];
                    }
                }
            }
            cells = new LinkedCells(ap, true, parts, (p1, p2) -> Map.of());
            return;
        }
        String map = table("cells");
        StringBuilder cols = new StringBuilder("atom INTEGER");
        for (int gi = 0; gi < parts.size(); gi++) {
            cols.append(", g").append(gi).append(" INTEGER");
        }
        st.execute("CREATE TABLE " + map + " (" + cols + ")");
        try (RowAppender app = RowAppender.open(st.getConnection(), map)) {
            for (int a = 0; a < n; a++) {
                app.beginRow().append(a);
                for (LinkedCells.Partition p : parts) {
                    if (p.cellOfAtom()[a] >= 0) {
                        app.append(p.cellOfAtom()[a]);
                    } else {
                        app.appendNull();
                    }
                }
                app.endRow();
            }
        }
        String pidatom = pidAtom;
        for (int gi = 0; gi < parts.size(); gi++) {
            try (ResultSet rs = st.executeQuery("SELECT g" + gi + ", count(DISTINCT pid) FROM " + pidatom + " JOIN " + map
                    + " USING (atom) WHERE g" + gi + " IS NOT NULL GROUP BY 1")) {
                while (rs.next()) {
                    parts.get(gi).cellPersons()[rs.getInt(1)] = rs.getLong(2);
                }
            }
        }
        cells = new LinkedCells(ap, false, parts, (p1, p2) -> inside(pidatom, map, p1, p2));
    }

    /** Persons of each cell of p1 all of whose records in it lie in one cell of p2, per (cell, cell). */
    private Map<Long, Long> inside(String pidatom, String map, int p1, int p2) {
        Map<Long, Long> out = new HashMap<>();
        String sql = "SELECT c1, s, count(*) FROM (SELECT m.g" + p1 + " AS c1, x.pid, min(m.g" + p2 + ") AS s, max(m.g" + p2
                + ") AS s2, count(*) AS n, count(m.g" + p2 + ") AS nn FROM " + pidatom + " x JOIN " + map
                + " m USING (atom) WHERE m.g" + p1 + " IS NOT NULL GROUP BY 1, 2) WHERE s = s2 AND n = nn GROUP BY 1, 2";
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(LinkedCells.pair(rs.getInt(1), rs.getInt(2)), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new WorkbenchException("The check against earlier releases failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** The table label of a time key as read from DuckDB (hour number, weekend flag, date, first of month). */
    static String label(TimeBand band, String key) {
        return switch (band) {
            case HOUR, DATE -> key;
            case WEEKDAY -> Boolean.parseBoolean(key) ? "weekend" : "weekday";
            case MONTH -> key.substring(0, 7);
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
