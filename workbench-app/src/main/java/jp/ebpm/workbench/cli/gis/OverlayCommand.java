package jp.ebpm.workbench.cli.gis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.io.VectorReader;
import jp.ebpm.analysis.gis.overlay.AreaWeighting;
import jp.ebpm.analysis.gis.overlay.Buffers;
import jp.ebpm.analysis.gis.overlay.KeyedPolygons;
import jp.ebpm.analysis.gis.overlay.PlaneZone;
import jp.ebpm.analysis.gis.overlay.PointOverlay;
import jp.ebpm.analysis.gis.overlay.PointsInPolygons;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.io.CsvWriter;
import jp.ebpm.analysis.io.PointBatchReader;
import jp.ebpm.analysis.io.PointScan;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench overlay}: points in polygons and area-weighted apportionment on files. */
@Command(name = "overlay", mixinStandardHelpOptions = true,
        description = "Overlay operations on files (polygons: GeoJSON or zipped shapefile; points: CSV/TSV, Parquet or Excel with "
                + "lat/lon, or GeoJSON). Points are streamed, never loaded whole; unusable points are skipped and counted on stderr.",
        subcommands = {OverlayCommand.Count.class, OverlayCommand.Join.class, OverlayCommand.AreaWeight.class})
public final class OverlayCommand {

    /** Options naming the points. */
    static class PointOptions {
        @Option(names = "--points", required = true, paramLabel = "F",
                description = "Points: CSV/TSV (UTF-8, CP932, EUC-JP), Parquet or Excel with latitude/longitude (JGD2011 degrees), or GeoJSON.")
        Path points;
        @Option(names = "--lat-col", paramLabel = "C", description = "Latitude column (default: detect 緯度/lat/latitude/y).")
        String latCol;
        @Option(names = "--lon-col", paramLabel = "C", description = "Longitude column (default: detect 経度/lon/longitude/x).")
        String lonCol;
        @Option(names = "--encoding", paramLabel = "E", description = "Text encoding of a CSV/TSV file: auto (default), utf-8, cp932, euc-jp.")
        String encoding;

        PointBatchReader open() {
            return PointBatchReader.open(points, latCol, lonCol, encoding, ProgressListener.NONE, Cancellation.none());
        }
    }

    /** Options naming the polygons. */
    static class PolygonOptions {
        @Option(names = "--polygons", required = true, paramLabel = "F", description = "Polygons: GeoJSON or zipped shapefile.")
        Path polygons;
        @Option(names = "--key", required = true, paramLabel = "FIELD", description = "The polygons' key field.")
        String key;
    }

    static VectorData readPolygons(Path file) throws java.io.IOException {
        return VectorReader.read(file, 0, null, null, new GeometryFactory());
    }

    /** {@code workbench overlay count}. */
    @Command(name = "count", mixinStandardHelpOptions = true,
            description = "Count points per polygon. Output CSV: <key>, count, [distinct_ids], [sum_<v>, mean_<v>]; every polygon "
                    + "key appears (0 when empty). A point on a shared edge counts once, for the lowest key.")
    static final class Count implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        PointOptionsMixin pts;
        @picocli.CommandLine.Mixin
        PolygonOptionsMixin polys;
        @Option(names = "--id-col", paramLabel = "C", description = "Point id column: adds distinct_ids.")
        String idCol;
        @Option(names = "--value-col", paramLabel = "C", description = "Numeric point column: adds sum_<C> and mean_<C>.")
        String valueCol;
        @Option(names = "--out", required = true, paramLabel = "F.csv", description = "Output CSV ('-' = standard output).")
        String out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            KeyedPolygons kp = KeyedPolygons.of(readPolygons(polys.polygons), polys.key);
            PointOverlay.Result r;
            int epsg;
            try (PointBatchReader reader = pts.open()) {
                epsg = reader.epsg();
                r = PointOverlay.count(reader, kp, idCol, valueCol, ProgressListener.NONE, Cancellation.none());
            }
            List<String> header = new ArrayList<>(List.of(polys.key, "count"));
            if (idCol != null) {
                header.add("distinct_ids");
            }
            if (valueCol != null) {
                header.add("sum_" + valueCol);
                header.add("mean_" + valueCol);
            }
            List<List<Object>> rows = new ArrayList<>();
            for (PointsInPolygons.Row row : r.rows()) {
                List<Object> line = new ArrayList<>(List.of(row.key(), row.count()));
                if (idCol != null) {
                    line.add(row.distinctIds());
                }
                if (valueCol != null) {
                    line.add(CsvWriter.number(row.sum()));
                    line.add(CsvWriter.number(row.mean()));
                }
                rows.add(line);
            }
            CsvWriter.write(out, spec.commandLine().getOut(), header, rows);
            notes(spec, r.scan(), epsg);
            return 0;
        }
    }

    static void notes(CommandSpec spec, PointScan scan, int epsg) {
        if (scan.skipped() > 0) {
            spec.commandLine().getErr().println("note: " + scan.describeSkipped(Crs.label(epsg)) + "; they were skipped.");
        }
        if (scan.unmatched() > 0) {
            spec.commandLine().getErr().println("note: " + scan.unmatched() + " points lie outside every polygon.");
        }
    }

    /** {@code workbench overlay join}. */
    @Command(name = "join", mixinStandardHelpOptions = true,
            description = "Add the key of the covering polygon to every point. Output CSV: the point columns plus <key> "
                    + "(<key>_polygon if the points already have that column); empty when outside all polygons.")
    static final class Join implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        PointOptionsMixin pts;
        @picocli.CommandLine.Mixin
        PolygonOptionsMixin polys;
        @Option(names = "--out", required = true, paramLabel = "F.csv", description = "Output CSV ('-' = standard output).")
        String out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            KeyedPolygons kp = KeyedPolygons.of(readPolygons(polys.polygons), polys.key);
            PointScan scan;
            int epsg;
            try (PointBatchReader reader = pts.open(); CsvTarget target = CsvTarget.of(out, spec.commandLine().getOut())) {
                epsg = reader.epsg();
                scan = PointOverlay.joinToCsv(reader, kp, target.file(), ProgressListener.NONE, Cancellation.none());
                target.commit();
            }
            notes(spec, scan, epsg);
            return 0;
        }
    }

    /** {@code workbench overlay area-weight}. */
    @Command(name = "area-weight", mixinStandardHelpOptions = true,
            description = "Apportion source polygon values (e.g. mesh population) to target polygons (e.g. wards) by area. "
                    + "With --near-points and --distance, also the part within that many metres of any point. "
                    + "Output CSV: <key>, area_km2, then per value V: V, and with points V_covered and V_share (0..1).")
    static final class AreaWeight implements Callable<Integer> {
        @Option(names = "--source", required = true, paramLabel = "F", description = "Source polygons with values (GeoJSON or zipped shapefile).")
        Path source;
        @Option(names = "--value", required = true, paramLabel = "FIELD", description = "Source value field (repeatable).")
        List<String> values;
        @Option(names = "--target", required = true, paramLabel = "F", description = "Target polygons.")
        Path target;
        @Option(names = "--key", required = true, paramLabel = "FIELD", description = "Target key field.")
        String key;
        @Option(names = "--near-points", paramLabel = "F", description = "Points (e.g. shelters) whose buffer is the coverage area.")
        Path nearPoints;
        @Option(names = "--lat-col", paramLabel = "C", description = "Latitude column of --near-points (default: detect).")
        String latCol;
        @Option(names = "--lon-col", paramLabel = "C", description = "Longitude column of --near-points (default: detect).")
        String lonCol;
        @Option(names = "--distance", paramLabel = "M", description = "Buffer distance in metres around --near-points.")
        Double distance;
        @Option(names = "--zone", paramLabel = "Z", description = "Plane rectangular zone 1..19 for areas (default: chosen from the data).")
        String zone;
        @Option(names = "--within-targets", description = "Divide by the part of each source polygon inside the targets (values known "
                + "to lie inside the target area, e.g. a city's mesh population), so nothing is lost at the edges.")
        boolean withinTargets;
        @Option(names = "--out", required = true, paramLabel = "F.csv", description = "Output CSV ('-' = standard output).")
        String out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if ((nearPoints == null) != (distance == null)) {
                throw new IllegalArgumentException("--near-points and --distance go together.");
            }
            VectorData src = readPolygons(source);
            VectorData tgt = readPolygons(target);
            int plane = PlaneZone.choose(zone == null ? 0 : jp.ebpm.analysis.gis.crs.JapanZones.parseZone(zone), tgt, src);
            Geometry cover = null;
            if (nearPoints != null) {
                try (PointBatchReader reader = PointBatchReader.open(nearPoints, latCol, lonCol, null, ProgressListener.NONE,
                        Cancellation.none())) {
                    cover = Buffers.union(Buffers.buffer(Buffers.planePoints(reader, plane, Cancellation.none()), distance));
                }
            }
            KeyedPolygons kp = KeyedPolygons.of(tgt, key);
            AreaWeighting.Result r = AreaWeighting.apportion(src, values, kp, tgt, cover, plane, withinTargets, ProgressListener.NONE, Cancellation.none());
            List<String> header = new ArrayList<>(List.of(key, "area_km2"));
            for (String v : values) {
                header.add(v);
                if (cover != null) {
                    header.add(v + "_covered");
                    header.add(v + "_share");
                }
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < r.keys().size(); i++) {
                List<Object> line = new ArrayList<>(List.of(r.keys().get(i), r.areas()[i] / 1e6));
                for (int j = 0; j < values.size(); j++) {
                    line.add(CsvWriter.number(r.totals()[i][j]));
                    if (cover != null) {
                        line.add(CsvWriter.number(r.covered()[i][j]));
                        line.add(CsvWriter.number(r.totals()[i][j] == 0 ? Double.NaN : r.covered()[i][j] / r.totals()[i][j]));
                    }
                }
                rows.add(line);
            }
            CsvWriter.write(out, spec.commandLine().getOut(), header, rows);
            for (int j = 0; j < values.size(); j++) {
                if (Math.abs(r.unassigned()[j]) > 1e-6) {
                    spec.commandLine().getErr().printf("note: %.3f of %s lies outside every target polygon.%n", r.unassigned()[j], values.get(j));
                }
            }
            spec.commandLine().getErr().println("note: areas computed in EPSG:" + r.epsg() + ".");
            return 0;
        }
    }

    /** Mixin form of {@link PointOptions}. */
    static final class PointOptionsMixin extends PointOptions {
    }

    /** Mixin form of {@link PolygonOptions}. */
    static final class PolygonOptionsMixin extends PolygonOptions {
    }
}
