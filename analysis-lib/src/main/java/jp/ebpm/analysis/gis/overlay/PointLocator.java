package jp.ebpm.analysis.gis.overlay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds which polygon covers each point, fast.
 *
 * <p><b>Rule for points on shared edges and vertices.</b> A point is assigned to exactly one polygon: among all polygons
 * that <em>cover</em> it (interior or boundary, JTS {@code Location != EXTERIOR}), the one with the lowest index in the
 * list given to the constructor. Callers order the polygons by key, so the rule reads "the polygon with the lowest key".
 * Points covered by no polygon get -1.
 *
 * <p><b>Method.</b> A uniform grid of cells is laid over the polygons' extent (about 1,024 cells per polygon, at least 65,536 and
 * at most 2048 &times; 2048 cells). Every cell crossed by a polygon edge (conservatively, with a small margin) is a <em>boundary</em> cell
 * and keeps the list of polygons whose envelope meets it. The remaining cells form connected regions that no edge
 * crosses, so every point in such a region is covered by the same set of polygons: one exact test at one cell centre
 * per region decides it. A point in a non-boundary cell is answered by one array lookup; only points in boundary cells
 * get exact JTS {@link IndexedPointInAreaLocator} tests. The result is identical to testing every polygon exactly.
 *
 * <p>Thread-safe after construction; {@link #locateAll} runs in parallel over chunks.
 *
 * @since 0.1
 */
public final class PointLocator {

    private static final int OUTSIDE = -1;
    private static final int BOUNDARY_BASE = -2;

    private final List<Geometry> polygons;
    private final IndexedPointInAreaLocator[] locators;
    private final STRtree tree = new STRtree();
    private final double[] envelopes;
    private final double x0;
    private final double y0;
    private final double cw;
    private final double ch;
    private double invCw;
    private double invCh;
    /** Cell → last polygon whose edge was marked there (build time only). */
    private int[] lastPoly;
    /** Boundary cell → ascending ids of polygons with an edge in it (build time only). */
    private java.util.Map<Integer, java.util.List<Integer>> edgePolys;
    private final int nx;
    private final int ny;
    /** cell → polygon index (≥ 0), OUTSIDE, or BOUNDARY_BASE - k for boundary list k. */
    private final int[] cells;
    private final List<int[]> boundaryLists = new ArrayList<>();

    /**
     * Builds the index.
     *
     * @param polygons polygonal geometries (null or empty ones never match), in priority order
     */
    public PointLocator(List<Geometry> polygons) {
        this.polygons = new ArrayList<>(polygons);
        this.locators = new IndexedPointInAreaLocator[polygons.size()];
        this.envelopes = new double[4 * polygons.size()];
        Envelope all = new Envelope();
        for (int i = 0; i < polygons.size(); i++) {
            Geometry g = polygons.get(i);
            if (g == null || g.isEmpty() || !(g instanceof Polygonal)) {
                continue;
            }
            locators[i] = new IndexedPointInAreaLocator(g);
            locators[i].locate(g.getCoordinate()); // builds the index now, so later use is read-only
            tree.insert(g.getEnvelopeInternal(), i);
            Envelope ge = g.getEnvelopeInternal();
            envelopes[4 * i] = ge.getMinX();
            envelopes[4 * i + 1] = ge.getMinY();
            envelopes[4 * i + 2] = ge.getMaxX();
            envelopes[4 * i + 3] = ge.getMaxY();
            all.expandToInclude(g.getEnvelopeInternal());
        }
        tree.build();
        if (all.isNull()) {
            x0 = y0 = 0;
            cw = ch = 1;
            nx = ny = 1;
            cells = new int[] {OUTSIDE};
            return;
        }
        int target = (int) Math.min(2048L * 2048, Math.max(65536L, 1024L * polygons.size()));
        double w = Math.max(all.getWidth(), 1e-12);
        double h = Math.max(all.getHeight(), 1e-12);
        double side = Math.sqrt(w * h / target);
        nx = (int) Math.max(1, Math.min(4096, Math.ceil(w / side)));
        ny = (int) Math.max(1, Math.min(4096, Math.ceil(h / side)));
        x0 = all.getMinX();
        y0 = all.getMinY();
        cw = w / nx;
        ch = h / ny;
        cells = new int[nx * ny];
        invCw = 1 / cw;
        invCh = 1 / ch;
        classify();
    }

    private void classify() {
        boolean[] boundary = new boolean[cells.length];
        lastPoly = new int[cells.length];
        Arrays.fill(lastPoly, -1);
        edgePolys = new java.util.HashMap<>();
        for (int i = 0; i < polygons.size(); i++) {
            if (locators[i] == null) {
                continue;
            }
            for (Object o : LinearComponentExtracter.getLines(polygons.get(i))) {
                CoordinateSequence seq = ((LineString) o).getCoordinateSequence();
                for (int k = 0; k + 1 < seq.size(); k++) {
                    markSegment(boundary, i, seq.getX(k), seq.getY(k), seq.getX(k + 1), seq.getY(k + 1));
                }
            }
        }
        lastPoly = null;
        Arrays.fill(cells, Integer.MIN_VALUE);
        for (int c = 0; c < cells.length; c++) {
            if (boundary[c]) {
                cells[c] = boundaryCell(c);
            }
        }
        int[] queue = new int[cells.length];
        for (int start = 0; start < cells.length; start++) {
            if (cells[start] != Integer.MIN_VALUE) {
                continue;
            }
            int cx = start % nx;
            int cy = start / nx;
            int value = exact((cx + 0.5) * cw + x0, (cy + 0.5) * ch + y0);
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            cells[start] = value;
            while (head < tail) {
                int c = queue[head++];
                int x = c % nx;
                int y = c / nx;
                if (x > 0 && cells[c - 1] == Integer.MIN_VALUE) {
                    cells[c - 1] = value;
                    queue[tail++] = c - 1;
                }
                if (x + 1 < nx && cells[c + 1] == Integer.MIN_VALUE) {
                    cells[c + 1] = value;
                    queue[tail++] = c + 1;
                }
                if (y > 0 && cells[c - nx] == Integer.MIN_VALUE) {
                    cells[c - nx] = value;
                    queue[tail++] = c - nx;
                }
                if (y + 1 < ny && cells[c + nx] == Integer.MIN_VALUE) {
                    cells[c + nx] = value;
                    queue[tail++] = c + nx;
                }
            }
        }
        edgePolys = null;
    }

    private int boundaryCell(int c) {
        int cx = c % nx;
        int cy = c / nx;
        double mx = cw * 1e-6;
        double my = ch * 1e-6;
        Envelope e = new Envelope(x0 + cx * cw - mx, x0 + (cx + 1) * cw + mx, y0 + cy * ch - my, y0 + (cy + 1) * ch + my);
        @SuppressWarnings("unchecked")
        List<Object> hits = tree.query(e);
        List<Integer> edges = edgePolys.getOrDefault(c, List.of());
        // A candidate without an edge in this cell either contains the whole cell or misses it: one exact test at the
        // cell centre decides, and a containing polygon needs no test at query time (flag bit 1).
        Coordinate centre = new Coordinate(x0 + (cx + 0.5) * cw, y0 + (cy + 0.5) * ch);
        List<Integer> entries = new ArrayList<>();
        for (Object o : hits) {
            int id = (Integer) o;
            if (edges.contains(id)) {
                entries.add(id * 2);
            } else if (locators[id].locate(centre) != Location.EXTERIOR) {
                entries.add(id * 2 + 1);
            }
        }
        int[] ids = entries.stream().mapToInt(Integer::intValue).sorted().toArray();
        boundaryLists.add(ids);
        return BOUNDARY_BASE - (boundaryLists.size() - 1);
    }

    private void markSegment(boolean[] boundary, int poly, double ax, double ay, double bx, double by) {
        double len = Math.max(Math.abs(bx - ax) / cw, Math.abs(by - ay) / ch);
        int steps = (int) Math.ceil(len * 2) + 1;
        double px = ax;
        double py = ay;
        for (int s = 1; s <= steps; s++) {
            double t = s / (double) steps;
            double qx = ax + (bx - ax) * t;
            double qy = ay + (by - ay) * t;
            markBox(boundary, poly, Math.min(px, qx), Math.min(py, qy), Math.max(px, qx), Math.max(py, qy));
            px = qx;
            py = qy;
        }
    }

    private void markBox(boolean[] boundary, int poly, double minX, double minY, double maxX, double maxY) {
        double eps = 1e-6;
        int ix0 = clamp((int) Math.floor((minX - x0) / cw - eps), nx);
        int ix1 = clamp((int) Math.floor((maxX - x0) / cw + eps), nx);
        int iy0 = clamp((int) Math.floor((minY - y0) / ch - eps), ny);
        int iy1 = clamp((int) Math.floor((maxY - y0) / ch + eps), ny);
        for (int y = iy0; y <= iy1; y++) {
            for (int x = ix0; x <= ix1; x++) {
                int c = y * nx + x;
                boundary[c] = true;
                if (lastPoly[c] != poly) {
                    lastPoly[c] = poly;
                    edgePolys.computeIfAbsent(c, k -> new ArrayList<>(4)).add(poly);
                }
            }
        }
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : v >= n ? n - 1 : v;
    }

    /** Exact answer without the grid: the lowest-index polygon covering the point, or -1. */
    public int exact(double x, double y) {
        Coordinate c = new Coordinate(x, y);
        @SuppressWarnings("unchecked")
        List<Object> hits = tree.query(new Envelope(c));
        int best = OUTSIDE;
        for (Object o : hits) {
            int i = (Integer) o;
            if ((best == OUTSIDE || i < best) && locators[i].locate(c) != Location.EXTERIOR) {
                best = i;
            }
        }
        return best;
    }

    /** The polygon index covering (x, y), or -1 (see class comment for the rule). */
    public int locate(double x, double y) {
        double fx = (x - x0) * invCw;
        double fy = (y - y0) * invCh;
        if (!(fx >= 0 && fy >= 0 && fx < nx && fy < ny)) {
            // outside the grid (or NaN): only points exactly on the far edge of the extent can still be covered
            return Double.isNaN(x) || Double.isNaN(y) ? OUTSIDE : exact(x, y);
        }
        int v = cells[(int) fy * nx + (int) fx];
        if (v >= OUTSIDE) {
            return v;
        }
        int[] ids = boundaryLists.get(BOUNDARY_BASE - v);
        Coordinate c = new Coordinate(x, y);
        for (int entry : ids) {
            int i = entry >>> 1;
            if ((entry & 1) == 1) {
                return i;
            }
            int e = 4 * i;
            if (x < envelopes[e] || y < envelopes[e + 1] || x > envelopes[e + 2] || y > envelopes[e + 3]) {
                continue;
            }
            if (locators[i].locate(c) != Location.EXTERIOR) {
                return i;
            }
        }
        return OUTSIDE;
    }

    /**
     * Locates many points in parallel.
     *
     * @param xs x (longitude or easting) of each point
     * @param ys y of each point
     * @return polygon index per point, or -1
     * @throws jp.ebpm.analysis.task.CancelledException when cancelled
     */
    public int[] locateAll(double[] xs, double[] ys, ProgressListener progress, Cancellation cancel) {
        int n = xs.length;
        int[] out = new int[n];
        int chunk = 1 << 16;
        int chunks = (n + chunk - 1) / chunk;
        AtomicLong done = new AtomicLong();
        IntStream.range(0, chunks).parallel().forEach(k -> {
            if (cancel.isCancelled()) {
                return;
            }
            int from = k * chunk;
            int to = Math.min(n, from + chunk);
            for (int i = from; i < to; i++) {
                out[i] = locate(xs[i], ys[i]);
            }
            long d = done.addAndGet(to - from);
            progress.progress("Locating points", d, n);
        });
        cancel.check();
        return out;
    }

    /** Share of grid cells that need exact tests (for diagnostics and the benchmark). */
    public double boundaryCellShare() {
        return boundaryLists.size() / (double) cells.length;
    }

    /** Grid size as {nx, ny}. */
    public int[] gridSize() {
        return new int[] {nx, ny};
    }
}
