package jp.ebpm.analysis.privacy.location;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;

/**
 * What identifies a released table in the linked set of its dataset ({@link jp.ebpm.analysis.privacy.guard.LinkedReleases}):
 * the operation, the spatial unit and the area layer (by the SHA-256 of its geometry, so a layer re-imported
 * with other shapes is another grouping), the time band. Tables of one <em>family</em> count the same records and
 * are linked: pings (area × time aggregates of a pings dataset, residents, visitors), population (mesh population
 * aggregates), dwell time of one area layer (stays depend on the layer), OD of one layer.
 *
 * @param grouping   the grouping name of the {@link jp.ebpm.analysis.privacy.guard.SuppressionMemory}
 * @param op         aggregate, residents, visitors, dwell or od
 * @param level      the spatial unit of the rows
 * @param layerSha   SHA-256 of the area layer ({@code ""} for meshes)
 * @param userLayer  whether the layer was imported by the user (not the bundled wards)
 * @param band       the time band (null for OD)
 * @param population whether the dataset holds mesh population rather than pings
 */
public record LinkedGrouping(String grouping, String op, AreaLevel level, String layerSha, boolean userLayer,
                             TimeBand band, boolean population) {

    /** The family: tables of one family are linked. */
    public String family() {
        return switch (op) {
            case "aggregate", "residents", "visitors" -> population ? "population" : "pings";
            case "dwell" -> "dwell@" + layerSha;
            default -> "od@" + layerSha;
        };
    }

    /** Whether tables of this family are checked as a linked set (OD has a single grouping per layer). */
    public boolean linkable() {
        return !"od".equals(op);
    }

    /** The key of the linked-set entry: the grouping and its layer geometry. */
    public String key() {
        return layerSha.isEmpty() ? grouping : grouping + "#" + layerSha;
    }

    /** The spatial partition, e.g. {@code ward@<sha>} or {@code mesh4}. */
    public String area() {
        return level.needsLayer() ? level.id() + "@" + layerSha : level.id();
    }

    /** The population subset: {@code all}, or residents/visitors of the layer. */
    public String subset() {
        return "aggregate".equals(op) || "dwell".equals(op) ? "all" : op + "@" + layerSha;
    }

    /** The stored descriptor. */
    public Map<String, String> descriptor() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("grouping", grouping);
        m.put("op", op);
        m.put("level", level.id());
        m.put("layer", layerSha);
        m.put("user_layer", Boolean.toString(userLayer));
        m.put("time", band == null ? "" : band.id());
        m.put("population", Boolean.toString(population));
        return m;
    }

    /** Reads a stored descriptor. */
    public static LinkedGrouping of(Map<String, String> d) {
        try {
            String time = d.getOrDefault("time", "");
            return new LinkedGrouping(d.get("grouping"), d.get("op"), AreaLevel.parse(d.get("level")),
                    d.getOrDefault("layer", ""), Boolean.parseBoolean(d.get("user_layer")),
                    time.isEmpty() ? null : TimeBand.parse(time), Boolean.parseBoolean(d.get("population")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WorkbenchException("The record of released tables is damaged (" + d + ").", e);
        }
    }
}
