package jp.ebpm.analysis.privacy.location;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Imports an aggregate written by the Spark job of {@code workbench-scale} ({@link ScaleManifest} plus Parquet
 * tables) as a <em>private-derived</em> dataset of a project: the raw cells — counts below k included — are stored
 * only encrypted, like pings ({@link UnlockedVault#savePrivate}), and every view or export of them passes the
 * disclosure guard and the audit log through {@link LocationService#importedTable}. The stored table is long:
 * {@code tbl, r, c, n, p} = table ({@code aggregate}, {@code residents}, {@code visitors}, {@code od},
 * {@code od:<date>}), row key, column key, further count (pings, trips), persons. The manifest (without the input
 * listing, which is kept as its SHA-256) goes into the catalog entry: it holds area keys and time labels only.
 *
 * <p>Checks, each failing with the file and the column named and leaving the project unchanged: the manifest's
 * format, every listed table folder present with Parquet files, the row counts equal to the manifest's, the columns
 * expected for the table kind, no NULL keys or counts, no negative counts, persons not above the further count,
 * keys within the manifest's row and column domains, and no cell twice.
 */
public final class ScaleAggregateImporter {

    /** Catalog property value of {@code location_kind} for imported aggregates. */
    public static final String KIND = "scale-aggregate";
    /** Catalog property holding the manifest JSON. */
    public static final String MANIFEST = "scale_manifest";
    /** Catalog property holding the SHA-256 of the job's input listing (the same pings give the same value). */
    public static final String SOURCE = "scale_source";

    private ScaleAggregateImporter() {
    }

    /** Whether a dataset is an imported aggregate. */
    public static boolean isImported(DatasetInfo info) {
        return KIND.equals(info.property("location_kind"));
    }

    /** Imports the aggregate described by {@code manifestFile} as the private dataset {@code name}. */
    public static DatasetInfo importAggregate(UnlockedVault vault, Path manifestFile, String name, Cancellation cancel) {
        ScaleManifest m = ScaleManifest.read(manifestFile);
        if (!"aggregate".equals(m.job())) {
            throw new WorkbenchException("This manifest is from the job \"" + m.job() + "\", not a people-flow aggregate;"
                    + " point counts are not private and are not imported into the vault.",
                    manifestFile.getFileName().toString(), null, "job", null);
        }
        Path dir = manifestFile.toAbsolutePath().getParent();
        String staging = "_scale_" + Long.toHexString(System.nanoTime());
        List<String> parts = new ArrayList<>();
        for (ScaleManifest.Table t : m.tables()) {
            parts.add(select(t, parquet(dir, t)));
        }
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement()) {
            try {
                st.execute("CREATE TABLE " + Sql.ident(staging) + " AS " + String.join(" UNION ALL ", parts));
                cancel.check();
                for (ScaleManifest.Table t : m.tables()) {
                    check(st, staging, t);
                }
                long dup = single(st, "SELECT count(*) FROM (SELECT tbl, r, c FROM " + Sql.ident(staging)
                        + " GROUP BY ALL HAVING count(*) > 1)");
                if (dup > 0) {
                    throw new WorkbenchException("The aggregate holds " + dup + " cells twice.",
                            manifestFile.getFileName().toString(), null, null, null);
                }
                st.execute("ALTER TABLE " + Sql.ident(staging) + " DROP COLUMN src");
                Map<String, String> props = new LinkedHashMap<>();
                props.put("location_kind", KIND);
                props.put(MANIFEST, withoutInputs(m).toJson());
                props.put(SOURCE, sha256(inputsJson(m)));
                DatasetInfo template = new DatasetInfo(name, DatasetKind.LOCATION, manifestFile.getFileName().toString(),
                        sha256(jp.ebpm.analysis.io.TextFile.read(manifestFile, "UTF-8").value()), Instant.now(), 0, List.of(), null, "",
                        Sensitivity.PRIVATE, "Aggregate of a workbench-scale job (Spark " + m.sparkVersion() + ", "
                        + m.parameter("by") + " × " + m.parameter("time") + "); raw cells, shown only through the guard",
                        props);
                return vault.savePrivate(staging, template, cancel);
            } finally {
                st.execute("DROP TABLE IF EXISTS " + Sql.ident(staging));
            }
        } catch (SQLException e) {
            throw new WorkbenchException("The aggregate cannot be read: " + e.getMessage(),
                    manifestFile.getFileName().toString(), null, null, e);
        }
    }

    /**
     * The other imported aggregates of the same pings (the same {@value #SOURCE}, i.e. the same input listing of the
     * job): their releases and those of {@code info} are two linked sets, not checked against each other.
     */
    public static List<String> sameSource(jp.ebpm.analysis.store.Catalog catalog, DatasetInfo info) {
        String source = info.property(SOURCE);
        if (source == null) {
            return List.of();
        }
        return catalog.list().stream().filter(d -> isImported(d) && !d.name().equals(info.name())
                && source.equals(d.property(SOURCE))).map(DatasetInfo::name).sorted().toList();
    }

    /** The manifest as stored in the catalog entry of an imported dataset. */
    public static ScaleManifest manifest(DatasetInfo info) {
        String json = info.property(MANIFEST);
        if (json == null || !isImported(info)) {
            throw new WorkbenchException("\"" + info.name() + "\" is not an imported workbench-scale aggregate.");
        }
        return ScaleManifest.parse(json, info.name());
    }

    private static ScaleManifest withoutInputs(ScaleManifest m) {
        return new ScaleManifest(m.format(), m.job(), m.sparkVersion(), m.startedAt(), m.finishedAt(), m.seconds(),
                m.parameters(), List.of(), m.tables());
    }

    private static String inputsJson(ScaleManifest m) {
        StringBuilder sb = new StringBuilder();
        m.inputs().stream().filter(i -> "pings".equals(i.role()))
                .map(i -> i.path() + "\t" + i.bytes() + "\t" + i.modified()).sorted()
                .forEach(s -> sb.append(s).append('\n'));
        return sb.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Parquet file pattern of a table folder, checked to exist and to hold Parquet files. */
    private static String parquet(Path dir, ScaleManifest.Table t) {
        Path folder = dir.resolve(t.name());
        if (!Files.isDirectory(folder)) {
            throw new WorkbenchException("The table folder \"" + t.name() + "\" listed in the manifest is missing.",
                    ScaleManifest.FILE, null, "tables", null);
        }
        boolean any = false;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.parquet")) {
            any = ds.iterator().hasNext();
        } catch (IOException e) {
            throw new WorkbenchException("Cannot list the table folder \"" + t.name() + "\": " + e.getMessage(),
                    ScaleManifest.FILE, null, "tables", e);
        }
        if (!any) {
            throw new WorkbenchException("The table folder \"" + t.name() + "\" holds no Parquet files.",
                    ScaleManifest.FILE, null, "tables", null);
        }
        return "read_parquet(" + Sql.literal(folder.resolve("*.parquet").toString()) + ")";
    }

    /** The expected columns of a table kind and the SELECT turning it into (tbl, r, c, n, p). */
    private static String select(ScaleManifest.Table t, String src) {
        List<String> expected = switch (t.kind()) {
            case ScaleManifest.AREA_TIME -> List.of("area", "time", "pings", "devices");
            case ScaleManifest.PRESENCE -> List.of("area", "time", "who", "pings", "devices");
            case ScaleManifest.OD -> List.of("origin", "destination", "trips", "devices");
            case ScaleManifest.OD_DAILY -> List.of("date", "origin", "destination", "trips", "devices");
            default -> throw new WorkbenchException("Unknown table kind \"" + t.kind() + "\" in the manifest.",
                    ScaleManifest.FILE, null, "tables", null);
        };
        if (!t.columns().equals(expected)) {
            throw new WorkbenchException("The table \"" + t.name() + "\" has the columns " + t.columns() + "; expected "
                    + expected + ".", ScaleManifest.FILE, null, "tables", null);
        }
        String tbl = switch (t.kind()) {
            case ScaleManifest.AREA_TIME -> "'aggregate'";
            case ScaleManifest.PRESENCE -> "CAST(who AS VARCHAR)";
            case ScaleManifest.OD -> "'od'";
            default -> "'od:' || CAST(date AS VARCHAR)";
        };
        String r = t.kind().startsWith("od") ? "origin" : "area";
        String c = t.kind().startsWith("od") ? "destination" : "time";
        String n = t.kind().startsWith("od") ? "trips" : "pings";
        return "SELECT " + Sql.literal(t.name()) + " AS src, " + tbl + " AS tbl, CAST(" + r + " AS VARCHAR) AS r, CAST("
                + c + " AS VARCHAR) AS c, CAST(" + n + " AS BIGINT) AS n, CAST(devices AS BIGINT) AS p FROM " + src;
    }

    private static void check(Statement st, String staging, ScaleManifest.Table t) throws SQLException {
        String from = " FROM " + Sql.ident(staging) + " WHERE src = " + Sql.literal(t.name());
        long rows = single(st, "SELECT count(*)" + from);
        if (rows != t.rows()) {
            throw new WorkbenchException("The table \"" + t.name() + "\" has " + rows + " rows; the manifest says "
                    + t.rows() + " (incomplete or changed output).", t.name(), null, null, null);
        }
        fail(st, "SELECT count(*)" + from + " AND (tbl IS NULL OR r IS NULL OR c IS NULL OR n IS NULL OR p IS NULL)",
                t, "empty keys or counts", "area");
        fail(st, "SELECT count(*)" + from + " AND (n < 0 OR p < 0 OR p > n)", t,
                "negative counts, or more persons than pings/trips", "devices");
        if (t.kind().equals(ScaleManifest.PRESENCE)) {
            fail(st, "SELECT count(*)" + from + " AND tbl NOT IN ('residents', 'visitors')", t,
                    "a \"who\" other than residents or visitors", "who");
        }
        fail(st, "SELECT count(*)" + from + " AND r NOT IN (SELECT unnest(" + list(t.rowKeys()) + "))", t,
                "row keys not listed in the manifest", t.columns().get(t.kind().equals(ScaleManifest.OD_DAILY) ? 1 : 0));
        fail(st, "SELECT count(*)" + from + " AND c NOT IN (SELECT unnest(" + list(t.colKeys()) + "))", t,
                "column keys not listed in the manifest", t.columns().get(t.kind().equals(ScaleManifest.OD_DAILY) ? 2 : 1));
    }

    private static void fail(Statement st, String sql, ScaleManifest.Table t, String what, String column) throws SQLException {
        long bad = single(st, sql);
        if (bad > 0) {
            throw new WorkbenchException("The table \"" + t.name() + "\" has " + bad + " rows with " + what + ".",
                    t.name(), null, column, null);
        }
    }

    private static String list(List<String> keys) {
        StringBuilder sb = new StringBuilder("[");
        for (String k : keys) {
            sb.append(sb.length() == 1 ? "" : ", ").append(Sql.literal(k));
        }
        return sb.append("]::VARCHAR[]").toString();
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
