package jp.ebpm.analysis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The catalog of a project: one row per dataset in the table {@code _wb_catalog}. Every dataset is a
 * table (or view) of the same name in the project database.
 *
 * @since 0.1
 */
public final class Catalog {

    /** Table holding the catalog. Names starting with {@code _wb_} are reserved for the workbench. */
    public static final String TABLE = "_wb_catalog";
    /**
     * Table holding the survey codebook stored with a dataset (one JSON document per dataset; see
     * {@code jp.ebpm.analysis.survey.ProjectCodebooks}). Dropping a dataset drops its codebook.
     */
    public static final String CODEBOOK_TABLE = "_wb_codebooks";
    /** Reserved prefix of internal tables. */
    public static final String RESERVED_PREFIX = "_wb_";
    /** Prefix of the protected settings, which are sealed ({@link SettingsSeal}). */
    public static final String PROTECTED_PREFIX = "privacy.";
    /** The setting holding the seal of the protected settings ({@code generation:mac}). */
    public static final String SEAL_KEY = "privacy.seal";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Project project;
    private final Object sealLock = new Object();

    Catalog(Project project) {
        this.project = project;
    }

    void createSchema() {
        project.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                        + "name VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, source_file VARCHAR, source_sha256 VARCHAR,"
                        + " imported_at TIMESTAMP NOT NULL, row_count BIGINT NOT NULL, columns_json VARCHAR NOT NULL,"
                        + " encoding VARCHAR, license VARCHAR, sensitivity VARCHAR NOT NULL, description VARCHAR,"
                        + " properties_json VARCHAR)");
                st.execute("CREATE TABLE IF NOT EXISTS _wb_settings (key VARCHAR PRIMARY KEY, value VARCHAR)");
                st.execute("CREATE TABLE IF NOT EXISTS " + CODEBOOK_TABLE + " (dataset VARCHAR PRIMARY KEY,"
                        + " codebook_json VARCHAR NOT NULL, saved_at TIMESTAMP NOT NULL)");
            }
            return null;
        });
    }

    /**
     * Checks that a name can be used for a new dataset.
     *
     * @throws WorkbenchException when the name is empty, reserved, too long or taken
     */
    public void checkNewName(String name) {
        if (name == null || name.isBlank()) {
            throw new WorkbenchException("A dataset needs a name.");
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            throw new WorkbenchException("Dataset names may not start with \"" + RESERVED_PREFIX + "\": " + name);
        }
        if (name.length() > 120) {
            throw new WorkbenchException("The dataset name is too long (at most 120 characters): " + name);
        }
        if (exists(name)) {
            throw new WorkbenchException("A dataset named \"" + name + "\" already exists in this project."
                    + " Choose another name or delete the old dataset first.");
        }
    }

    /** Whether a dataset (or any table) of that name exists. */
    public boolean exists(String name) {
        try (Connection c = project.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM information_schema.tables WHERE lower(table_name) = lower(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Database error: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a catalog entry on the given connection, inside the caller's transaction, so the table and its
     * entry land together or not at all.
     */
    public void register(Connection c, DatasetInfo info) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, info.name());
            ps.setString(2, info.kind().id());
            ps.setString(3, info.sourceFile());
            ps.setString(4, info.sourceSha256());
            ps.setTimestamp(5, Timestamp.from(info.importedAt()));
            ps.setLong(6, info.rowCount());
            ps.setString(7, toJson(info.columns().stream().map(ci -> List.of(ci.name(), ci.type())).toList()));
            ps.setString(8, info.encoding());
            ps.setString(9, info.license());
            ps.setString(10, info.sensitivity().id());
            ps.setString(11, info.description());
            ps.setString(12, toJson(new LinkedHashMap<>(info.properties())));
            ps.executeUpdate();
        }
    }

    /** Replaces the description, license, sensitivity and properties of an entry. */
    public void update(DatasetInfo info) {
        project.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE
                    + " SET description = ?, license = ?, sensitivity = ?, properties_json = ? WHERE name = ?")) {
                ps.setString(1, info.description());
                ps.setString(2, info.license());
                ps.setString(3, info.sensitivity().id());
                ps.setString(4, toJson(new LinkedHashMap<>(info.properties())));
                ps.setString(5, info.name());
                if (ps.executeUpdate() != 1) {
                    throw new WorkbenchException("No dataset named \"" + info.name() + "\".");
                }
            }
            return null;
        });
    }

    /**
     * Reads the actual columns of a table from the database (names and DuckDB types), in table order.
     */
    public static List<ColumnInfo> describe(Connection c, String table) throws SQLException {
        List<ColumnInfo> cols = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(new ColumnInfo(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return cols;
    }

    /** Counts the rows of a table. */
    public static long countRows(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + Sql.ident(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** All datasets, ordered by kind and name. */
    public List<DatasetInfo> list() {
        try (Connection c = project.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + TABLE + " ORDER BY kind, name")) {
            List<DatasetInfo> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read the catalog: " + e.getMessage(), e);
        }
    }

    /** The entry of a dataset. */
    public Optional<DatasetInfo> find(String name) {
        try (Connection c = project.connect();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM " + TABLE + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read the catalog: " + e.getMessage(), e);
        }
    }

    /**
     * The entry of a dataset.
     *
     * @throws WorkbenchException naming the dataset when there is none
     */
    public DatasetInfo get(String name) {
        return find(name).orElseThrow(() -> {
            String hint = NameCheck.suggestion(name, list().stream().map(DatasetInfo::name).toList());
            return new WorkbenchException("no dataset " + name + " in this project"
                    + (hint.isEmpty() ? "; run 'workbench catalog' to list them" : hint));
        });
    }

    /** Deletes a dataset and its entry in one transaction. */
    public void drop(String name) {
        get(name);
        project.inTransaction(c -> {
            try (Statement st = c.createStatement();
                 PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ?");
                 PreparedStatement cb = c.prepareStatement("DELETE FROM " + CODEBOOK_TABLE + " WHERE dataset = ?")) {
                st.execute("DROP TABLE IF EXISTS " + Sql.ident(name));
                ps.setString(1, name);
                ps.executeUpdate();
                cb.setString(1, name);
                cb.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The entry of a dataset that row-level analyses (regression, difference-in-differences, regional indicators)
     * may read: any dataset except private ones, which leave the workbench only as guarded aggregates.
     *
     * @throws WorkbenchException when the dataset does not exist or holds private data
     */
    public DatasetInfo requireAnalysable(String name) {
        DatasetInfo info = get(name);
        if (info.sensitivity() == Sensitivity.PRIVATE) {
            throw new WorkbenchException("\"" + name + "\" holds private data: it can be analysed only as guarded aggregates"
                    + " (Location data tab or `workbench location ...`).");
        }
        return info;
    }

    /**
     * One page of a dataset's rows in table order, for the virtualized data view.
     *
     * @param offset first row (0-based)
     * @param limit  number of rows at most
     */
    public QueryResult page(String name, long offset, int limit) {
        DatasetInfo info = get(name);
        if (info.sensitivity() == Sensitivity.PRIVATE) {
            throw new WorkbenchException("\"" + name + "\" holds private data: it can be shown only as aggregates.");
        }
        try (Connection c = project.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + Sql.ident(name) + " LIMIT " + limit + " OFFSET " + offset)) {
            return Project.materialise(rs, limit, Cancellation.none());
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read \"" + name + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Column summary of a dataset: per column its type, non-null count, distinct count (approximate for
     * large tables), min, max and mean (numeric columns).
     */
    public List<ColumnSummary> summarize(String name) {
        if (get(name).sensitivity() == Sensitivity.PRIVATE) {
            throw new WorkbenchException("\"" + name + "\" holds private data: it can be summarised only as guarded aggregates.");
        }
        try (Connection c = project.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SUMMARIZE " + Sql.ident(name))) {
            List<ColumnSummary> out = new ArrayList<>();
            while (rs.next()) {
                long count = rs.getLong("count");
                double nullPct = rs.getDouble("null_percentage");
                long nonNull = Math.round(count * (100.0 - nullPct) / 100.0);
                String avg = rs.getString("avg");
                out.add(new ColumnSummary(rs.getString("column_name"), rs.getString("column_type"), nonNull,
                        rs.getLong("approx_unique"), rs.getString("min"), rs.getString("max"),
                        avg == null ? null : parseDouble(avg)));
            }
            return out;
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot summarise \"" + name + "\": " + e.getMessage(), e);
        }
    }

    private static Double parseDouble(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A project setting, e.g. {@code privacy.k}. */
    public Optional<String> setting(String key) {
        try (Connection c = project.connect();
             PreparedStatement ps = c.prepareStatement("SELECT value FROM _wb_settings WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read the settings: " + e.getMessage(), e);
        }
    }

    /**
     * Stores a project setting. A protected setting (key starting with {@value #PROTECTED_PREFIX}) is written
     * through {@link #putProtectedSettings}, so it is sealed.
     *
     * @throws WorkbenchException for a protected setting while no {@link SettingsSeal} is in use
     */
    public void putSetting(String key, String value) {
        if (key.startsWith(PROTECTED_PREFIX)) {
            putProtectedSettings(Map.of(key, value));
            return;
        }
        project.inTransaction(c -> {
            upsertSetting(c, key, value);
            return null;
        });
    }

    /**
     * Writes protected settings and a new seal in one transaction, then tells the seal the generation was
     * committed. Writers are serialised.
     *
     * @param values keys starting with {@value #PROTECTED_PREFIX} (not the seal key) and their values
     * @throws WorkbenchException when no {@link SettingsSeal} is in use (private data locked)
     */
    public void putProtectedSettings(Map<String, String> values) {
        SettingsSeal seal = project.settingsSeal();
        if (seal == null) {
            throw new WorkbenchException("Privacy settings can be changed only while the project's private data is"
                    + " unlocked (with the passphrase).");
        }
        for (String key : values.keySet()) {
            if (!key.startsWith(PROTECTED_PREFIX) || key.equals(SEAL_KEY)) {
                throw new IllegalArgumentException("Not a protected setting: " + key);
            }
        }
        seal(seal, values);
    }

    /**
     * Seals the protected settings as they are, with the given seal (a new generation). Used when a project's
     * settings are first brought under a seal and to record a repaired state.
     *
     * @return the new generation
     */
    public long sealProtectedSettings(SettingsSeal seal) {
        return seal(seal, Map.of());
    }

    private long seal(SettingsSeal seal, Map<String, String> values) {
        synchronized (sealLock) {
            Object[] out = project.inTransaction(c -> {
                for (Map.Entry<String, String> e : values.entrySet()) {
                    upsertSetting(c, e.getKey(), e.getValue());
                }
                SortedMap<String, String> all = protectedSettings(c);
                long generation = readSeal(c).map(s -> s.generation() + 1).orElse(1L);
                String mac = seal.mac(all, generation);
                upsertSetting(c, SEAL_KEY, generation + ":" + mac);
                return new Object[] {generation, mac, all};
            });
            @SuppressWarnings("unchecked")
            SortedMap<String, String> all = (SortedMap<String, String>) out[2];
            seal.committed((Long) out[0], (String) out[1], all);
            return (Long) out[0];
        }
    }

    /** Every protected setting except the seal, sorted by key. */
    public SortedMap<String, String> protectedSettings() {
        try (Connection c = project.connect()) {
            return protectedSettings(c);
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read the settings: " + e.getMessage(), e);
        }
    }

    /** The stored seal of the protected settings, if any (unparseable seals read as generation -1). */
    public Optional<Seal> seal() {
        try (Connection c = project.connect()) {
            return readSeal(c);
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read the settings: " + e.getMessage(), e);
        }
    }

    /**
     * The seal of the protected settings.
     *
     * @param generation how many sealed writes the settings went through
     * @param mac        the {@link SettingsSeal}'s MAC of the settings at that generation
     */
    public record Seal(long generation, String mac) {
    }

    private static SortedMap<String, String> protectedSettings(Connection c) throws SQLException {
        SortedMap<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM _wb_settings WHERE starts_with(key, ?)"
                + " AND key <> ?")) {
            ps.setString(1, PROTECTED_PREFIX);
            ps.setString(2, SEAL_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static Optional<Seal> readSeal(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM _wb_settings WHERE key = ?")) {
            ps.setString(1, SEAL_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String v = rs.getString(1);
                int colon = v == null ? -1 : v.indexOf(':');
                try {
                    return Optional.of(new Seal(Long.parseLong(v.substring(0, colon)), v.substring(colon + 1)));
                } catch (RuntimeException e) {
                    return Optional.of(new Seal(-1, ""));
                }
            }
        }
    }

    private static void upsertSetting(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO _wb_settings VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    private static DatasetInfo read(ResultSet rs) throws SQLException {
        List<List<String>> cols = fromJson(rs.getString("columns_json"), new TypeReference<>() { });
        Map<String, String> props = rs.getString("properties_json") == null ? Map.of()
                : fromJson(rs.getString("properties_json"), new TypeReference<LinkedHashMap<String, String>>() { });
        return new DatasetInfo(rs.getString("name"), DatasetKind.parse(rs.getString("kind")),
                rs.getString("source_file"), rs.getString("source_sha256"),
                rs.getTimestamp("imported_at").toInstant(), rs.getLong("row_count"),
                cols.stream().map(l -> new ColumnInfo(l.get(0), l.get(1))).toList(), rs.getString("encoding"),
                rs.getString("license"), Sensitivity.parse(rs.getString("sensitivity")),
                rs.getString("description"), props);
    }

    private static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T fromJson(String s, TypeReference<T> type) {
        try {
            return JSON.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new WorkbenchException("The catalog is damaged: " + e.getOriginalMessage(), e);
        }
    }
}
