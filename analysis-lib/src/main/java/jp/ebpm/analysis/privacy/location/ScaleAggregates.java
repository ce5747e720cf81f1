package jp.ebpm.analysis.privacy.location;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.CountTable;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The raw {@link CountTable}s of an imported workbench-scale aggregate ({@link ScaleAggregateImporter}), in exactly
 * the shapes {@link LocationQueries} gives for pings: the same header names, row and column domains, and column
 * order, so the guard and the exports treat both alike. Like {@link LocationQueries}, results must pass the
 * disclosure guard before anyone sees them ({@link LocationService#importedTable} does that).
 */
public final class ScaleAggregates {

    /** The tables an imported aggregate can hold. */
    public enum Kind {
        /** Pings and devices per area × time band. */
        AGGREGATE("aggregate"),
        /** Residents per area × hour. */
        RESIDENTS("residents"),
        /** Visitors per area × hour. */
        VISITORS("visitors"),
        /** Origin–destination matrix (all dates, or one date). */
        OD("od");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Parses aggregate, residents, visitors or od. */
        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.id.equalsIgnoreCase(s)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown table \"" + s + "\": use aggregate, residents, visitors or od.");
        }
    }

    private ScaleAggregates() {
    }

    /**
     * The raw table.
     *
     * @param date for {@link Kind#OD}: one date (yyyy-MM-dd), or null for all dates; must be null otherwise
     */
    public static CountTable table(UnlockedVault vault, String dataset, Kind kind, String date, Cancellation cancel) {
        DatasetInfo info = vault.info(dataset);
        ScaleManifest m = ScaleAggregateImporter.manifest(info);
        if (date != null && kind != Kind.OD) {
            throw new IllegalArgumentException("--date applies to the OD matrix only.");
        }
        String tableKind = switch (kind) {
            case AGGREGATE -> ScaleManifest.AREA_TIME;
            case RESIDENTS, VISITORS -> ScaleManifest.PRESENCE;
            case OD -> date == null ? ScaleManifest.OD : ScaleManifest.OD_DAILY;
        };
        ScaleManifest.Table t = m.table(tableKind).orElseThrow(() -> new WorkbenchException("\"" + dataset
                + "\" has no " + kind.id() + " table (the job computes residents, visitors and OD for boundary areas only)."));
        String tbl = kind == Kind.OD && date != null ? "od:" + date : kind.id();
        if (date != null && !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException("--date must be yyyy-MM-dd, not \"" + date + "\".");
        }
        vault.load(dataset, cancel);
        List<CountTable.Cell> cells = new ArrayList<>();
        try (Connection c = vault.memory().connect();
             PreparedStatement ps = c.prepareStatement("SELECT r, c, n, p FROM " + Sql.ident(dataset) + " WHERE tbl = ?")) {
            ps.setString(1, tbl);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cells.add(new CountTable.Cell(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Reading the imported aggregate failed: " + e.getMessage(), e);
        }
        return switch (kind) {
            case AGGREGATE -> new CountTable("area", "time", "pings", "devices", false, t.rowKeys(), t.colKeys(), cells);
            case RESIDENTS, VISITORS -> new CountTable("area", "time", "pings", kind.id(), false, t.rowKeys(), t.colKeys(), cells);
            case OD -> new CountTable("origin", "destination", "trips", "devices", true, t.rowKeys(), t.colKeys(), cells);
        };
    }

    /**
     * The grouping name of a table of an imported aggregate (for the {@link jp.ebpm.analysis.privacy.guard.SuppressionMemory}
     * and the linked set): the local names, with the job's boundary file or mesh level in place of the project layer.
     *
     * @param date for {@link Kind#OD}: one date, or null for all dates
     */
    static String grouping(ScaleManifest m, Kind kind, String date) {
        String by = level(m);
        String layerId = by.startsWith("mesh") ? "" : m.parameter("area_layer");
        return switch (kind) {
            case AGGREGATE -> "aggregate|" + by + "|" + layerId + "|" + m.parameter("time");
            case RESIDENTS, VISITORS -> kind.id() + "|" + layerId;
            case OD -> "od|" + layerId + (date == null ? "" : "|date=" + date);
        };
    }

    /**
     * The stored non-empty cells of an imported aggregate by table ({@code aggregate}, {@code residents},
     * {@code visitors}; or {@code od} and {@code od:<date>}): table → {@code row<TAB>col} → {further count, persons}.
     * Raw values: for the linked check only ({@link ScaleLinkedCells}).
     *
     * @param od the OD tables instead of the area tables
     */
    static Map<String, Map<String, long[]>> stored(UnlockedVault vault, String dataset, boolean od, Cancellation cancel) {
        vault.load(dataset, cancel);
        Map<String, Map<String, long[]>> out = new LinkedHashMap<>();
        String where = od ? "tbl = 'od' OR tbl LIKE 'od:%'" : "tbl IN ('aggregate', 'residents', 'visitors')";
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tbl, r, c, n, p FROM " + Sql.ident(dataset) + " WHERE (" + where
                     + ") AND (n <> 0 OR p <> 0) ORDER BY tbl, r, c")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>())
                        .put(rs.getString(2) + "\t" + rs.getString(3), new long[] {rs.getLong(4), rs.getLong(5)});
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Reading the imported aggregate failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** The area level id of the job ({@code ward}, {@code mesh3}, …) as the desktop names it. */
    static String level(ScaleManifest m) {
        String by = m.parameter("by");
        return by == null ? "" : by.toLowerCase(Locale.ROOT);
    }
}
