package jp.ebpm.analysis.privacy.location;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.CountTable;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Writes the output of the {@code workbench-scale} aggregate job (manifest + Parquet tables, the job's format) for
 * boundary areas from the desktop's own aggregates of a pings dataset ({@link LocationQueries}), so that the
 * library's tests can import a job output without Spark. {@code ScaleEquivalenceIT} (module workbench-scale) checks
 * that the job and these queries give the same cells; the per-date OD is the desktop definition restricted to one
 * date, as in that test.
 */
final class ScaleOutputFixture {

    private ScaleOutputFixture() {
    }

    /** Writes {@code dir/manifest.json} and the tables area_time (in {@code band}), presence, od and od_daily. */
    static Path write(UnlockedVault v, String pings, AreaLayer layer, TimeBand band, Path dir) throws Exception {
        Files.createDirectories(dir);
        Cancellation none = Cancellation.none();
        CountTable areaTime = LocationQueries.areaTime(v, pings, AreaLevel.WARD, layer, band, none);
        CountTable residents = LocationQueries.presence(v, pings, layer, true, none);
        CountTable visitors = LocationQueries.presence(v, pings, layer, false, none);
        CountTable od = LocationQueries.od(v, pings, layer, none);
        List<Object[]> presence = new ArrayList<>();
        for (CountTable t : List.of(residents, visitors)) {
            String who = t == residents ? "residents" : "visitors";
            for (CountTable.Cell c : t.cells()) {
                presence.add(new Object[] {c.row(), c.col(), who, c.count(), c.persons()});
            }
        }
        List<Object[]> daily = new ArrayList<>();
        String assigned = AreaAssigner.assign(v, pings, layer, none);
        try (Connection c = v.memory().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT strftime(d, '%Y-%m-%d'), CAST(prev AS VARCHAR), CAST(area AS VARCHAR),"
                     + " count(*), count(DISTINCT pid) FROM (SELECT pid, CAST(ts AS DATE) AS d, area, lag(area) OVER"
                     + " (PARTITION BY pid, CAST(ts AS DATE) ORDER BY ts, area) AS prev FROM " + Sql.ident(assigned)
                     + " WHERE area IS NOT NULL) WHERE prev IS NOT NULL AND prev <> area GROUP BY ALL ORDER BY ALL")) {
            while (rs.next()) {
                daily.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)});
            }
        }
        List<ScaleManifest.Table> tables = new ArrayList<>();
        try (Connection c = v.memory().connect()) {
            tables.add(table(c, dir, "area_time", ScaleManifest.AREA_TIME, List.of("area", "time", "pings", "devices"),
                    rows(areaTime, false), areaTime.rows(), areaTime.cols()));
            tables.add(table(c, dir, "presence", ScaleManifest.PRESENCE, List.of("area", "time", "who", "pings", "devices"),
                    presence, residents.rows(), residents.cols()));
            tables.add(table(c, dir, "od", ScaleManifest.OD, List.of("origin", "destination", "trips", "devices"),
                    rows(od, false), od.rows(), od.cols()));
            tables.add(table(c, dir, "od_daily", ScaleManifest.OD_DAILY, List.of("date", "origin", "destination", "trips", "devices"),
                    daily, od.rows(), od.cols()));
        }
        ScaleManifest m = new ScaleManifest(ScaleManifest.FORMAT, "aggregate", "4.0.1", "2026-12-05T00:00:00Z",
                "2026-12-05T00:01:00Z", 60, Map.of("by", "ward", "time", band.id(), "area_layer", layer.id()),
                // the input listing names the pings and the output folder: each written output is a pings source of its own
                List.of(new ScaleManifest.Input("pings", pings + "/" + dir.getFileName() + ".csv", 1, "2026-12-01T00:00:00Z", null)),
                tables);
        Path manifest = dir.resolve(ScaleManifest.FILE);
        Files.writeString(manifest, m.toJson());
        return manifest;
    }

    private static List<Object[]> rows(CountTable t, boolean zeros) {
        List<Object[]> out = new ArrayList<>();
        for (CountTable.Cell c : t.cells()) {
            if (zeros || c.count() != 0 || c.persons() != 0) {
                out.add(new Object[] {c.row(), c.col(), c.count(), c.persons()});
            }
        }
        return out;
    }

    /** Writes one table as Parquet ({@code dir/name/part-0.parquet}); text columns first, then BIGINT counts. */
    private static ScaleManifest.Table table(Connection c, Path dir, String name, String kind, List<String> columns,
                                             List<Object[]> rows, List<String> rowKeys, List<String> colKeys) throws SQLException {
        String tmp = "_fixture_" + name;
        StringBuilder ddl = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            boolean count = i >= columns.size() - 2;
            ddl.append(i == 0 ? "" : ", ").append(columns.get(i)).append(count ? " BIGINT" : " VARCHAR");
            marks.append(i == 0 ? "?" : ", ?");
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE " + tmp + " (" + ddl + ")");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tmp + " VALUES (" + marks + ")")) {
                for (Object[] r : rows) {
                    for (int i = 0; i < r.length; i++) {
                        ps.setObject(i + 1, r[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try {
                Files.createDirectories(dir.resolve(name));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            st.execute("COPY " + tmp + " TO " + Sql.literal(dir.resolve(name).resolve("part-0.parquet").toString())
                    + " (FORMAT parquet)");
            st.execute("DROP TABLE " + tmp);
        }
        return new ScaleManifest.Table(name, kind, rows.size(), columns, rowKeys, colKeys);
    }
}
