package jp.ebpm.workbench.cli.gis;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.ebpm.analysis.gis.LayerImportOptions;
import jp.ebpm.analysis.gis.LayerImporter;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.io.ImportResult;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.cli.ProjectOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench layer}: map layers in a project. */
@Command(name = "layer", mixinStandardHelpOptions = true, description = "Map layers in a project.",
        subcommands = {LayerCommand.Import.class})
public final class LayerCommand {

    /** {@code workbench layer import}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import GeoJSON, a zipped shapefile/.shp, or a CSV/Excel point table as a layer (creates the project if needed).")
    static final class Import implements Callable<Integer> {
        @Mixin
        ProjectOption project;
        @Option(names = "--file", required = true, paramLabel = "F", description = "The file.")
        Path file;
        @Option(names = "--name", paramLabel = "L", description = "Layer name (default: file name).")
        String name;
        @Option(names = "--crs", paramLabel = "EPSG", description = "Coordinate system when the file has none (default: EPSG:4326 for GeoJSON, EPSG:6668 otherwise).")
        String crs;
        @Option(names = "--lat-col", paramLabel = "C", description = "Latitude column of a point table (default: detect).")
        String latCol;
        @Option(names = "--lon-col", paramLabel = "C", description = "Longitude column of a point table (default: detect).")
        String lonCol;
        @Option(names = "--kind", paramLabel = "K", description = "boundary or points (default: from the geometries).")
        String kind;
        @Option(names = "--license", description = "License / attribution text.")
        String license;
        @Option(names = "--sensitivity", description = "open, internal or private (default internal).")
        String sensitivity;
        @Option(names = "--description", description = "Description.")
        String description;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LayerImportOptions o = new LayerImportOptions(name, crs == null ? 0 : Crs.parseCode(crs), latCol, lonCol,
                    kind == null ? null : DatasetKind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT)), license,
                    sensitivity == null ? null : Sensitivity.valueOf(sensitivity.strip().toUpperCase(java.util.Locale.ROOT)), description);
            try (Project p = project.openOrCreate()) {
                ImportResult r = LayerImporter.importLayer(p, file, o, ProgressListener.NONE, Cancellation.none());
                spec.commandLine().getOut().println("imported " + r.dataset().name() + ": " + r.dataset().rowCount() + " features, "
                        + r.dataset().property("crs") + ", kind " + r.dataset().kind().name().toLowerCase(java.util.Locale.ROOT));
                for (String w : r.warnings()) {
                    spec.commandLine().getErr().println("warning: " + w);
                }
            }
            return 0;
        }
    }
}
