package jp.ebpm.analysis.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Sensitivity;

/**
 * One {@code manifest.json} of a sample-data folder: the datasets to load into the sample project.
 *
 * <pre>{"datasets":[{"file":"a.csv","name":"市民アンケート2018","kind":"survey","sensitivity":"internal",
 *   "license":"...","description":"...","codebook":"codebook.csv","options":{"encoding":"utf-8"}}]}</pre>
 *
 * <p>{@code codebook} (optional) names a survey codebook file (CSV or .xlsx, {@code docs/survey.md}) that is
 * stored with the dataset in the project.
 */
record SampleManifest(Path folder, List<Entry> entries) {

    /** One dataset of a manifest; {@code codebook} is null when the entry names none. */
    record Entry(Path file, String name, DatasetKind kind, Sensitivity sensitivity, String license,
                 String description, Map<String, String> options, Path codebook) {
    }

    static SampleManifest read(Path manifest) {
        try {
            JsonNode root = new ObjectMapper().readTree(jp.ebpm.analysis.io.TextFile.read(manifest, "utf-8").value());
            List<Entry> entries = new ArrayList<>();
            for (JsonNode d : root.path("datasets")) {
                Map<String, String> opts = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = d.path("options").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    opts.put(e.getKey(), e.getValue().asText());
                }
                entries.add(new Entry(manifest.getParent().resolve(d.path("file").asText()), d.path("name").asText(),
                        DatasetKind.parse(d.path("kind").asText("table")),
                        Sensitivity.parse(d.path("sensitivity").asText("internal")), d.path("license").asText(""),
                        d.path("description").asText(""), opts,
                        d.hasNonNull("codebook") ? manifest.getParent().resolve(d.get("codebook").asText()) : null));
            }
            return new SampleManifest(manifest.getParent(), entries);
        } catch (IOException | RuntimeException e) {
            throw new WorkbenchException("The sample-data manifest " + manifest.getParent().getFileName() + "/"
                    + manifest.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
