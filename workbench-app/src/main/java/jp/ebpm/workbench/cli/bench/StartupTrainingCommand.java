package jp.ebpm.workbench.cli.bench;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import jp.ebpm.workbench.cli.WorkbenchCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench startup-training} (hidden): the training run of the class-data archive built by the package
 * step ({@code java -XX:ArchiveClassesAtExit=target/workbench.jsa -jar target/workbench.jar bench startup-training}).
 * It runs the short commands batch users run most, in this process and on a scratch project, so that the classes they
 * load are in the archive: {@code --help}, {@code catalog} (text and JSON), {@code import}, {@code preview},
 * {@code sql}, {@code crosstab}, {@code mesh encode/decode} and {@code overlay count}. A command that fails (e.g. after
 * its options were renamed) is named on stderr and only makes the archive smaller: the build goes on.
 */
@Command(name = "startup-training", mixinStandardHelpOptions = true,
        description = "Run the commands whose classes go into the class-data archive (package step).")
public final class StartupTrainingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int[] failures = {0};  // reported, never fatal: the archive only speeds up the start
        BenchDirs.inScratch("wb-cds-training", dir -> {
            Path csv = dir.resolve("small.csv");
            Files.writeString(csv, "id,区,性別,緯度,経度\n1,川崎区,男,35.5308,139.7029\n2,幸区,女,35.5446,139.6857\n"
                    + "3,中原区,女,35.5762,139.6596\n", StandardCharsets.UTF_8);
            Path polygons = dir.resolve("polygons.geojson");
            Files.writeString(polygons, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                    + "{\"key\":\"a\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[139.6,35.5],[139.8,35.5],[139.8,35.6],"
                    + "[139.6,35.6],[139.6,35.5]]]}}]}", StandardCharsets.UTF_8);
            String project = dir.resolve("project").toString();
            List<String[]> runs = List.of(
                    new String[] {"--version"},
                    new String[] {"--help"},
                    new String[] {"import", "--project", project, "--file", csv.toString(), "--name", "small"},
                    new String[] {"catalog", "--project", project},
                    new String[] {"catalog", "--project", project, "--json"},
                    new String[] {"preview", "--file", csv.toString()},
                    new String[] {"sql", "--project", project, "--query", "select count(*) from small", "--format", "csv"},
                    new String[] {"crosstab", "--project", project, "--dataset", "small", "--rows", "区", "--cols", "性別"},
                    new String[] {"mesh", "encode", "--csv", csv.toString(), "--lat-col", "緯度", "--lon-col", "経度", "--level", "3",
                        "--out", dir.resolve("mesh.csv").toString()},
                    new String[] {"mesh", "decode", "--code", "53394547"},
                    new String[] {"overlay", "count", "--points", csv.toString(), "--polygons", polygons.toString(), "--key", "key",
                        "--out", dir.resolve("counts.csv").toString()});
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            for (String[] args : runs) {
                int code = WorkbenchCli.run(sink, sink, args);
                if (code != 0) {
                    failures[0]++;
                    spec.commandLine().getErr().println("startup training: '" + String.join(" ", args) + "' ended with " + code);
                }
            }
        });
        if (failures[0] > 0) {
            spec.commandLine().getErr().println("startup training: " + failures[0] + " commands failed; their classes are not in the archive");
        }
        return 0;
    }
}
