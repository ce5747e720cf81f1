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
import jp.ebpm.analysis.task.Cancellation;

/**
 * Computes the atoms of a linked set in the vault's in-memory DuckDB: every record (ping, stay, population row)
 * gets the key of each spatial partition, its hour and date and, for residents/visitors, whether the area is the
 * device's home ({@link LinkedSource}); an atom is a distinct combination of these keys that holds at least one
 * record, identified by a 63-bit hash of the keys (checked for collisions). For distinct-person families the table
 * {@code (pid, keys, atom hash)} is kept in memory to count the persons of unions of atoms
 * ({@link LinkedCells.RegionPersons}). The atoms of the latest set of keys are kept for the vault session (one per
 * dataset): the next table of the same areas and populations, whatever its time band, reuses them.
 */
final class LinkedAtoms implements AutoCloseable {

    private final UnlockedVault vault;
    private final String suffix = Long.toHexString(System.nanoTime());
    private final List<String> tables = new ArrayList<>();
    private final List<LinkedGrouping> groupings;
    private final List<String> dims = new ArrayList<>();
    private LinkedSource source;
    private String personAtoms;
    private long[] atomHash;
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

    /**
     * The linked set. The persons of the released groupings' cells are −1 (not counted: the audit counts those
     * it needs, and the caller may fill in the new table's own counts).
     */
    LinkedCells cells() {
        return cells;
    }

    private String table(String name) {
        String t = "_linked_" + name + "_" + suffix;
        tables.add(t);
        return t;
    }

    /**
     * The atoms of one set of keys, kept for the vault session: the next table whose linked set has the same keys
     * (e.g. another time band of the same areas) reuses them. One per dataset; a new one replaces it.
     *
     * @param personAtoms the in-memory table (pid, keys, h) of the persons of every atom (null: additive persons)
     */
    private record Built(String personAtoms, String atoms, List<String> dims, String[][] values, long[] persons, long[] hashes) {
    }

    private void compute(String dataset, Map<String, AreaLayer> layers, List<Set<String>> published, Cancellation cancel)
            throws SQLException {
        boolean population = groupings.get(0).population();
        source = new LinkedSource(vault, dataset, groupings, layers, cancel, tables);
        String from = source.sql();
        String key = "linked-atoms|" + dataset + "|" + vault.info(dataset).property(UnlockedVault.ENCRYPTED_FILE) + "|"
                + groupings.get(0).family() + "|" + new java.util.TreeSet<>(source.dims.keySet());
        Built built = vault.sessionCache().get(key) instanceof Built b ? b : null;
        if (built == null) {
            built = build(from, population, cancel);
            String current = "linked-atoms-current|" + dataset;
            if (vault.sessionCache().get(current) instanceof String old && vault.sessionCache().remove(old) instanceof Built gone) {
                drop(gone);
            }
            vault.sessionCache().put(key, built);
            vault.sessionCache().put(current, key);
        }
        dims.addAll(built.dims());
        personAtoms = built.personAtoms();
        atomHash = built.hashes();
        read(built, published, population);
    }

    private Built build(String from, boolean population, Cancellation cancel) throws SQLException {
        List<String> names = new ArrayList<>(source.dims.keySet());
        List<String> areaDims = names.stream().filter(d -> d.startsWith("a_")).toList();
        String dimList = String.join(", ", names);
        StringBuilder sel = new StringBuilder();
        source.dims.forEach((name, expr) -> sel.append(sel.length() == 0 ? "" : ", ").append(expr).append(" AS ").append(name));
        String covered = areaDims.isEmpty() ? "" : " WHERE " + String.join(" OR ", areaDims.stream().map(d -> d + " IS NOT NULL").toList());
        String hash = "CAST(hash(" + dimList + ") >> 1 AS BIGINT)";
        String atoms = "_linked_atoms_" + suffix;
        String pa = population ? null : "_linked_pa_" + suffix;
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            if (population) {
                st.execute("CREATE TABLE " + atoms + " AS SELECT " + dimList + ", " + hash + " AS h, CAST(round(sum(population)) AS BIGINT)"
                        + " AS persons FROM (SELECT " + sel + ", population FROM " + from + ")" + covered + " GROUP BY ALL");
            } else {
                st.execute("CREATE TABLE " + pa + " AS SELECT DISTINCT pid, " + dimList + ", " + hash + " AS h FROM (SELECT pid, "
                        + sel + " FROM " + from + ")" + covered);
                cancel.check();
                st.execute("CREATE TABLE " + atoms + " AS SELECT " + dimList + ", h, count(*) AS persons FROM " + pa + " GROUP BY ALL");
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) - count(DISTINCT h) FROM " + atoms)) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    renumber(st, atoms, pa, names);
                }
            }
            cancel.check();
            List<String[]> values = new ArrayList<>();
            List<long[]> numbers = new ArrayList<>();
            Map<String, String> same = new HashMap<>();
            String order = String.join(", ", names.stream().map(d -> d + " NULLS FIRST").toList());
            try (ResultSet rs = st.executeQuery("SELECT " + dimList + ", persons, h FROM " + atoms + " ORDER BY " + order)) {
                while (rs.next()) {
                    String[] v = new String[names.size()];
                    for (int i = 0; i < v.length; i++) {
                        String x = rs.getString(i + 1);
                        v[i] = x == null ? null : same.computeIfAbsent(x, y -> y);
                    }
                    values.add(v);
                    numbers.add(new long[] {rs.getLong(names.size() + 1), rs.getLong(names.size() + 2)});
                }
            }
            long[] persons = new long[values.size()];
            long[] hashes = new long[values.size()];
            for (int a = 0; a < persons.length; a++) {
                persons[a] = numbers.get(a)[0];
                hashes[a] = numbers.get(a)[1];
            }
            return new Built(pa, atoms, List.copyOf(names), values.toArray(String[][]::new), persons, hashes);
        }
    }

    private void drop(Built b) {
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + b.atoms());
            if (b.personAtoms() != null) {
                st.execute("DROP TABLE IF EXISTS " + b.personAtoms());
            }
        } catch (SQLException e) {
            // in-memory tables of the unlocked vault: dropped with it at the latest
        }
    }

    /** Two atoms share a hash (a chance of about 1 in 10^7 for a million atoms): number them instead. */
    private static void renumber(Statement st, String atoms, String pa, List<String> names) throws SQLException {
        st.execute("CREATE OR REPLACE TABLE " + atoms + " AS SELECT * EXCLUDE (h), row_number() OVER () AS h FROM " + atoms);
        if (pa != null) {
            StringBuilder on = new StringBuilder();
            for (String d : names) {
                on.append(on.length() == 0 ? "" : " AND ").append("p.").append(d).append(" IS NOT DISTINCT FROM a.").append(d);
            }
            st.execute("CREATE OR REPLACE TABLE " + pa + " AS SELECT p.* EXCLUDE (h), a.h FROM " + pa + " p JOIN " + atoms + " a ON " + on);
        }
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
        for (AreaLevel m : source.meshLevels()) {
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

    private void read(Built built, List<Set<String>> published, boolean additive) {
        String[][] dimValues = built.values();
        long[] ap = built.persons();
        int n = ap.length;
        List<LinkedGrouping> all = new ArrayList<>(groupings);
        all.addAll(potential());
        int hour = dims.indexOf(LinkedSource.T_HOUR);
        int date = dims.indexOf(LinkedSource.T_DATE);
        List<LinkedCells.Partition> parts = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        for (int gi = 0; gi < all.size(); gi++) {
            LinkedGrouping g = all.get(gi);
            boolean real = gi < groupings.size();
            int area = dims.indexOf(LinkedSource.areaDim(g.level(), g.layerSha()));
            int flag = "aggregate".equals(g.op()) || "dwell".equals(g.op()) ? -1 : dims.indexOf(source.flagOf.get(g.layerSha()));
            int[] cellOf = new int[n];
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int a = 0; a < n; a++) {
                String[] v = dimValues[a];
                boolean in = v[area] != null && (flag < 0 || Boolean.parseBoolean(v[flag]) == "residents".equals(g.op()));
                String time = g.band() == TimeBand.HOUR ? v[hour]
                        : labels.computeIfAbsent(g.band().id() + v[date], x -> label(g.band(), v[hour], v[date]));
                cellOf[a] = in ? index.computeIfAbsent(v[area] + "\t" + time, x -> index.size()) : -1;
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
        // persons of the released groupings' cells are counted by the audit when it needs them (most cells never)
        for (LinkedCells.Partition p : parts) {
            java.util.Arrays.fill(p.cellPersons(), -1L);
        }
        cells = new LinkedCells(ap, false, parts, this::regionPersons);
    }

    /** Distinct devices of each region (a set of atoms). */
    private long[] regionPersons(List<int[]> regions) {
        long[] out = new long[regions.size()];
        String t = table("regions");
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + t + " (region INTEGER, h BIGINT)");
            try (RowAppender app = RowAppender.open(c, t)) {
                for (int r = 0; r < regions.size(); r++) {
                    for (int a : regions.get(r)) {
                        app.beginRow().append(r).append(atomHash[a]).endRow();
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT region, count(DISTINCT pid) FROM " + personAtoms + " JOIN " + t
                    + " USING (h) GROUP BY region")) {
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
