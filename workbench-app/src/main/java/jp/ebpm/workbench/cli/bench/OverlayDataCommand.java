package jp.ebpm.workbench.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.gis.overlay.OverlayBenchData;
import org.locationtech.jts.geom.Geometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench overlay-data} (hidden): writes the input files of the overlay benchmark
 * ({@code scripts/bench/overlay.sh}): {@code points.csv} ({@link OverlayBenchData}) and {@code polygons.geojson},
 * Voronoi cells of random sites over the same extent with key {@code id} (the polygons of {@code bench gis}).
 */
@Command(name = "overlay-data", mixinStandardHelpOptions = true, description = "Write the overlay benchmark's points and polygons.")
public final class OverlayDataCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, description = "Folder for points.csv and polygons.geojson.")
    Path dir;

    @Option(names = "--points", defaultValue = "10000000")
    long points;

    @Option(names = "--polygons", defaultValue = "1000")
    int polygons;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(dir);
        List<Geometry> cells = GisBenchCommand.voronoi(polygons, GisBenchCommand.KAWASAKI, 42);
        Path poly = dir.resolve("polygons.geojson");
        GisBenchCommand.writePolygons(cells, poly);
        Path csv = dir.resolve("points.csv");
        long t0 = System.nanoTime();
        OverlayBenchData.writePoints(csv, points);
        out.printf("wrote %s (%d points, %d MB) in %.1f s and %s (%d polygons)%n", csv, points, Files.size(csv) >> 20,
                (System.nanoTime() - t0) / 1e9, poly, cells.size());
        return 0;
    }
}
