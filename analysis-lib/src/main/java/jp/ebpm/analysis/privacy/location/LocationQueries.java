package jp.ebpm.analysis.privacy.location;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.CountTable;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The people-flow aggregates, as set-based SQL in the vault's in-memory DuckDB. Results are raw
 * {@link CountTable}s: they must pass the {@link jp.ebpm.analysis.privacy.guard.DisclosureGuard} before
 * anyone sees them ({@link LocationService} does that).
 *
 * <p>Definitions. A <em>stay</em> is a maximal run of consecutive pings (ordered by time, then area) of one
 * device on one date in the same area; pings outside every area are dropped first. A <em>trip</em> is the
 * change from one stay to the next stay of the same device on the same date (origin = area of the
 * earlier stay, destination = the later). The <em>dwell time</em> of a stay is the time from its first
 * ping to the first ping of the next stay that date, or to its own last ping for the date's last stay.
 * A device's <em>home area</em> is the area with the most pings between 00:00 and 04:59 over the whole
 * dataset; ties go to the smallest area key. Devices never seen at night have no home area and count as
 * visitors everywhere.
 */
public final class LocationQueries {

    private LocationQueries() {
    }

    /** Whether a dataset holds mesh population rather than pings. */
    public static boolean isMeshPopulation(DatasetInfo info) {
        return LocationImportOptions.Kind.MESH_POPULATION.id().equals(info.property("location_kind"));
    }

    /**
     * Pings and distinct devices per area × time band (pings datasets), or summed population per mesh ×
     * time band (mesh population datasets; the population is the protected persons count).
     *
     * @param layer the areas for WARD and SMALL_AREA, ignored for meshes
     */
    public static CountTable areaTime(UnlockedVault vault, String dataset, AreaLevel level, AreaLayer layer,
                                      TimeBand band, Cancellation cancel) {
        DatasetInfo info = vault.info(dataset);
        requireNotImported(info);
        vault.load(dataset, cancel);
        if (isMeshPopulation(info)) {
            return meshPopulation(vault, dataset, level, band);
        }
        String src;
        String area;
        List<String> rows;
        if (level.needsLayer()) {
            src = Sql.ident(AreaAssigner.assign(vault, dataset, layer, cancel));
            area = "area";
            rows = layer.areas().stream().map(AreaLayer.Area::key).distinct().toList();
        } else {
            src = Sql.ident(dataset);
            area = level == AreaLevel.MESH3 ? MeshCodeSql.level3Number("lat", "lon") : MeshCodeSql.level4Number("lat", "lon");
            rows = null;
        }
        // two-phase distinct count: first one row per (area, time key, device), then count rows per cell
        String sql = "WITH g AS (SELECT " + area + " AS a, " + band.keySql() + " AS t, pid, count(*) AS n FROM " + src
                + (level.needsLayer() ? " WHERE area IS NOT NULL" : "") + " GROUP BY ALL)"
                + " SELECT CAST(a AS VARCHAR), " + band.labelSql() + ", sum(n) AS pings, count(*) AS devices FROM g GROUP BY a, t";
        List<CountTable.Cell> cells = new ArrayList<>();
        List<String> seenAreas = new ArrayList<>();
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    cells.add(new CountTable.Cell(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                    seenAreas.add(rs.getString(1));
                }
            }
            List<String> cols = timeDomain(st, Sql.ident(dataset), band);
            if (rows == null) {
                rows = seenAreas.stream().distinct().sorted().toList();
            }
            return new CountTable("area", "time", "pings", "devices", false, rows, cols, cells);
        } catch (SQLException e) {
            throw new WorkbenchException("The aggregation failed: " + e.getMessage(), e);
        }
    }

    private static List<String> timeDomain(Statement st, String table, TimeBand band) throws SQLException {
        List<String> cols = new ArrayList<>();
        switch (band) {
            case HOUR -> {
                for (int h = 0; h < 24; h++) {
                    cols.add(Integer.toString(h));
                }
            }
            case WEEKDAY -> cols.addAll(List.of("weekday", "weekend"));
            default -> {
                try (ResultSet rs = st.executeQuery("SELECT DISTINCT " + band.sql() + " AS t FROM " + table + " ORDER BY t")) {
                    while (rs.next()) {
                        cols.add(rs.getString(1));
                    }
                }
            }
        }
        return cols;
    }

    private static CountTable meshPopulation(UnlockedVault vault, String dataset, AreaLevel level, TimeBand band) {
        if (level.needsLayer()) {
            throw new WorkbenchException("Mesh population can be aggregated by mesh3 or mesh4 only.");
        }
        int len = level == AreaLevel.MESH3 ? 8 : 9;
        String ts = "(CAST(date AS TIMESTAMP) + to_hours(CAST(hour AS INTEGER)))";
        String t = band.sql().replace("ts", ts);
        String src = Sql.ident(dataset);
        String sql = "SELECT substr(mesh_code, 1, " + len + ") AS a, " + t + " AS t, CAST(round(sum(population)) AS BIGINT) AS p"
                + " FROM " + src + " WHERE length(mesh_code) >= " + len + " GROUP BY a, t";
        List<CountTable.Cell> cells = new ArrayList<>();
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    cells.add(new CountTable.Cell(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(3)));
                }
            }
            List<String> rows = cells.stream().map(CountTable.Cell::row).distinct().sorted().toList();
            List<String> cols;
            if (band == TimeBand.HOUR || band == TimeBand.WEEKDAY) {
                cols = timeDomain(st, src, band);
            } else {
                cols = cells.stream().map(CountTable.Cell::col).distinct().sorted().toList();
            }
            return new CountTable("area", "time", null, "population", true, rows, cols, cells);
        } catch (SQLException e) {
            throw new WorkbenchException("The aggregation failed: " + e.getMessage(), e);
        }
    }

    /**
     * Two CTEs, {@code <prefix>night} and {@code <prefix>home (pid, home)}: each device's home area, the area with
     * the most of its pings between 00:00 and 04:59 (ties: the smallest area key).
     */
    static String homeSql(String assigned, String prefix) {
        return prefix + "night AS (SELECT pid, area, count(*) AS n FROM " + assigned
                + "   WHERE area IS NOT NULL AND hour(ts) < 5 GROUP BY pid, area),"
                + " " + prefix + "home AS (SELECT pid, area AS home FROM (SELECT *, row_number() OVER (PARTITION BY pid"
                + " ORDER BY n DESC, area) AS rk FROM " + prefix + "night) WHERE rk = 1)";
    }

    /** CTEs {@code a} … {@code stays (pid, d, stay, area, t0, t1)}: the stays of every device and date. */
    static String staysSql(String assigned) {
        return "WITH a AS (SELECT pid, ts, area, CAST(ts AS DATE) AS d FROM " + assigned + " WHERE area IS NOT NULL),"
                + " s AS (SELECT *, CASE WHEN area IS DISTINCT FROM lag(area) OVER w THEN 1 ELSE 0 END AS chg FROM a"
                + "   WINDOW w AS (PARTITION BY pid, d ORDER BY ts, area)),"
                + " g AS (SELECT *, sum(chg) OVER (PARTITION BY pid, d ORDER BY ts, area ROWS UNBOUNDED PRECEDING) AS stay FROM s),"
                + " stays AS (SELECT pid, d, stay, any_value(area) AS area, min(ts) AS t0, max(ts) AS t1 FROM g GROUP BY pid, d, stay)";
    }

    /** Origin–destination matrix: distinct devices and trips per (origin area, destination area), all dates. */
    public static CountTable od(UnlockedVault vault, String dataset, AreaLayer layer, Cancellation cancel) {
        requirePings(vault, dataset);
        String assigned = AreaAssigner.assign(vault, dataset, layer, cancel);
        // a trip is exactly a change of area between consecutive pings of a device on a date (consecutive
        // stays always differ), so one window pass suffices
        String sql = "SELECT prev AS origin, area AS destination, count(*) AS trips, count(DISTINCT pid) AS devices FROM ("
                + "SELECT pid, area, lag(area) OVER (PARTITION BY pid, CAST(ts AS DATE) ORDER BY ts, area) AS prev FROM "
                + assigned + " WHERE area IS NOT NULL) WHERE prev IS NOT NULL AND prev <> area GROUP BY prev, area";
        List<String> keys = layer.areas().stream().map(AreaLayer.Area::key).distinct().toList();
        return run(vault, sql, new CountTable("origin", "destination", "trips", "devices", true, keys, keys, List.of()));
    }

    /**
     * Dwell time per area: distinct devices (persons) and total dwell minutes per area and time band of
     * the stay's start.
     */
    public static CountTable dwell(UnlockedVault vault, String dataset, AreaLayer layer, TimeBand band, Cancellation cancel) {
        requirePings(vault, dataset);
        String assigned = AreaAssigner.assign(vault, dataset, layer, cancel);
        String sql = staysSql(assigned)
                + ", dw AS (SELECT pid, area, t0 AS ts, coalesce(lead(t0) OVER (PARTITION BY pid, d ORDER BY stay), t1) AS t_end FROM stays)"
                + " SELECT area, " + band.sql() + " AS t, CAST(round(sum(epoch(t_end - ts)) / 60) AS BIGINT) AS minutes,"
                + " count(DISTINCT pid) AS devices FROM dw GROUP BY area, t";
        List<String> keys = layer.areas().stream().map(AreaLayer.Area::key).distinct().toList();
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            List<String> cols = timeDomain(st, Sql.ident(dataset), band);
            return run(vault, sql, new CountTable("area", "time", "dwell_minutes", "devices", false, keys, cols, List.of()));
        } catch (SQLException e) {
            throw new WorkbenchException("The aggregation failed: " + e.getMessage(), e);
        }
    }

    /**
     * Residents or visitors present per area × hour: distinct devices whose home area is (residents) or is
     * not (visitors) the area; the count column holds their pings.
     */
    public static CountTable presence(UnlockedVault vault, String dataset, AreaLayer layer, boolean residents,
                                      Cancellation cancel) {
        requirePings(vault, dataset);
        String assigned = AreaAssigner.assign(vault, dataset, layer, cancel);
        String sql = "WITH " + homeSql(assigned, "")
                + " SELECT p.area, CAST(hour(p.ts) AS VARCHAR) AS t, count(*) AS pings, count(DISTINCT p.pid) AS devices"
                + " FROM " + assigned + " p LEFT JOIN home h ON h.pid = p.pid WHERE p.area IS NOT NULL AND "
                + (residents ? "h.home = p.area" : "h.home IS DISTINCT FROM p.area") + " GROUP BY p.area, t";
        List<String> keys = layer.areas().stream().map(AreaLayer.Area::key).distinct().toList();
        List<String> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(Integer.toString(h));
        }
        return run(vault, sql, new CountTable("area", "time", "pings", residents ? "residents" : "visitors", false,
                keys, hours, List.of()));
    }

    private static void requireNotImported(DatasetInfo info) {
        if (ScaleAggregateImporter.isImported(info)) {
            throw new WorkbenchException("\"" + info.name() + "\" is an aggregate imported from workbench-scale, not pings:"
                    + " use `location export` for its tables.");
        }
    }

    private static void requirePings(UnlockedVault vault, String dataset) {
        requireNotImported(vault.info(dataset));
        if (isMeshPopulation(vault.info(dataset))) {
            throw new WorkbenchException("\"" + dataset + "\" holds mesh population, not pings: it has no trips or stays.");
        }
    }

    private static CountTable run(UnlockedVault vault, String sql, CountTable shape) {
        List<CountTable.Cell> cells = new ArrayList<>();
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                cells.add(new CountTable.Cell(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        } catch (SQLException e) {
            throw new WorkbenchException("The aggregation failed: " + e.getMessage(), e);
        }
        return new CountTable(shape.rowName(), shape.colName(), shape.countName(), shape.personsName(),
                shape.personsFirst(), shape.rows(), shape.cols(), cells);
    }
}
