package jp.ebpm.workbench.cli.bench;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.io.GeoJsonWriter;
import jp.ebpm.analysis.gis.map.ClassMethod;
import jp.ebpm.analysis.gis.map.Classifier;
import jp.ebpm.analysis.gis.map.ColorRamp;
import jp.ebpm.analysis.gis.map.MapLayer;
import jp.ebpm.analysis.gis.map.MapRenderer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.gis.mesh.MeshColumn;
import jp.ebpm.analysis.gis.mesh.MeshLevel;
import jp.ebpm.analysis.gis.overlay.PointLocator;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench gis}: the GIS speed targets of issue 4 (points in polygons, mesh coding in DuckDB, choropleth
 * rendering). Hidden from help; figures go to docs/benchmarks.md.
 */
/** Holder of the GIS benchmark, registered as {@code workbench bench gis}. */
public final class GisBenchCommand {

    /** The extent of the GIS benchmarks: Kawasaki, 139.44–139.80 E, 35.46–35.66 N. */
    static final Envelope KAWASAKI = new Envelope(139.44, 139.80, 35.46, 35.66);

    private GisBenchCommand() {
    }

    /** Writes polygons as a GeoJSON layer (JGD2011) with the key {@code id} = 0, 1, ... */
    static void writePolygons(List<Geometry> polygons, Path file) throws java.io.IOException {
        List<GeoFeature> feats = new ArrayList<>();
        for (int i = 0; i < polygons.size(); i++) {
            feats.add(new GeoFeature(polygons.get(i), Map.of("id", (long) i)));
        }
        try (OutputStream os = Files.newOutputStream(file)) {
            GeoJsonWriter.write(new VectorData(List.of("id"), feats, 6668, null, List.of()), os);
        }
    }

    /** Voronoi polygons of {@code n} random seeds over the Kawasaki extent (lon/lat), clipped to it. */
    static List<Geometry> voronoi(int n, Envelope env, long seed) {
        GeometryFactory f = new GeometryFactory();
        SplittableRandom r = new SplittableRandom(seed);
        List<Coordinate> sites = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sites.add(new Coordinate(env.getMinX() + r.nextDouble() * env.getWidth(), env.getMinY() + r.nextDouble() * env.getHeight()));
        }
        VoronoiDiagramBuilder b = new VoronoiDiagramBuilder();
        b.setSites(sites);
        b.setClipEnvelope(env);
        Geometry clip = f.toGeometry(env);
        Geometry cells = b.getDiagram(f);
        List<Geometry> out = new ArrayList<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            out.add(cells.getGeometryN(i).intersection(clip));
        }
        return out;
    }

    /** {@code workbench bench gis}. */
    @Command(name = "gis", mixinStandardHelpOptions = true, description = "Points in polygons, mesh coding in DuckDB, 5,000-polygon choropleth.")
    static final class Gis implements Callable<Integer> {
        @Option(names = "--points", defaultValue = "10000000")
        int points;
        @Option(names = "--polygons", defaultValue = "1000")
        int polygons;
        @Option(names = "--runs", defaultValue = "3")
        int runs;
        @Option(names = "--dir", required = true, description = "Scratch folder (project, GeoJSON for the GeoPandas comparison).")
        Path dir;
        @Option(names = "--only", description = "pip, mesh or render")
        String only;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Files.createDirectories(dir);
            Envelope env = KAWASAKI;
            if (only == null || only.equals("pip")) {
                pip(out, env);
            }
            if (only != null && only.equals("baseline")) {
                baseline(out, env);
            }
            if (only == null || only.equals("mesh")) {
                mesh(out);
            }
            if (only == null || only.equals("render")) {
                render(out, env);
            }
            return 0;
        }

        private void pip(PrintWriter out, Envelope env) throws Exception {
            List<Geometry> polys = voronoi(polygons, env, 42);
            writePolygons(polys, dir.resolve("bench-polygons.geojson"));
            SplittableRandom r = new SplittableRandom(7);
            double[] xs = new double[points];
            double[] ys = new double[points];
            for (int i = 0; i < points; i++) {
                xs[i] = env.getMinX() + r.nextDouble() * env.getWidth();
                ys[i] = env.getMinY() + r.nextDouble() * env.getHeight();
            }
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int run = 0; run < runs; run++) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                PointLocator loc = new PointLocator(polys);
                long t1 = System.nanoTime();
                int[] a = loc.locateAll(xs, ys, ProgressListener.NONE, Cancellation.none());
                long[] counts = new long[polys.size()];
                for (int v : a) {
                    if (v >= 0) {
                        counts[v]++;
                    }
                }
                long t2 = System.nanoTime();
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                double total = (t2 - t0) / 1e9;
                out.printf("pip run %d: %d points x %d polygons: index %.3f s, locate+count %.3f s, total %.3f s = %.2f M points/s "
                                + "(grid %s, boundary cells %.1f %%, sum %d); process CPU %.3f s = %.2f M points/s on 2 dedicated cores%n", run + 1, points, polys.size(), (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9, total, points / total / 1e6, Arrays.toString(loc.gridSize()), 100 * loc.boundaryCellShare(),
                        Arrays.stream(counts).sum(), cpu, points / (cpu / 2) / 1e6);
                out.flush();
            }
        }

        /** The probe's method for comparison: STRtree + IndexedPointInAreaLocator for every point, in parallel. */
        private void baseline(PrintWriter out, Envelope env) {
            List<Geometry> polys = voronoi(polygons, env, 42);
            org.locationtech.jts.index.strtree.STRtree tree = new org.locationtech.jts.index.strtree.STRtree();
            org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator[] locs =
                    new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator[polys.size()];
            for (int i = 0; i < polys.size(); i++) {
                locs[i] = new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(polys.get(i));
                locs[i].locate(polys.get(i).getCoordinate());
                tree.insert(polys.get(i).getEnvelopeInternal(), i);
            }
            tree.build();
            SplittableRandom r = new SplittableRandom(7);
            double[] xs = new double[points];
            double[] ys = new double[points];
            for (int i = 0; i < points; i++) {
                xs[i] = env.getMinX() + r.nextDouble() * env.getWidth();
                ys[i] = env.getMinY() + r.nextDouble() * env.getHeight();
            }
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int run = 0; run < runs; run++) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                int[] res = new int[points];
                java.util.stream.IntStream.range(0, (points + 65535) / 65536).parallel().forEach(k -> {
                    for (int i = k * 65536; i < Math.min(points, (k + 1) * 65536); i++) {
                        Coordinate c = new Coordinate(xs[i], ys[i]);
                        int found = -1;
                        for (Object o : tree.query(new Envelope(c))) {
                            int id = (Integer) o;
                            if ((found < 0 || id < found) && locs[id].locate(c) != org.locationtech.jts.geom.Location.EXTERIOR) {
                                found = id;
                            }
                        }
                        res[i] = found;
                    }
                });
                long t1 = System.nanoTime();
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                out.printf("baseline run %d: STRtree + IndexedPointInAreaLocator, %d points: %.3f s wall = %.2f M points/s; process CPU %.3f s "
                        + "= %.2f M points/s on 2 dedicated cores (sum %d)%n", run + 1, points, (t1 - t0) / 1e9, points / ((t1 - t0) / 1e9) / 1e6,
                        cpu, points / (cpu / 2) / 1e6, Arrays.stream(res).filter(v -> v >= 0).count());
                out.flush();
            }
        }

        private void mesh(PrintWriter out) {
            Path p = dir.resolve("bench-project");
            try (Project project = Project.openOrCreate(p)) {
                if (!project.catalog().exists("bench_points")) {
                    project.execute("CREATE TABLE bench_points AS SELECT i AS id, 35.46 + random() * 0.2 AS lat, "
                            + "139.44 + random() * 0.36 AS lon FROM range(" + points + ") t(i)");
                    project.inTransaction(c -> {
                        project.catalog().register(c, new jp.ebpm.analysis.store.DatasetInfo("bench_points",
                                jp.ebpm.analysis.store.DatasetKind.TABLE, null, null, java.time.Instant.now(), points,
                                jp.ebpm.analysis.store.Catalog.describe(c, "bench_points"), null, "", jp.ebpm.analysis.store.Sensitivity.OPEN,
                                "benchmark points", Map.of()));
                        return null;
                    });
                }
                for (int run = 0; run < runs; run++) {
                    String target = "bench_mesh_" + run;
                    if (project.catalog().exists(target)) {
                        project.catalog().drop(target);
                    }
                    com.sun.management.OperatingSystemMXBean os =
                            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    MeshColumn.add(project, "bench_points", "lat", "lon", MeshLevel.HALF, "mesh_code", target, Cancellation.none());
                    long t1 = System.nanoTime();
                    String sql = "SELECT count(*), sum(n) FROM (SELECT " + jp.ebpm.analysis.gis.mesh.MeshSql.encodeExpression("lat", "lon", MeshLevel.HALF)
                            + " AS mesh, count(*) AS n FROM bench_points GROUP BY mesh)";
                    long cpu1 = os.getProcessCpuTime();
                    long t2 = System.nanoTime();
                    Object cells = project.query(sql, 1, Cancellation.none()).rows().get(0)[0];
                    long t3 = System.nanoTime();
                    long cpu3 = os.getProcessCpuTime();
                    out.printf("mesh run %d: %d rows coded (1/2 mesh) into a new table in %.3f s (process CPU %.3f s); compute only "
                                    + "(GROUP BY mesh code: %s cells) %.3f s (process CPU %.3f s)%n",
                            run + 1, points, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, cells, (t3 - t2) / 1e9, (cpu3 - cpu1) / 1e9);
                    out.flush();
                }
            }
        }

        private void render(PrintWriter out, Envelope env) throws Exception {
            List<Geometry> polys = voronoi(5000, env, 11);
            jp.ebpm.analysis.gis.crs.Reprojector r = new jp.ebpm.analysis.gis.crs.Reprojector(6668, 6677);
            List<Geometry> plane = polys.stream().map(r::transform).toList();
            SplittableRandom rnd = new SplittableRandom(3);
            double[] v = new double[plane.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextDouble() < 0.02 ? Double.NaN : Math.exp(rnd.nextGaussian());
            }
            for (int run = 0; run < runs + 2; run++) {
                long t0 = System.nanoTime();
                MapLayer l = MapLayer.choropleth("cells", plane, v, "value", Classifier.classify(v, 5, ClassMethod.JENKS, null),
                        ColorRamp.YL_OR_RD, null);
                MapSpec s = new MapSpec("5,000 polygons", "synthetic", List.of(l), null, true, true, true);
                long t1 = System.nanoTime();
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long c1 = mx.getCurrentThreadCpuTime();
                java.awt.image.BufferedImage img = MapRenderer.renderImage(s, 1200, 900);
                long c2 = mx.getCurrentThreadCpuTime();
                long t2 = System.nanoTime();
                byte[] png = MapRenderer.png(img, 96);
                long t3 = System.nanoTime();
                out.printf("render run %d: classify (jenks, 5,000 values) %.0f ms, draw 1200x900 %.0f ms (thread CPU %.0f ms), PNG encode %.0f ms (%d bytes)%n",
                        run + 1, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (c2 - c1) / 1e6, (t3 - t2) / 1e6, png.length);
                out.flush();
            }
        }
    }
}
