package jp.ebpm.workbench.cli.gis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.ebpm.analysis.gis.mesh.MeshCell;
import jp.ebpm.analysis.gis.mesh.MeshCode;
import jp.ebpm.analysis.gis.mesh.MeshLevel;
import jp.ebpm.analysis.gis.mesh.MeshTableEncoder;
import jp.ebpm.analysis.io.PointScan;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench mesh}: JIS X 0410 standard grid mesh codes. */
@Command(name = "mesh", mixinStandardHelpOptions = true, description = "Standard grid mesh codes (JIS X 0410).",
        subcommands = {MeshCommand.Encode.class, MeshCommand.Decode.class, MeshCommand.Grid.class})
public final class MeshCommand {

    /** {@code workbench mesh encode}. */
    @Command(name = "encode", mixinStandardHelpOptions = true,
            description = "Add a mesh_code column to a CSV/TSV, Parquet or Excel table with latitude/longitude columns (output CSV, "
                    + "UTF-8). The file is streamed, never loaded whole.")
    static final class Encode implements Callable<Integer> {
        @Option(names = "--csv", required = true, paramLabel = "F", description = "Input CSV/TSV (UTF-8, CP932 or EUC-JP), Parquet or Excel file.")
        Path csv;
        @Option(names = "--lat-col", required = true, paramLabel = "C", description = "Latitude column (degrees, JGD2011/WGS84).")
        String latCol;
        @Option(names = "--lon-col", required = true, paramLabel = "C", description = "Longitude column.")
        String lonCol;
        @Option(names = "--level", required = true, paramLabel = "L",
                description = "1 (80 km), 2 (10 km), 3 (1 km), 4 (500 m), 5 (250 m), 6 (125 m), or 5km.")
        String level;
        @Option(names = "--out", required = true, paramLabel = "F", description = "Output CSV file ('-' = standard output).")
        String out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            MeshLevel l = MeshLevel.parse(level);
            if (!Files.isRegularFile(csv)) {
                throw new jp.ebpm.analysis.WorkbenchException("The file does not exist.", csv.getFileName().toString(), null, null, null);
            }
            PointScan scan;
            try (CsvTarget target = CsvTarget.of(out, spec.commandLine().getOut())) {
                scan = MeshTableEncoder.encode(csv, latCol, lonCol, l, target.file(), ProgressListener.NONE, Cancellation.none());
                target.commit();
            }
            if (scan.skipped() > 0) {
                spec.commandLine().getErr().println("note: " + scan.describeSkipped("EPSG:6668") + "; their mesh_code is empty.");
            }
            if (scan.unmatched() > 0) {
                spec.commandLine().getErr().println("note: " + scan.unmatched() + " points lie outside the mesh range; their mesh_code is empty.");
            }
            return 0;
        }
    }

    /** {@code workbench mesh grid}. */
    @Command(name = "grid", mixinStandardHelpOptions = true,
            description = "Write the mesh cells covering an extent as a GeoJSON polygon layer (fields mesh_code, level; EPSG:6668).")
    static final class Grid implements Callable<Integer> {
        @Option(names = "--extent", required = true, split = ",", paramLabel = "W,S,E,N",
                description = "min lon, min lat, max lon, max lat (degrees).")
        double[] extent;
        @Option(names = "--level", required = true, paramLabel = "L", description = "1..6 or 5km.")
        String level;
        @Option(names = "--out", required = true, paramLabel = "F.geojson", description = "Output GeoJSON.")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (extent.length != 4) {
                throw new IllegalArgumentException("--extent needs four numbers: min lon, min lat, max lon, max lat.");
            }
            double[] v = extent;
            jp.ebpm.analysis.gis.VectorData grid = jp.ebpm.analysis.gis.mesh.MeshGrid.layer(
                    new org.locationtech.jts.geom.Envelope(v[0], v[2], v[1], v[3]), MeshLevel.parse(level));
            try (java.io.OutputStream os = Files.newOutputStream(out)) {
                jp.ebpm.analysis.gis.io.GeoJsonWriter.write(grid, os);
            }
            spec.commandLine().getOut().println("wrote " + grid.features().size() + " cells");
            return 0;
        }
    }

    /** {@code workbench mesh decode}. */
    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = "Print a mesh cell's bounds as JSON: code, level (1..6, 0 = 5 km), level_name, south, west, north, "
                    + "east, sw_lat, sw_lon, ne_lat, ne_lon, center_lat, center_lon (degrees).")
    static final class Decode implements Callable<Integer> {
        @Option(names = "--code", required = true, paramLabel = "C", description = "The mesh code (4 to 11 digits).")
        String code;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            MeshCell c = MeshCode.decode(code);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.code());
            m.put("level", c.level().number());
            m.put("level_name", c.level().label());
            m.put("south", c.south());
            m.put("west", c.west());
            m.put("north", c.north());
            m.put("east", c.east());
            m.put("sw_lat", c.south());
            m.put("sw_lon", c.west());
            m.put("ne_lat", c.north());
            m.put("ne_lon", c.east());
            m.put("center_lat", c.centerLat());
            m.put("center_lon", c.centerLon());
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
            return 0;
        }
    }
}
