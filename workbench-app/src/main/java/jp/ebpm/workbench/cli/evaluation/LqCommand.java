package jp.ebpm.workbench.cli.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.evaluation.EvaluationOutput;
import jp.ebpm.analysis.evaluation.EvaluationReports;
import jp.ebpm.analysis.evaluation.LocationQuotient;
import jp.ebpm.analysis.evaluation.LqMaps;
import jp.ebpm.analysis.gis.map.MapRenderer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.cli.ProjectOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench lq}: location quotients (特化係数) and their map (docs/evaluation.md). */
@Command(name = "lq", mixinStandardHelpOptions = true,
        description = "Location quotients (特化係数) of areas x industries against the city, a reference row or a reference dataset.")
public final class LqCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "Long table: one row per area and industry.")
    String dataset;

    @Option(names = "--area", required = true, paramLabel = "COL", description = "Area column.")
    String area;

    @Option(names = "--industry", required = true, paramLabel = "COL", description = "Industry column.")
    String industry;

    @Option(names = "--value", required = true, paramLabel = "COL", description = "Employees or establishments column.")
    String value;

    @Option(names = "--reference-area", paramLabel = "NAME",
            description = "Rows of the area column giving the reference (e.g. the prefecture or 全国); default: the sum of all areas.")
    String referenceArea;

    @Option(names = "--reference-dataset", paramLabel = "R",
            description = "A dataset with the same industry and value columns giving the reference.")
    String referenceDataset;

    @Option(names = "--map", paramLabel = "F.png|F.svg", description = "Also draw the map of one industry's quotients (needs --map-industry, --layer).")
    Path map;

    @Option(names = "--map-industry", paramLabel = "I", description = "The industry to map.")
    String mapIndustry;

    @Option(names = "--layer", paramLabel = "L", description = "The area layer (boundary dataset), e.g. kawasaki_wards.")
    String layer;

    @Option(names = "--key", defaultValue = "N03_004", paramLabel = "FIELD",
            description = "The layer field holding the area names of --area (default ${DEFAULT-VALUE}).")
    String key;

    @Mixin
    EvalOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.check();
        if (referenceArea != null && referenceDataset != null) {
            throw new IllegalArgumentException("Give --reference-area or --reference-dataset, not both.");
        }
        boolean wantMap = map != null || (output.xlsx() && mapIndustry != null);
        if (wantMap && (mapIndustry == null || layer == null)) {
            throw new IllegalArgumentException("A map needs --map-industry and --layer.");
        }
        try (Project p = project.open()) {
            LocationQuotient.Result r = LocationQuotient.compute(p, new LocationQuotient.Spec(dataset, area, industry, value,
                    referenceArea, referenceDataset));
            MapSpec ms = wantMap ? LqMaps.map(p, r, mapIndustry, layer, key, key, "特化係数 " + mapIndustry) : null;
            if (map != null) {
                if (map.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
                    Files.writeString(map, MapRenderer.renderSvg(ms, 1200, 900));
                } else {
                    Files.write(map, MapRenderer.renderPng(ms, 1200, 900, 96));
                }
            }
            String name = EvaluationOutput.lqFileName(dataset, output.ext());
            if (output.xlsx()) {
                List<String> sources = new ArrayList<>(List.of(dataset));
                if (referenceDataset != null) {
                    sources.add(referenceDataset);
                }
                if (ms != null) {
                    sources.add(layer);
                }
                EvaluationReports.lq(r, ms == null ? null : MapRenderer.renderPng(ms, 1200, 900, 150), "特化係数 " + mapIndustry,
                        EvaluationReports.info("特化係数", EvalOutput.analyst()),
                        EvaluationReports.provenance(p, sources, "", "", EvalOutput.analyst()), output.file(name));
            } else {
                output.write(EvaluationOutput.json(r), EvaluationOutput.csv(r), spec.commandLine().getOut(), name);
            }
        }
        return 0;
    }
}
