package jp.ebpm.analysis.kpi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;

/**
 * A grading rule table (評価区分): grades by progress-rate bands, plus separate grades for KPIs without data
 * and for KPIs that were changed during the plan. Configurable per project (setting {@value #SETTING}) or
 * as a JSON file:
 * <pre>{"bands":[{"grade":"S","min":1.0},{"grade":"A","min":0.8},{"grade":"B","min":0.5}],
 *  "otherwise":"C","noData":"-","changed":"*"}</pre>
 * Bands are checked from the highest {@code min} down; {@code min} is a progress rate as a fraction
 * (0.8 = 80 %). The default is S ≥ 100 %, A ≥ 80 %, B ≥ 50 %, C otherwise, "-" for no data and "*" for a
 * changed KPI. A changed KPI gets the changed grade whatever its data.
 *
 * @param bands     the bands, highest first
 * @param otherwise the grade below every band
 * @param noData    the grade without an actual
 * @param changed   the grade of a changed KPI
 * @since 0.1
 */
public record GradingTable(List<Band> bands, String otherwise, String noData, String changed) {

    /** The project setting holding the table as JSON. */
    public static final String SETTING = "kpi.grading";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A band: progress rate ≥ {@code min} gets {@code grade}. */
    public record Band(String grade, double min) {
        public Band {
            Objects.requireNonNull(grade, "grade");
        }
    }

    public GradingTable {
        List<Band> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparingDouble(Band::min).reversed());
        bands = List.copyOf(sorted);
        Objects.requireNonNull(otherwise, "otherwise");
        Objects.requireNonNull(noData, "noData");
        Objects.requireNonNull(changed, "changed");
    }

    /** S ≥ 100 %, A ≥ 80 %, B ≥ 50 %, C otherwise; "-" no data; "*" KPI changed. */
    public static GradingTable defaults() {
        return new GradingTable(List.of(new Band("S", 1.0), new Band("A", 0.8), new Band("B", 0.5)), "C", "-", "*");
    }

    /** The grade for a status and progress rate (a fraction, {@code null} without data). */
    public String grade(KpiStatus status, Double progressRate, boolean kpiChanged) {
        if (kpiChanged) {
            return changed;
        }
        if (status == KpiStatus.NO_DATA || progressRate == null) {
            return noData;
        }
        for (Band b : bands) {
            // a small tolerance so 0.8 computed as 0.7999999999 still gets A
            if (progressRate >= b.min - 1e-9) {
                return b.grade;
            }
        }
        return otherwise;
    }

    /** The table as JSON. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> bl = new ArrayList<>();
        bands.forEach(b -> {
            // a LinkedHashMap filled in order: Map.of would iterate in an order that changes from run to run
            Map<String, Object> band = new LinkedHashMap<>();
            band.put("grade", b.grade);
            band.put("min", b.min);
            bl.add(band);
        });
        m.put("bands", bl);
        m.put("otherwise", otherwise);
        m.put("noData", noData);
        m.put("changed", changed);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses the JSON form; missing fields take the default's values.
     *
     * @throws WorkbenchException when the JSON is malformed or a band lacks grade or min
     */
    public static GradingTable fromJson(String json) {
        GradingTable d = defaults();
        try {
            JsonNode n = JSON.readTree(json);
            List<Band> bands = new ArrayList<>();
            if (n.has("bands")) {
                for (JsonNode b : n.get("bands")) {
                    if (!b.hasNonNull("grade") || !b.hasNonNull("min") || !b.get("min").isNumber()) {
                        throw new WorkbenchException("Each grading band needs a \"grade\" and a numeric \"min\" (0.8 = 80 %).");
                    }
                    bands.add(new Band(b.get("grade").asText(), b.get("min").asDouble()));
                }
            } else {
                bands.addAll(d.bands);
            }
            return new GradingTable(bands, text(n, "otherwise", d.otherwise), text(n, "noData", d.noData),
                    text(n, "changed", d.changed));
        } catch (JsonProcessingException e) {
            throw new WorkbenchException("The grading table is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode n, String key, String dflt) {
        return n.hasNonNull(key) ? n.get(key).asText() : dflt;
    }

    /** Reads a grading table from a JSON file. */
    public static GradingTable read(Path file) {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read the grading table " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The project's grading table, or the default when the project has none. */
    public static GradingTable of(Project project) {
        return project.catalog().setting(SETTING).map(GradingTable::fromJson).orElseGet(GradingTable::defaults);
    }

    /** Stores this table as the project's grading table. */
    public void saveTo(Project project) {
        project.catalog().putSetting(SETTING, toJson());
    }
}
