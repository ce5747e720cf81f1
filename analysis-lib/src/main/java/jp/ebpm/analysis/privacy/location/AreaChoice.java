package jp.ebpm.analysis.privacy.location;

import java.util.Optional;

import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;

/**
 * Which area layer a guarded location table uses — one rule for the command line and the Location tab: a layer
 * named by the user (with its key field, or the layer's ward-code field); else for wards the project's ward
 * boundary layer ({@link AreaLayer#findWardLayer}); else the bundled sample wards of Kawasaki, with a note. Meshes
 * need no layer. Small areas need a named layer.
 *
 * @param layer the areas, or null for meshes
 * @param source what the areas are, for notes and map attribution: the layer name and its licence, or the bundled
 *     layer's source
 * @param bundledFallback true when the project has no ward layer and the bundled wards were used
 * @since 0.3
 */
public record AreaChoice(AreaLayer layer, String source, boolean bundledFallback) {

    /** Source line of the bundled ward layer. */
    public static final String BUNDLED_SOURCE = "国土数値情報（行政区域）N03 2021, 国土交通省 (bundled sample wards of Kawasaki)";

    /** The note printed or shown when the bundled wards are used. */
    public static final String BUNDLED_NOTE = "the project has no ward boundary layer; using the bundled sample wards of Kawasaki"
            + " (国土数値情報 N03, 2021).";

    /**
     * Resolves the areas of a request.
     *
     * @param layerName the layer the user named, or null
     * @param keyField the key field the user named, or null
     * @throws IllegalArgumentException for small areas without a layer
     */
    public static AreaChoice resolve(Project project, AreaLevel level, String layerName, String keyField) {
        if (!level.needsLayer()) {
            return new AreaChoice(null, "JIS X 0410 " + level.id(), false);
        }
        if (layerName != null) {
            DatasetInfo info = project.catalog().get(layerName);
            return new AreaChoice(AreaLayer.fromProject(project, layerName, keyField != null ? keyField : AreaLayer.defaultKeyField(info)),
                    source(info), false);
        }
        if (level == AreaLevel.SMALL_AREA) {
            throw new IllegalArgumentException("--by small-area needs --areas LAYER --area-key FIELD.");
        }
        Optional<DatasetInfo> wards = AreaLayer.findWardLayer(project);
        if (wards.isPresent()) {
            DatasetInfo w = wards.get();
            return new AreaChoice(AreaLayer.fromProject(project, w.name(), keyField != null ? keyField : AreaLayer.defaultKeyField(w)),
                    source(w), false);
        }
        return new AreaChoice(AreaLayer.bundledWards(), BUNDLED_SOURCE, true);
    }

    private static String source(DatasetInfo info) {
        return info.name() + (info.license() == null || info.license().isBlank() ? "" : " (" + info.license() + ")");
    }
}
