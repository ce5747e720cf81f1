package jp.ebpm.analysis.io;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.store.CancellableSql;
import jp.ebpm.analysis.store.PointFunctions;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Points of a file or project dataset, streamed by DuckDB through a Java function in column batches: the whole
 * table is never in Java memory and no Java object is made per point. The coordinates of each batch (up to 2,048
 * rows, from DuckDB's worker threads in parallel) arrive as primitive {@code double} arrays; the function's result per
 * point is grouped, copied to a CSV file or stored in a new table by DuckDB.
 *
 * <p>Sources: delimited text (CSV, TSV, TXT; UTF-8, CP932 or EUC-JP, detected as by the importer; other encodings are
 * transcoded to a temporary UTF-8 copy first), Parquet, Excel and GeoJSON/shapefile points (small by nature; imported
 * into a scratch project), and project datasets: map layers (point geometries; other geometries use their interior
 * point) and tables with coordinate columns. Coordinates of tables and files are longitude/latitude in JGD2011
 * degrees ({@code EPSG:6668}, which agrees with WGS 84 to well below a metre); layers use their recorded system.
 *
 * <p>Coordinate columns are found by name when not given: latitude {@code 緯度}, {@code lat}, {@code latitude},
 * {@code y}, {@code ido}; longitude {@code 経度}, {@code lon}, {@code lng}, {@code long}, {@code longitude},
 * {@code x}, {@code keido} (ignoring case; the national recommended dataset format uses 緯度/経度). Unusable points
 * are skipped and counted (see {@link PointScan}).
 *
 * @since 0.1
 */
public final class PointBatchReader implements AutoCloseable {

    /** Names tried for the latitude column. */
    public static final List<String> LATITUDE_NAMES = List.of("緯度", "lat", "latitude", "y", "ido");
    /** Names tried for the longitude column. */
    public static final List<String> LONGITUDE_NAMES = List.of("経度", "lon", "lng", "long", "longitude", "x", "keido");
    /** Area of use of JGD2011 (EPSG:6668, "Japan"), also used for JGD2000 and Tokyo: minX, minY, maxX, maxY in degrees. */
    static final double[] JAPAN = {122.38, 17.09, 157.65, 46.05};

    private static final String X = "_wb_x";
    private static final String Y = "_wb_y";
    private static final String STATUS = "_wb_s";

    private final ScanSource source;
    private final String latColumn;
    private final String lonColumn;
    private final String points;

    private PointBatchReader(ScanSource source, String latColumn, String lonColumn) {
        this.source = source;
        String xNum;
        String yNum;
        String xMissing;
        String yMissing;
        if (source.layer) {
            this.latColumn = null;
            this.lonColumn = null;
            xNum = ScanSource.LAYER_X;
            yNum = ScanSource.LAYER_Y;
            xMissing = xNum + " IS NULL";
            yMissing = yNum + " IS NULL";
        } else {
            this.latColumn = latColumn != null ? source.resolve(latColumn) : require(source, LATITUDE_NAMES, "latitude");
            this.lonColumn = lonColumn != null ? source.resolve(lonColumn) : require(source, LONGITUDE_NAMES, "longitude");
            String lat = Sql.ident(this.latColumn);
            String lon = Sql.ident(this.lonColumn);
            String latType = source.columns.get(this.latColumn);
            String lonType = source.columns.get(this.lonColumn);
            xNum = NumberSql.number(lon, lonType);
            yNum = NumberSql.number(lat, latType);
            xMissing = NumberSql.missing(lon, lonType);
            yMissing = NumberSql.missing(lat, latType);
        }
        boolean geographic = Crs.isGeographic(source.epsg);
        double[] area = source.epsg == Crs.JGD2011 || source.epsg == Crs.JGD2000 || source.epsg == Crs.TOKYO ? JAPAN : null;
        String status = NumberSql.status(X, Y, xMissing, yMissing, geographic, area);
        this.points = "(SELECT *, " + status + " AS " + STATUS + " FROM (SELECT *, " + xNum + " AS " + X + ", " + yNum
                + " AS " + Y + " FROM " + source.relation + " _s) _p) _q";
    }

    private static String require(ScanSource s, List<String> names, String what) {
        String c = s.find(names);
        if (c == null) {
            throw new WorkbenchException("No " + what + " column found (looked for " + String.join(", ", names)
                    + "); name it explicitly.", s.label, null, null, null);
        }
        return c;
    }

    /**
     * Opens a file of points.
     *
     * @param latColumn latitude column, or null to find it (not used for GeoJSON/shapefiles)
     * @param lonColumn longitude column, or null to find it
     * @param encoding  text encoding of delimited files ({@code auto} or null to detect, {@code utf-8}, {@code cp932},
     *                  {@code euc-jp})
     * @throws WorkbenchException for unreadable files, naming file, line and column where known
     * @throws IllegalArgumentException when a named column does not exist
     */
    public static PointBatchReader open(Path file, String latColumn, String lonColumn, String encoding,
                                        ProgressListener progress, Cancellation cancel) {
        return open(file, latColumn, lonColumn, encoding, 0, progress, cancel);
    }

    /**
     * Opens a file of points whose coordinates are in {@code epsg} (0 = JGD2011 degrees; ignored for GeoJSON and
     * shapefiles, which carry their own system).
     *
     * @throws WorkbenchException for unreadable files, naming file, line and column where known
     * @throws IllegalArgumentException when a named column does not exist
     */
    public static PointBatchReader open(Path file, String latColumn, String lonColumn, String encoding, int epsg,
                                        ProgressListener progress, Cancellation cancel) {
        return opened(ScanSource.file(file, encoding, epsg, progress, cancel), latColumn, lonColumn);
    }

    /**
     * Opens a project dataset: a map layer (its geometries) or a table with coordinate columns.
     *
     * @throws WorkbenchException when there is no such dataset or no coordinate column
     */
    public static PointBatchReader open(Project project, String dataset, String latColumn, String lonColumn) {
        return opened(ScanSource.dataset(project, dataset, dataset), latColumn, lonColumn);
    }

    private static PointBatchReader opened(ScanSource s, String latColumn, String lonColumn) {
        try {
            return new PointBatchReader(s, latColumn, lonColumn);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The file or dataset name. */
    public String source() {
        return source.label;
    }

    /** The columns in source order (for layers: the attributes, without {@code fid} and the geometry columns). */
    public List<String> columns() {
        return source.names();
    }

    /** The EPSG code of the coordinates. */
    public int epsg() {
        return source.epsg;
    }

    /** The text encoding of a delimited file (e.g. {@code CP932}), or null for other sources. */
    public String encoding() {
        return source.encoding == null ? null : source.encoding.label();
    }

    /** Whether the source is a map layer (coordinates from its geometries). */
    public boolean isLayer() {
        return source.layer;
    }

    /** The latitude column (null for layers). */
    public String latitudeColumn() {
        return latColumn;
    }

    /** The longitude column (null for layers). */
    public String longitudeColumn() {
        return lonColumn;
    }

    /**
     * The exact name of a column, matched exactly or else ignoring case.
     *
     * @throws IllegalArgumentException naming the columns that exist
     */
    public String column(String name) {
        return source.resolve(name);
    }

    /** Receives the usable points of one batch; calls are serialised. */
    @FunctionalInterface
    public interface BatchConsumer {
        /** {@code x[i], y[i]} for {@code i < n} are the usable points of a batch, in the reader's coordinate system. */
        void accept(double[] x, double[] y, int n);
    }

    /** Streams the usable points to a consumer, one batch at a time (in no particular order). */
    public PointScan forEachBatch(BatchConsumer consumer, ProgressListener progress, Cancellation cancel) {
        Object lock = new Object();
        PointFunctions.Kernel k = (x, y, n, out) -> {
            double[] vx = new double[n];
            double[] vy = new double[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                out[i] = PointFunctions.NULL;
                if (!Double.isNaN(x[i])) {
                    vx[m] = x[i];
                    vy[m++] = y[i];
                    out[i] = 0;
                }
            }
            synchronized (lock) {
                consumer.accept(vx, vy, m);
            }
        };
        return run(k, call -> "SELECT count(" + call + ") FROM " + points, null, progress, cancel);
    }

    /**
     * Groups the points by the value of {@code key} (NULL results are left out), with per group the number of points,
     * of distinct non-blank ids, and the sum and number of the non-missing numeric values.
     *
     * @param idColumn    column of ids for distinct counts, or null
     * @param valueColumn numeric column to sum (text is read as numbers; non-numbers are missing), or null
     */
    public PointGroups groupBy(PointFunctions.Kernel key, String idColumn, String valueColumn, ProgressListener progress,
                               Cancellation cancel) {
        String id = idColumn == null ? "NULL" : "NULLIF(trim(CAST(" + Sql.ident(column(idColumn)) + " AS VARCHAR)), '')";
        String value = "NULL";
        if (valueColumn != null) {
            String v = column(valueColumn);
            String num = NumberSql.number(Sql.ident(v), source.columns.get(v));
            value = "CASE WHEN isnan(" + num + ") THEN NULL ELSE " + num + " END";
        }
        String valueSql = value;
        Map<Long, PointGroups.Group> groups = new LinkedHashMap<>();
        PointScan scan = run(key, call -> "SELECT k, count(*), count(DISTINCT id), fsum(v), count(v) FROM (SELECT " + call
                + " AS k, " + id + " AS id, " + valueSql + " AS v FROM " + points + ") GROUP BY k", rs -> {
                    while (rs.next()) {
                        long k = rs.getLong(1);
                        if (!rs.wasNull()) {
                            groups.put(k, new PointGroups.Group(rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getLong(5)));
                        }
                    }
                }, progress, cancel);
        return new PointGroups(groups, scan);
    }

    /**
     * Writes every row to a new CSV file (UTF-8, comma, header, {@code \n}; fields quoted only when needed; empty cells
     * for missing values) with one more column computed from the point: {@code label} turns the SQL expression of the
     * function's result into the column's SQL expression. The file is written by DuckDB as a stream, in source order.
     *
     * @param column the new column's name; when the source already has a column of that name, it is replaced in place
     */
    public PointScan copyCsv(Path out, PointFunctions.Kernel kernel, String column, UnaryOperator<String> label,
                             ProgressListener progress, Cancellation cancel) {
        return run(kernel, call -> "COPY (SELECT " + guardedList(column) + " FROM (SELECT " + selectList(column, label.apply(call), false)
                + " FROM " + points + ")) TO "
                + Sql.literal(out.toAbsolutePath().toString()) + " (FORMAT csv, HEADER, DELIMITER ',')", null, progress, cancel);
    }

    /**
     * Creates a table of the project (or scratch database) holding every row plus one computed column (as in
     * {@link #copyCsv}); for layers the table keeps {@code fid} and the geometry columns, so it is a layer too. The
     * table and whatever {@code then} does on the same connection (e.g. a catalog entry) commit together or not at all.
     *
     * @return what {@code then} returned
     */
    public <T> T createTable(String table, PointFunctions.Kernel kernel, String column, UnaryOperator<String> label,
                             Project.SqlWork<T> then, ProgressListener progress, Cancellation cancel) {
        Connection c = source.connection;
        List<T> result = new ArrayList<>(1);
        try {
            c.setAutoCommit(false);
            run(kernel, call -> "CREATE TABLE " + Sql.ident(table) + " AS SELECT " + selectList(column, label.apply(call), source.layer)
                    + " FROM " + points, null, progress, cancel);
            result.add(then.run(c));
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new WorkbenchException("Database error: " + e.getMessage(), e);
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is closed with the reader
            }
        }
        return result.get(0);
    }

    /** The select list: every source column, the computed one replacing or following them. */
    private String selectList(String column, String expression, boolean geometry) {
        StringBuilder sb = new StringBuilder(geometry ? "fid, " : "");
        boolean replaced = false;
        for (String c : source.columns.keySet()) {
            if (c.equals(column)) {
                sb.append(expression).append(" AS ").append(Sql.ident(column));
                replaced = true;
            } else {
                sb.append(Sql.ident(c));
            }
            sb.append(", ");
        }
        if (!replaced) {
            sb.append(expression).append(" AS ").append(Sql.ident(column)).append(", ");
        }
        if (geometry) {
            sb.append("geom, minx, miny, maxx, maxy, ");
        }
        return sb.substring(0, sb.length() - 2);
    }

    /**
     * The outer select list of a CSV copy over {@link #selectList}'s columns: text columns and the computed column
     * neutralised for spreadsheets as {@link CsvWriter} does (computed once in the inner query, so the point function
     * runs once per point).
     */
    private String guardedList(String column) {
        List<String> names = new ArrayList<>(source.columns.keySet());
        if (!names.contains(column)) {
            names.add(column);
        }
        StringBuilder sb = new StringBuilder();
        for (String c : names) {
            if (c.equals(column) || "VARCHAR".equalsIgnoreCase(source.columns.get(c))) {
                sb.append(CsvWriter.guardSql("CAST(" + Sql.ident(c) + " AS VARCHAR)")).append(" AS ").append(Sql.ident(c));
            } else {
                sb.append(Sql.ident(c));
            }
            sb.append(", ");
        }
        return sb.substring(0, sb.length() - 2);
    }

    @FunctionalInterface
    private interface ResultHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs one statement that calls {@code kernel} once per row, counting skipped and unmatched points. */
    private PointScan run(PointFunctions.Kernel kernel, UnaryOperator<String> sqlOfCall, ResultHandler results,
                          ProgressListener progress, Cancellation cancel) {
        Counting counting = new Counting(kernel, progress, cancel);
        try (PointFunctions.Registration reg = PointFunctions.register(source.connection, counting);
             Statement st = source.connection.createStatement()) {
            try {
                String sql = sqlOfCall.apply(reg.call("CASE WHEN " + STATUS + " = 0 THEN " + X + " END",
                        "CASE WHEN " + STATUS + " = 0 THEN " + Y + " ELSE -" + STATUS + " END"));
                if (CancellableSql.execute(st, sql, cancel) && results != null) {
                    try (ResultSet rs = st.getResultSet()) {
                        results.accept(rs);
                    }
                }
            } catch (SQLException e) {
                throw failure(e, reg.failure(), cancel);
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Reading the points of " + source.label + " failed: " + e.getMessage(), e);
        }
        cancel.check();
        return counting.scan();
    }

    private RuntimeException failure(SQLException e, Throwable inKernel, Cancellation cancel) {
        if (cancel.isCancelled() || inKernel instanceof CancelledException) {
            return new CancelledException();
        }
        if (inKernel instanceof RuntimeException r) {
            return r;
        }
        if (inKernel instanceof Error err) {
            throw err;
        }
        if (source.encoding != null) {
            return DuckErrors.csv(e, source.label, source.encoding);
        }
        return new WorkbenchException("The points of " + source.label + " could not be read: " + ImportSupport.firstLine(e),
                source.label, null, null, e);
    }

    /** Wraps a kernel: counts rows by status, hides skipped rows from it, reports progress and stops on cancel. */
    private static final class Counting implements PointFunctions.Kernel {
        private final PointFunctions.Kernel inner;
        private final ProgressListener progress;
        private final Cancellation cancel;
        private final LongAdder rows = new LongAdder();
        private final LongAdder unmatched = new LongAdder();
        private final LongAdder[] reasons = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
        private final LongAdder batches = new LongAdder();

        Counting(PointFunctions.Kernel inner, ProgressListener progress, Cancellation cancel) {
            this.inner = inner;
            this.progress = progress;
            this.cancel = cancel;
        }

        @Override
        public void apply(double[] x, double[] y, int n, long[] out) {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(x[i])) {
                    int r = Double.isNaN(y[i]) ? NumberSql.MISSING : (int) -y[i];
                    reasons[r >= 1 && r < reasons.length ? r : NumberSql.MISSING].increment();
                    y[i] = Double.NaN;
                }
            }
            inner.apply(x, y, n, out);
            int none = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(x[i])) {
                    out[i] = PointFunctions.NULL;
                } else if (out[i] == PointFunctions.NULL) {
                    none++;
                }
            }
            unmatched.add(none);
            rows.add(n);
            batches.increment();
            if ((batches.sum() & 63) == 0) {
                progress.progress("Reading points", rows.sum(), -1);
            }
        }

        PointScan scan() {
            return new PointScan(rows.sum(), reasons[NumberSql.MISSING].sum(), reasons[NumberSql.NOT_A_NUMBER].sum(),
                    reasons[NumberSql.OUT_OF_RANGE].sum(), reasons[NumberSql.OUTSIDE_AREA].sum(), unmatched.sum());
        }
    }

    /**
     * All rows as features with point geometries (for importing a small table of points as a map layer): attributes
     * keep their values (text for delimited files, empty as null); a row without usable coordinates keeps a null
     * geometry and is counted in the warnings.
     */
    public VectorData features(GeometryFactory factory, Cancellation cancel) {
        List<String> names = columns();
        List<GeoFeature> out = new ArrayList<>();
        long[] bad = new long[NumberSql.OUTSIDE_AREA + 1];
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String n : names) {
            sql.append(Sql.ident(n)).append(", ");
        }
        sql.append(STATUS).append(", ").append(X).append(", ").append(Y).append(" FROM ").append(points);
        try (Statement st = source.connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                Map<String, Object> attrs = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    attrs.put(names.get(i), plain(rs.getObject(i + 1)));
                }
                int status = rs.getInt(names.size() + 1);
                bad[status]++;
                out.add(new GeoFeature(status != NumberSql.VALID ? null
                        : factory.createPoint(new Coordinate(rs.getDouble(names.size() + 2), rs.getDouble(names.size() + 3))), attrs));
                if ((out.size() & 4095) == 0) {
                    cancel.check();
                }
            }
        } catch (SQLException e) {
            throw failure(e, null, cancel);
        }
        PointScan scan = new PointScan(out.size(), bad[NumberSql.MISSING], bad[NumberSql.NOT_A_NUMBER], bad[NumberSql.OUT_OF_RANGE],
                bad[NumberSql.OUTSIDE_AREA], 0);
        List<String> warnings = scan.skipped() == 0 ? List.of()
                : List.of(scan.skipped() + " rows have no usable latitude/longitude (" + scan.skippedReasons(Crs.label(epsg()))
                        + "); they were kept without a location.");
        return new VectorData(names, out, epsg(), source.encoding == null ? null : source.encoding.charset().name(), warnings);
    }

    private static Object plain(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof java.math.BigDecimal bd) {
            return bd.doubleValue();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString().replace('T', ' ');
        }
        return v;
    }

    @Override
    public void close() {
        source.close();
    }
}
