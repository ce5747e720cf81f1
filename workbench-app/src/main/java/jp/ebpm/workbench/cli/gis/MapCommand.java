package jp.ebpm.workbench.cli.gis;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.ebpm.analysis.gis.map.ChoroplethOptions;
import jp.ebpm.analysis.gis.map.ClassInput;
import jp.ebpm.analysis.gis.map.ClassMethod;
import jp.ebpm.analysis.io.ReadResult;
import jp.ebpm.analysis.gis.map.Classification;
import jp.ebpm.analysis.gis.map.Classifier;
import jp.ebpm.analysis.gis.map.ColorRamp;
import jp.ebpm.analysis.gis.map.MapComposer;
import jp.ebpm.analysis.gis.map.MapRenderer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.workbench.cli.ProjectOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench map}: choropleth maps and classification. */
@Command(name = "map", mixinStandardHelpOptions = true, description = "Area maps (choropleths) and class breaks.",
        subcommands = {MapCommand.Render.class, MapCommand.Classify.class})
public final class MapCommand {

    static Map<String, Object> describe(Classification c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", c.method().name().toLowerCase(Locale.ROOT));
        m.put("classes", c.classCount());
        m.put("breaks", c.breaks());
        m.put("counts", c.counts());
        m.put("closed", c.rightClosed() ? "right" : "left");
        m.put("gvf", c.gvf());
        return m;
    }

    static double[] parseBreaks(String s) {
        return s == null ? null : Arrays.stream(s.split("[,;]")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
    }

    /** {@code workbench map render}. */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Render a choropleth of a project layer to PNG or SVG (by the --out extension). Prints the class breaks as JSON.")
    static final class Render implements Callable<Integer> {
        @Mixin
        ProjectOption project;
        @Option(names = "--layer", required = true, paramLabel = "L", description = "Layer (polygon dataset) name.")
        String layer;
        @Option(names = "--value", paramLabel = "V",
                description = "Numeric field to map (default: the first numeric field that is not a key or id).")
        String value;
        @Option(names = "--classes", defaultValue = "5", description = "Number of classes (default ${DEFAULT-VALUE}).")
        int classes;
        @Option(names = "--method", defaultValue = "jenks", description = "jenks, fisher, quantile, equal, stddev or manual (default ${DEFAULT-VALUE}).")
        String method;
        @Option(names = "--breaks", paramLabel = "B", description = "Manual breaks, e.g. 0,100,200,500 (implies --method manual).")
        String breaks;
        @Option(names = "--ramp", defaultValue = "YlOrRd", description = "YlOrRd, Blues, YlGnBu, viridis, RdBu, PuOr (default ${DEFAULT-VALUE}).")
        String ramp;
        @Option(names = "--per", paramLabel = "FIELD", description = "Map the rate value / FIELD (e.g. per population).")
        String per;
        @Option(names = "--per-km2", description = "Map the density value / km² (area in the plane zone).")
        boolean perKm2;
        @Option(names = "--multiplier", defaultValue = "1", description = "Multiply rates, e.g. 1000 for per 1,000.")
        double multiplier;
        @Option(names = "--label", paramLabel = "FIELD",
                description = "Label polygons with this field (default: a name field such as N03_004 when there is one; none: no labels).")
        String label;
        @Option(names = "--title", description = "Map title.")
        String title;
        @Option(names = "--attribution", description = "Source/attribution line (default: the licence of every layer drawn, and of the"
                + " layers a derived layer was made from).")
        String attribution;
        @Option(names = "--width", defaultValue = "1200", description = "Width in pixels (default ${DEFAULT-VALUE}).")
        int width;
        @Option(names = "--height", defaultValue = "900", description = "Height in pixels (default ${DEFAULT-VALUE}).")
        int height;
        @Option(names = "--dpi", defaultValue = "96", description = "Resolution recorded in the PNG (default ${DEFAULT-VALUE}).")
        double dpi;
        @Option(names = "--overlay", paramLabel = "L", description = "Further layers drawn on top in the given order (points as dots, "
                + "polygons as outlines), repeatable.")
        java.util.List<String> overlays;
        @Option(names = "--opacity", defaultValue = "1", description = "Opacity 0..1 of the choropleth layer (default ${DEFAULT-VALUE}).")
        double opacity;
        @Option(names = "--out", required = true, paramLabel = "F", description = "map.png or map.svg.")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!Files.isDirectory(out) && !name.endsWith(".png") && !name.endsWith(".svg")) {
                throw new IllegalArgumentException("--out must end in .png or .svg (or name a folder).");
            }
            if (width < 100 || height < 100 || width > 20000 || height > 20000) {
                throw new IllegalArgumentException("--width and --height must be between 100 and 20000 pixels.");
            }
            ClassMethod m = breaks != null ? ClassMethod.MANUAL : ClassMethod.parse(method);
            String labelField = label == null ? null : label.equalsIgnoreCase("none") ? "" : label;
            ChoroplethOptions o = new ChoroplethOptions(value, classes, m, parseBreaks(breaks), ColorRamp.named(ramp), per, perKm2,
                    multiplier, labelField, title, attribution, 0);
            MapSpec ms;
            try (Project p = project.open()) {
                // the same composition as the Map tab: defaults, overlays with legend entries, every source attributed
                ms = MapComposer.compose(p, layer, o, overlays, opacity);
            }
            // a folder gets the name the Map tab suggests
            out = jp.ebpm.analysis.export.OutputNames.resolve(out, jp.ebpm.analysis.export.OutputNames.map(layer,
                    ms.layers().get(0).valueName(), "png"));
            if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
                Files.writeString(out, MapRenderer.renderSvg(ms, width, height), StandardCharsets.UTF_8);
            } else {
                Files.write(out, MapRenderer.renderPng(ms, width, height, dpi));
            }
            Classification c = ms.layers().get(0).classification();
            Map<String, Object> json = c == null ? new LinkedHashMap<>() : describe(c);
            json.put("value", ms.layers().get(0).valueName());
            json.put("out", out.toString());
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(json));
            return 0;
        }
    }

    /** {@code workbench map classify}. */
    @Command(name = "classify", mixinStandardHelpOptions = true,
            description = "Class breaks of a numeric column of a CSV file, as JSON: method, classes, breaks (incl. min and max), "
                    + "counts, closed (left/right), gvf. Matches R classInt classIntervals().")
    static final class Classify implements Callable<Integer> {
        @Option(names = "--csv", required = true, paramLabel = "F", description = "Input CSV or Excel file.")
        Path csv;
        @Option(names = "--column", required = true, paramLabel = "C", description = "Numeric column.")
        String column;
        @Option(names = "--classes", defaultValue = "5", description = "Number of classes (default ${DEFAULT-VALUE}).")
        int classes;
        @Option(names = "--method", defaultValue = "jenks", description = "jenks, fisher, quantile, equal, stddev or manual (default ${DEFAULT-VALUE}).")
        String method;
        @Option(names = "--breaks", paramLabel = "B", description = "Manual breaks (implies --method manual).")
        String breaks;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ReadResult<double[]> in = ClassInput.read(csv, column);
            double[] x = in.value();
            in.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            ClassMethod m = breaks != null ? ClassMethod.MANUAL : ClassMethod.parse(method);
            Classification c = Classifier.classify(x, classes, m, parseBreaks(breaks));
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(describe(c)));
            return 0;
        }
    }
}
