package jp.ebpm.analysis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Java functions over points that SQL can call, so that DuckDB streams the coordinates of a file or table
 * through Java in column batches instead of Java reading rows: DuckDB hands each chunk of a query (up to
 * 2,048 rows, from any of its worker threads) to the function as two primitive {@code double} arrays and
 * takes back one {@code long} per point.
 *
 * <p>DuckDB can register a Java function but never remove it, so one SQL function
 * {@code wb_point_function(handle INTEGER, x DOUBLE, y DOUBLE) → BIGINT} is registered once per database and
 * dispatches on the handle to the {@link Kernel} of a {@link Registration}; closing the registration drops the
 * kernel (and whatever it holds, e.g. a polygon index). The handle must be a constant in the query.
 *
 * @since 0.1
 */
public final class PointFunctions {

    /** The SQL name of the dispatching function. */
    public static final String SQL_NAME = "wb_point_function";
    /** A kernel result that becomes SQL {@code NULL}. */
    public static final long NULL = Long.MIN_VALUE;

    /** Kernels of open registrations, by handle. Process-wide because the DuckDB function is. */
    private static final Map<Integer, Registration> OPEN = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private PointFunctions() {
    }

    /**
     * A function of points, applied to one batch at a time. It is called concurrently from DuckDB's threads, so it
     * must be thread-safe; the arrays belong to the calling thread and are reused after the call.
     */
    @FunctionalInterface
    public interface Kernel {
        /**
         * Computes {@code out[i]} for the points {@code (x[i], y[i])}, {@code i < n}; SQL {@code NULL} coordinates
         * arrive as NaN. Write {@link PointFunctions#NULL} for a SQL {@code NULL} result.
         */
        void apply(double[] x, double[] y, int n, long[] out);
    }

    /**
     * Makes a kernel callable from SQL on the database of {@code c} (and every other connection to it) until the
     * returned registration is closed.
     */
    public static Registration register(Connection c, Kernel kernel) {
        ensureFunction(c);
        Registration r = new Registration(NEXT.getAndIncrement(), kernel);
        OPEN.put(r.handle, r);
        return r;
    }

    private static synchronized void ensureFunction(Connection c) {
        try {
            // With streamed results (Project's connections), DuckDB JDBC 1.5.4 silently drops a function registered
            // after a result that was closed before it was read to the end: read it to the end, and close it first.
            boolean registered;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM duckdb_functions() WHERE function_name = ?")) {
                ps.setString(1, SQL_NAME);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    registered = rs.getLong(1) > 0;
                    while (rs.next()) {
                        // a count has one row; reading past it finishes the streamed result
                    }
                }
            }
            if (registered) {
                return;
            }
            DuckDBFunctions.scalarFunction().withName(SQL_NAME)
                    .withParameters(DuckDBColumnType.INTEGER, DuckDBColumnType.DOUBLE, DuckDBColumnType.DOUBLE)
                    .withReturnType(DuckDBColumnType.BIGINT)
                    .withVolatile()
                    .withVectorizedFunction((in, out) -> apply(in.vector(0), in.vector(1), in.vector(2), out, (int) in.rowCount()))
                    .register(c);
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot register the point function in the database: " + e.getMessage(), e);
        }
    }

    private static void apply(DuckDBReadableVector handles, DuckDBReadableVector xs, DuckDBReadableVector ys,
                              DuckDBWritableVector out, int n) {
        if (n == 0) {
            return;
        }
        int handle = handles.getInt(0);
        Registration r = OPEN.get(handle);
        if (r == null) {
            throw new IllegalStateException("point function " + handle + " is closed or unknown");
        }
        if (handles.getInt(n - 1L) != handle) {
            throw new IllegalStateException("the handle of " + SQL_NAME + " must be a constant");
        }
        Buffers b = BUFFERS.get().ensure(n);
        for (int i = 0; i < n; i++) {
            b.x[i] = xs.getDouble(i, Double.NaN);
            b.y[i] = ys.getDouble(i, Double.NaN);
        }
        try {
            r.kernel.apply(b.x, b.y, n, b.out);
        } catch (RuntimeException | Error e) {
            r.failure.compareAndSet(null, e);
            throw e;
        }
        for (int i = 0; i < n; i++) {
            long v = b.out[i];
            if (v == NULL) {
                out.setNull(i);
            } else {
                out.setLong(i, v);
            }
        }
    }

    /** Per-thread batch arrays, grown when DuckDB hands over a bigger chunk than before. */
    private static final class Buffers {
        double[] x = new double[0];
        double[] y = new double[0];
        long[] out = new long[0];

        Buffers ensure(int n) {
            if (x.length < n) {
                x = new double[n];
                y = new double[n];
                out = new long[n];
            }
            return this;
        }
    }

    /** An open kernel; close it when the query that uses it has finished. */
    public static final class Registration implements AutoCloseable {
        private final int handle;
        private final Kernel kernel;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private Registration(int handle, Kernel kernel) {
            this.handle = handle;
            this.kernel = kernel;
        }

        /** The SQL call of this kernel on two expressions, e.g. {@code wb_point_function(3, lon, lat)}. */
        public String call(String xSql, String ySql) {
            return SQL_NAME + "(" + handle + ", " + xSql + ", " + ySql + ")";
        }

        /**
         * The first exception or error the kernel threw (DuckDB turns it into a query error that carries only its text),
         * or null.
         */
        public Throwable failure() {
            return failure.get();
        }

        @Override
        public void close() {
            OPEN.remove(handle);
        }
    }
}
