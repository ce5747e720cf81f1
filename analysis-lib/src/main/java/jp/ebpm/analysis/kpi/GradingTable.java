package jp.ebpm.analysis.kpi;

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
import jp.ebpm.analysis.io.ReadResult;
import jp.ebpm.analysis.io.TextFile;
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

    /** The members a grading table may have. */
    private static final java.util.Set<String> KEYS = java.util.Set.of("bands", "otherwise", "noData", "changed");

    /**
     * Parses the JSON form; missing fields take the default's values.
     *
     * @throws WorkbenchException when the JSON is malformed or is not a grading table
     */
    public static GradingTable fromJson(String json) {
        return fromJson(json, null);
    }

    private static GradingTable fromJson(String json, String fileName) {
        GradingTable d = defaults();
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            Long line = e.getLocation() == null ? null : (long) e.getLocation().getLineNr();
            throw new WorkbenchException("This is not a grading table: the file is not valid JSON. A grading table looks like"
                    + " {\"bands\":[{\"grade\":\"A\",\"min\":0.8}],\"otherwise\":\"C\"} (see docs/kpi.md).", fileName, line, null, e);
        }
        if (n == null || !n.isObject()) {
            throw notGrading(fileName, "it is not a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        n.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw notGrading(fileName, "it has the member(s) " + String.join(", ", unknown)
                    + "; a grading table has only bands, otherwise, noData and changed");
        }
        if (n.isEmpty()) {
            throw notGrading(fileName, "it is empty");
        }
        List<Band> bands = new ArrayList<>();
        if (n.has("bands")) {
            if (!n.get("bands").isArray() || n.get("bands").isEmpty()) {
                throw notGrading(fileName, "\"bands\" must be a non-empty list of {\"grade\": ..., \"min\": ...}");
            }
            java.util.Set<String> grades = new java.util.HashSet<>();
            for (JsonNode b : n.get("bands")) {
                if (!b.isObject() || !b.hasNonNull("grade") || !b.get("grade").isValueNode() || b.get("grade").asText().isBlank()
                        || !b.hasNonNull("min") || !b.get("min").isNumber() || !Double.isFinite(b.get("min").asDouble())) {
                    throw new WorkbenchException("Each grading band needs a \"grade\" and a numeric \"min\" (0.8 = 80 %).",
                            fileName, null, "bands", null);
                }
                if (!grades.add(b.get("grade").asText())) {
                    throw new WorkbenchException("The grade \"" + b.get("grade").asText() + "\" appears in two bands; each band"
                            + " needs its own grade.", fileName, null, "bands", null);
                }
                bands.add(new Band(b.get("grade").asText(), b.get("min").asDouble()));
            }
        } else {
            bands.addAll(d.bands);
        }
        for (String k : List.of("otherwise", "noData", "changed")) {
            if (n.has(k) && !n.get(k).isValueNode()) {
                throw new WorkbenchException("\"" + k + "\" must be a grade (text).", fileName, null, k, null);
            }
        }
        return new GradingTable(bands, text(n, "otherwise", d.otherwise), text(n, "noData", d.noData),
                text(n, "changed", d.changed));
    }

    private static WorkbenchException notGrading(String fileName, String why) {
        return new WorkbenchException("This is not a grading table: " + why + ". A grading table looks like"
                + " {\"bands\":[{\"grade\":\"A\",\"min\":0.8}],\"otherwise\":\"C\"} (see docs/kpi.md).", fileName, null, null, null);
    }

    private static String text(JsonNode n, String key, String dflt) {
        return n.hasNonNull(key) ? n.get(key).asText() : dflt;
    }

    /**
     * Reads a grading table from a JSON file (any encoding the input layer knows).
     *
     * @throws WorkbenchException naming the file when it is not a grading table
     */
    public static GradingTable read(Path file) {
        ReadResult<String> text = TextFile.read(file, null);
        return fromJson(text.value(), text.source().fileName());
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
