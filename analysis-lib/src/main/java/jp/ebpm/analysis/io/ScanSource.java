package jp.ebpm.analysis.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.LayerImportOptions;
import jp.ebpm.analysis.gis.LayerImporter;
import jp.ebpm.analysis.gis.LayerWriter;
import jp.ebpm.analysis.gis.Layers;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.ScratchDatabase;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * A file or project dataset opened as a DuckDB relation without loading it: delimited text is read by
 * {@code read_csv} in place (UTF-8) or from a transcoded UTF-8 copy (CP932, EUC-JP), Parquet by
 * {@code read_parquet}; Excel workbooks and vector files (GeoJSON, shapefile), which are small by nature, are
 * imported into a scratch project first. Map layers expose their point coordinates as two hidden columns.
 */
final class ScanSource implements AutoCloseable {

    /** Hidden column of a layer's x coordinate. */
    static final String LAYER_X = "_wb_lx";
    /** Hidden column of a layer's y coordinate. */
    static final String LAYER_Y = "_wb_ly";
    private static final List<String> GEOMETRY_COLUMNS = List.of("fid", LayerWriter.GEOM, "minx", "miny", "maxx", "maxy");

    final String label;
    final Connection connection;
    /** SQL FROM item: the source's columns under their own names (plus the hidden layer columns). */
    final String relation;
    /** Visible columns in source order, with their DuckDB types. */
    final Map<String, String> columns;
    final int epsg;
    final boolean layer;
    /** The text encoding of a delimited file (for error messages), else null. */
    final TextEncoding encoding;
    private final Path stagedFile;
    private final Path scratchDir;
    private final Project scratchProject;

    private ScanSource(String label, Connection connection, String relation, Map<String, String> columns, int epsg,
                       boolean layer, TextEncoding encoding, Path stagedFile, Path scratchDir, Project scratchProject) {
        this.label = label;
        this.connection = connection;
        this.relation = relation;
        this.columns = columns;
        this.epsg = epsg;
        this.layer = layer;
        this.encoding = encoding;
        this.stagedFile = stagedFile;
        this.scratchDir = scratchDir;
        this.scratchProject = scratchProject;
    }

    /** Opens a file: CSV/TSV/TXT (UTF-8, CP932, EUC-JP), Parquet, Excel, GeoJSON or shapefile. */
    static ScanSource file(Path file, String encoding, int epsg, ProgressListener progress, Cancellation cancel) {
        ScanSource s = file(file, encoding, progress, cancel);
        if (epsg == 0 || s.layer || epsg == s.epsg) {
            return s;
        }
        return new ScanSource(s.label, s.connection, s.relation, s.columns, epsg, false, s.encoding, s.stagedFile, s.scratchDir,
                s.scratchProject);
    }

    private static ScanSource file(Path file, String encoding, ProgressListener progress, Cancellation cancel) {
        String name = file.getFileName().toString();
        if (LayerImporter.handles(file)) {
            if (!Files.isRegularFile(file)) {
                throw new WorkbenchException("The file does not exist or is a folder.", name, null, null, null);
            }
            return scratch(file, true, progress, cancel);
        }
        return switch (SourceFormat.detect(file)) {
            case TEXT -> text(file, encoding, progress, cancel);
            case PARQUET -> parquet(file);
            case XLSX, XLS -> scratch(file, false, progress, cancel);
        };
    }

    private static ScanSource text(Path file, String encoding, ProgressListener progress, Cancellation cancel) {
        String name = file.getFileName().toString();
        byte[] sample = TextEncoding.readSample(file);
        boolean complete = sample.length < TextEncoding.SAMPLE_BYTES;
        CsvPlan plan = CsvPlan.detect(file, ImportOptions.defaults().withHeader(true).withEncoding(encoding), sample, complete);
        Path staged = null;
        Path utf8 = file;
        if (!plan.encoding().isUtf8()) {
            try {
                staged = Files.createTempFile("wb-points-", ".csv");
            } catch (IOException e) {
                throw new WorkbenchException("Cannot create a temporary file: " + e.getMessage(), e);
            }
            progress.progress("Converting " + name + " from " + plan.encoding().label() + " to UTF-8", 0, -1);
            try {
                Transcoder.run(file, plan.encoding(), staged, progress, cancel);
            } catch (RuntimeException e) {
                ImportSupport.deleteQuietly(staged);
                throw e;
            }
            utf8 = staged;
        }
        StringBuilder sel = new StringBuilder("(SELECT ");
        Map<String, String> cols = new LinkedHashMap<>();
        List<String> stage = CsvPlan.stageNames(plan.names().size());
        for (int i = 0; i < stage.size(); i++) {
            sel.append(i == 0 ? "" : ", ").append(stage.get(i)).append(" AS ").append(Sql.ident(plan.names().get(i)));
            cols.put(plan.names().get(i), "VARCHAR");
        }
        sel.append(" FROM ").append(plan.readCsv(utf8, true, Map.of())).append(')');
        return new ScanSource(name, ScratchDatabase.connect(), sel.toString(), cols, Crs.JGD2011, false, plan.encoding(),
                staged, null, null);
    }

    private static ScanSource parquet(Path file) {
        String rel = "read_parquet(" + Sql.literal(file.toAbsolutePath().toString()) + ")";
        Connection c = ScratchDatabase.connect();
        try {
            return new ScanSource(file.getFileName().toString(), c, rel, describe(c, rel), Crs.JGD2011, false, null, null, null, null);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new WorkbenchException("The Parquet file cannot be read; it may be damaged or incomplete ("
                    + ImportSupport.firstLine(e) + ").", file.getFileName().toString(), null, null, e);
        }
    }

    /** Small formats: imported into a scratch project with the ordinary importers, then read as a dataset. */
    private static ScanSource scratch(Path file, boolean vector, ProgressListener progress, Cancellation cancel) {
        Path dir;
        try {
            dir = Files.createTempDirectory("wb-points-");
        } catch (IOException e) {
            throw new WorkbenchException("Cannot create a temporary folder: " + e.getMessage(), e);
        }
        Project p = null;
        try {
            p = Project.create(dir.resolve("scratch"));
            String name = "points";
            if (vector) {
                LayerImporter.importLayer(p, file, LayerImportOptions.defaults().withName(name), progress, cancel);
            } else {
                Importer.importFile(p, file, ImportOptions.defaults().withName(name).withHeader(true), progress, cancel);
            }
            ScanSource s = dataset(p, name, file.getFileName().toString());
            return new ScanSource(s.label, s.connection, s.relation, s.columns, s.epsg, s.layer, null, null, dir, p);
        } catch (RuntimeException e) {
            if (p != null) {
                p.close();
            }
            deleteTree(dir);
            throw e;
        }
    }

    /** Opens a project dataset: a map layer (its point geometries) or a table (with coordinate columns). */
    static ScanSource dataset(Project p, String dataset, String label) {
        DatasetInfo info = p.catalog().get(dataset);
        Connection c = p.connect();
        try {
            if (!Layers.isLayer(info)) {
                String rel = Sql.ident(dataset);
                return new ScanSource(label, c, rel, describe(c, rel), Crs.JGD2011, false, null, null, null, null);
            }
            return layer(c, info, label);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new WorkbenchException("Cannot read the dataset \"" + dataset + "\": " + e.getMessage(), e);
        }
    }

    /**
     * A layer: points are their own coordinate (the bounding box of a point); any other geometry uses its interior
     * point, computed here for those features only and kept in a temporary table of this connection.
     */
    private static ScanSource layer(Connection c, DatasetInfo info, String label) throws SQLException {
        String t = Sql.ident(info.name());
        String x = "CASE WHEN t.minx = t.maxx AND t.miny = t.maxy THEN t.minx END";
        String y = "CASE WHEN t.minx = t.maxx AND t.miny = t.maxy THEN t.miny END";
        String join = "";
        String interior = "_wb_interior_" + UUID.randomUUID().toString().replace("-", "");
        long others;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t + " WHERE geom IS NOT NULL AND minx IS NOT NULL AND NOT ("
                     + "minx = maxx AND miny = maxy)")) {
            rs.next();
            others = rs.getLong(1);
        }
        if (others > 0) {
            stageInteriorPoints(c, t, interior);
            x = "coalesce(" + x + ", ip.x)";
            y = "coalesce(" + y + ", ip.y)";
            join = " LEFT JOIN temp." + interior + " ip ON ip.fid = t.fid";
        }
        String rel = "(SELECT t.*, " + x + " AS " + LAYER_X + ", " + y + " AS " + LAYER_Y + " FROM " + t + " t" + join + ")";
        Map<String, String> cols = describe(c, t);
        GEOMETRY_COLUMNS.forEach(cols::remove);
        return new ScanSource(label, c, rel, cols, Layers.epsgOf(info), true, null, null, null, null);
    }

    private static void stageInteriorPoints(Connection c, String table, String interior) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE " + interior + " (fid BIGINT, x DOUBLE, y DOUBLE)");
        }
        WKBReader wkb = new WKBReader(new GeometryFactory());
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT fid, geom FROM " + table + " WHERE geom IS NOT NULL AND minx IS NOT NULL"
                     + " AND NOT (minx = maxx AND miny = maxy)");
             PreparedStatement ins = c.prepareStatement("INSERT INTO temp." + interior + " VALUES (?, ?, ?)")) {
            int n = 0;
            while (rs.next()) {
                Geometry g = wkb.read(rs.getBytes(2));
                Point p = g.getInteriorPoint();
                ins.setLong(1, rs.getLong(1));
                ins.setDouble(2, p.getX());
                ins.setDouble(3, p.getY());
                ins.addBatch();
                if (++n % 1024 == 0) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        } catch (ParseException e) {
            throw new SQLException("a geometry cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> describe(Connection c, String relation) throws SQLException {
        Map<String, String> cols = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
            while (rs.next()) {
                cols.put(rs.getString(1), rs.getString(2));
            }
        }
        return cols;
    }

    /**
     * The exact name of a column: the name itself, else the one equal to it ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the columns that exist
     */
    String resolve(String column) {
        if (columns.containsKey(column)) {
            return column;
        }
        for (String c : columns.keySet()) {
            if (c.strip().equalsIgnoreCase(column.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("The column \"" + column + "\" is not in " + label + " (columns: "
                + String.join(", ", columns.keySet()) + ").");
    }

    /** The first column whose name, ignoring case and blanks, is one of {@code names} (in the order of names), or null. */
    String find(List<String> names) {
        for (String n : names) {
            for (String c : columns.keySet()) {
                if (c.strip().toLowerCase(Locale.ROOT).equals(n)) {
                    return c;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        closeQuietly(connection);
        if (scratchProject != null) {
            scratchProject.close();
        }
        ImportSupport.deleteQuietly(stagedFile);
        if (scratchDir != null) {
            deleteTree(scratchDir);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException ignored) {
            // a leftover scratch folder in the system temp folder is harmless
        }
    }

    /** The visible column names. */
    List<String> names() {
        return new ArrayList<>(columns.keySet());
    }
}
