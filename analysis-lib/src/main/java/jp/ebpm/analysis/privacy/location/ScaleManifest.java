package jp.ebpm.analysis.privacy.location;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.ebpm.analysis.WorkbenchException;

/**
 * The {@code manifest.json} of an aggregate written by the Spark job of {@code workbench-scale}, and read by the
 * desktop's {@code location import-aggregate}: one definition of the format on both sides. It lists the
 * aggregate tables (Parquet folders beside the manifest) with their row counts and their full row and column
 * domains (area keys, time labels: no private values), the job's parameters, its inputs (listing or checksums),
 * the Spark version and the job time. The pings themselves and the hashing key are never in it.
 *
 * @param format       {@value #FORMAT}
 * @param job          {@code aggregate} or {@code count-points}
 * @param sparkVersion the Spark version that ran the job
 * @param startedAt    job start (ISO-8601 instant)
 * @param finishedAt   job end (ISO-8601 instant)
 * @param seconds      wall time of the job in seconds
 * @param parameters   the job's parameters (column names, area level, time band, boundary file, key field, master)
 * @param inputs       the input files read (path, bytes, modification time; SHA-256 for the boundary file)
 * @param tables       the aggregate tables
 */
public record ScaleManifest(String format, String job, String sparkVersion, String startedAt, String finishedAt,
                            double seconds, Map<String, String> parameters, List<Input> inputs, List<Table> tables) {

    /** The format identifier of this version. */
    public static final String FORMAT = "ebpm-workbench-scale-aggregate/1";
    /** The manifest's file name. */
    public static final String FILE = "manifest.json";

    /** Table kinds. */
    public static final String AREA_TIME = "area_time";
    /** Residents and visitors per area and hour (column {@code who}). */
    public static final String PRESENCE = "presence";
    /** Origin–destination matrix over all dates. */
    public static final String OD = "od";
    /** Origin–destination matrix per date (column {@code date}). */
    public static final String OD_DAILY = "od_daily";
    /** Points per polygon key (not private). */
    public static final String POINTS = "points_in_polygons";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One input file.
     *
     * @param path     as given to the job
     * @param bytes    size
     * @param modified modification time (ISO-8601), or null
     * @param sha256   SHA-256 (hex) when computed, else null
     */
    public record Input(String role, String path, long bytes, String modified, String sha256) {
    }

    /**
     * One aggregate table: a folder of Parquet files.
     *
     * @param name    the table's name and folder (relative to the manifest)
     * @param kind    {@link #AREA_TIME}, {@link #PRESENCE}, {@link #OD}, {@link #OD_DAILY} or {@link #POINTS}
     * @param rows    number of rows written
     * @param columns the Parquet columns in order
     * @param rowKeys all row keys (areas, origins) in output order, including rows that are all zero
     * @param colKeys all column keys (time labels, destinations) in output order
     */
    public record Table(String name, String kind, long rows, List<String> columns, List<String> rowKeys,
                        List<String> colKeys) {
        public Table {
            columns = columns == null ? List.of() : List.copyOf(columns);
            rowKeys = rowKeys == null ? List.of() : List.copyOf(rowKeys);
            colKeys = colKeys == null ? List.of() : List.copyOf(colKeys);
        }
    }

    public ScaleManifest {
        parameters = parameters == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parameters);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** The table of a kind, if the aggregate has one. */
    public java.util.Optional<Table> table(String kind) {
        return tables.stream().filter(t -> t.kind().equals(kind)).findFirst();
    }

    /** A parameter, or null. */
    public String parameter(String key) {
        return parameters.get(key);
    }

    /** The manifest as JSON text. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses manifest JSON text; {@code source} names the file in messages. */
    public static ScaleManifest parse(String json, String source) {
        ScaleManifest m;
        try {
            m = JSON.readValue(json, ScaleManifest.class);
        } catch (JsonProcessingException e) {
            throw new WorkbenchException("Not a workbench-scale manifest (invalid JSON at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ").", source, null, null, e);
        }
        if (!FORMAT.equals(m.format())) {
            throw new WorkbenchException("Not a workbench-scale aggregate manifest (format \"" + m.format()
                    + "\", expected \"" + FORMAT + "\").", source, null, "format", null);
        }
        if (m.tables().isEmpty()) {
            throw new WorkbenchException("The manifest lists no tables.", source, null, "tables", null);
        }
        List<String> names = new ArrayList<>();
        for (Table t : m.tables()) {
            if (t.name() == null || !t.name().matches("[A-Za-z0-9_.-]+") || t.name().startsWith(".")) {
                throw new WorkbenchException("The manifest names a table folder that is not a plain name: \"" + t.name()
                        + "\".", source, null, "tables", null);
            }
            if (names.contains(t.name())) {
                throw new WorkbenchException("The manifest lists the table \"" + t.name() + "\" twice.", source, null,
                        "tables", null);
            }
            names.add(t.name());
            if (t.rows() < 0) {
                throw new WorkbenchException("The table \"" + t.name() + "\" has a negative row count.", source, null,
                        "tables", null);
            }
        }
        return m;
    }

    /** Reads a manifest file. */
    public static ScaleManifest read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new WorkbenchException("The manifest file does not exist.", name, null, null, null);
        }
        return parse(jp.ebpm.analysis.io.TextFile.read(file, "UTF-8").value(), name);
    }
}
