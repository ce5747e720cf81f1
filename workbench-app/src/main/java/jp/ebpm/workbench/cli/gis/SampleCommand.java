package jp.ebpm.workbench.cli.gis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.io.TextFile;
import jp.ebpm.analysis.gis.io.GeoJsonWriter;
import jp.ebpm.analysis.gis.mesh.MeshLevel;
import jp.ebpm.analysis.gis.mesh.SyntheticMeshPopulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** GIS generators of sample data, registered under {@code workbench sample} (see {@code cli.SampleCommand}). */
public final class SampleCommand {

    private SampleCommand() {
    }

    /** {@code workbench sample mesh-population}. */
    @Command(name = "mesh-population", mixinStandardHelpOptions = true,
            description = "Write a SYNTHETIC mesh population layer (GeoJSON) whose per-ward sums equal the real ward populations "
                    + "of a Kanagawa monthly statistics JSON (see docs/gis.md for the method).")
    public static final class MeshPopulation implements Callable<Integer> {
        @Option(names = "--wards", required = true, paramLabel = "F", description = "Ward polygons (GeoJSON, N03).")
        Path wards;
        @Option(names = "--key", defaultValue = "N03_007", description = "5-digit ward code field (default ${DEFAULT-VALUE}).")
        String key;
        @Option(names = "--name-field", defaultValue = "N03_004", description = "Ward name field (default ${DEFAULT-VALUE}).")
        String nameField;
        @Option(names = "--population", required = true, paramLabel = "F.json",
                description = "Kanagawa population JSON (objects with code = 6-digit code with check digit, population).")
        Path population;
        @Option(names = "--level", defaultValue = "4", description = "Mesh level (default ${DEFAULT-VALUE} = 1/2 mesh, 500 m).")
        String level;
        @Option(names = "--seed", defaultValue = "20211001", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--out", required = true, paramLabel = "F.geojson", description = "Output GeoJSON.")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Map<String, Long> totals = new LinkedHashMap<>();
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(TextFile.read(population, null).value());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new WorkbenchException("The population file is not valid JSON (" + e.getOriginalMessage() + ").",
                        population.getFileName().toString(), e.getLocation() == null ? null : (long) e.getLocation().getLineNr(),
                        null, e);
            }
            collect(root, totals);
            VectorData w = OverlayCommand.readPolygons(wards);
            VectorData mesh = SyntheticMeshPopulation.generate(w, key, nameField, totals, MeshLevel.parse(level), seed);
            try (OutputStream os = Files.newOutputStream(out)) {
                GeoJsonWriter.write(mesh, os);
            }
            long sum = mesh.features().stream().mapToLong(f -> (Long) f.get("population")).sum();
            spec.commandLine().getOut().println("wrote " + mesh.features().size() + " synthetic cells, population " + sum);
            return 0;
        }

        private static void collect(JsonNode n, Map<String, Long> totals) {
            if (n.isArray()) {
                n.forEach(c -> collect(c, totals));
            } else if (n.isObject() && n.path("code").isTextual() && n.path("population").isNumber()) {
                String code = n.get("code").asText();
                if (code.matches("\\d{6}")) {
                    totals.put(code.substring(0, 5), n.get("population").asLong());
                }
            }
        }
    }

}
