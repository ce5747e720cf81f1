package jp.ebpm.analysis.gis.map;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jp.ebpm.analysis.gis.Layers;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.overlay.PlaneZone;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;

/**
 * Maps of several project layers, built the same way for {@code workbench map render} and the Map tab: a
 * choropleth of one layer with further layers drawn on top (points as dots, polygons as outlines, each with a legend
 * entry), a sensible default value field and label field, and the attribution of every source layer — for a derived
 * layer (an overlay result) also of the layers it was made from.
 *
 * @since 0.3
 */
public final class MapComposer {

    /** Colours of overlay layers in order (Okabe–Ito: vermillion, bluish green, reddish purple, sky blue). */
    private static final Color[] OVERLAY_COLORS = {new Color(0x0072B2), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x000000)};

    /** Fill of an area layer that has no value to map (a plain map of the areas with their names). */
    private static final Color PLAIN_FILL = new Color(0xE8EEF4);

    /** Field names that are keys or ids, never a default value: fid, id, *_id, *code*, *_cd, key, N03_007, objectid … */
    private static final Pattern KEY_LIKE = Pattern.compile(
            "(?i)(fid|gid|oid|objectid|id|key|no|番号|.*コード|.*_id|.*_cd|.*code.*|.*key.*|n03_00[1-7]|共通id)");

    /** Field names that hold names (labels): N03_004, name, *_name, 名称, *名 … in this order of preference. */
    private static final List<Pattern> NAME_LIKE = List.of(Pattern.compile("(?i)N03_004"), Pattern.compile("(?i)name(_ja)?"),
            Pattern.compile("(?i).*_name(_ja)?"), Pattern.compile("名称"), Pattern.compile(".*名"));

    private MapComposer() {
    }

    /** Numeric fields of a layer: at least one value, and every non-null value a number. */
    public static List<String> numericFields(VectorData v) {
        List<String> out = new ArrayList<>();
        for (String f : v.fields()) {
            boolean any = v.features().stream().anyMatch(x -> x.get(f) != null);
            boolean numbers = v.features().stream().map(x -> x.get(f)).filter(o -> o != null).allMatch(o -> o instanceof Number);
            if (any && numbers) {
                out.add(f);
            }
        }
        return out;
    }

    /** Whether a field name looks like a key or id (never mapped by default). */
    public static boolean keyLike(String field) {
        return KEY_LIKE.matcher(field).matches();
    }

    /**
     * The field a map shows when the user chose none: the first numeric field that is not a key or id (fid, N03_007,
     * mesh_code …); null when there is none (then the areas are drawn plainly with their names, never coloured by a key).
     */
    public static String defaultValueField(VectorData v) {
        return numericFields(v).stream().filter(f -> !keyLike(f)).findFirst().orElse(null);
    }

    /**
     * The field polygons are labelled with by default: a name field (N03_004 ward names first) that names the features
     * rather than groups of them (at least half as many distinct names as features, so 500 m mesh cells are not each
     * labelled with their ward's name), or null.
     */
    public static String defaultLabelField(VectorData v) {
        int n = v.features().size();
        for (Pattern p : NAME_LIKE) {
            for (String f : v.fields()) {
                if (p.matcher(f).matches() && v.features().stream().anyMatch(x -> x.get(f) instanceof String)) {
                    long distinct = v.features().stream().map(x -> x.get(f)).filter(o -> o != null).distinct().count();
                    if (distinct * 2 >= n) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The attribution of the layers of a map: for each layer its licence text (or its name when it has none), and for
     * a derived layer (its {@code inputs} property names the layers it was made from) the attribution of those too;
     * distinct texts joined by "; ".
     */
    public static String attribution(Project project, List<String> layers) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String l : layers) {
            collect(project, l, out, seen, 0);
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    private static void collect(Project project, String layer, Set<String> out, Set<String> seen, int depth) {
        if (!seen.add(layer) || depth > 5) {
            return;
        }
        DatasetInfo info = project.catalog().find(layer).orElse(null);
        if (info == null) {
            return;
        }
        String inputs = info.property("inputs");
        if (inputs != null && !inputs.isBlank()) {
            for (String in : inputs.split("\\s*,\\s*")) { // dataset names listed by the overlay that made the layer
                collect(project, in.strip(), out, seen, depth + 1);
            }
        }
        String license = info.license();
        if (license != null && !license.isBlank()) {
            out.add(license.strip());
        } else if (inputs == null || inputs.isBlank()) {
            out.add(info.name());
        }
    }

    /**
     * A choropleth of {@code base} with {@code overlays} drawn on top in order (points as dots, polygons as
     * outlines), each with a legend entry; the value field defaults to {@link #defaultValueField}, the label field to
     * {@link #defaultLabelField} (give {@code labelField = ""} for none); the attribution names every source.
     *
     * @param o the choropleth options; {@code valueField} may be null, {@code labelField} null (default) or "" (none)
     * @param opacity opacity of the choropleth layer, 0..1
     */
    public static MapSpec compose(Project project, String base, ChoroplethOptions o, List<String> overlays, double opacity) {
        VectorData data = Layers.read(project, base);
        String value = o.valueField() != null ? o.valueField() : defaultValueField(data);
        String label = o.labelField() == null ? defaultLabelField(data) : o.labelField().isBlank() ? null : o.labelField();
        int plane = PlaneZone.choose(o.zone(), data);
        List<MapLayer> all = new ArrayList<>();
        String title;
        if (value == null) {
            // nothing to colour by: the areas plainly, with their names
            List<String> labels = null;
            if (label != null) {
                labels = new ArrayList<>();
                for (var f : data.features()) {
                    Object l = f.get(label);
                    labels.add(l == null ? null : l.toString());
                }
            }
            all.add(new MapLayer(base, PlaneZone.geometries(data, plane), null, null, null, null, labels, PLAIN_FILL, opacity, false));
            title = o.title() != null ? o.title() : base;
        } else {
            ChoroplethOptions filled = new ChoroplethOptions(value, o.classes(), o.method(), o.manualBreaks(), o.ramp(), o.perField(),
                    o.perKm2(), o.multiplier(), label, o.title(), o.attribution(), o.zone());
            MapSpec spec = LayerMaps.choropleth(data, base, null, filled);
            MapLayer b = spec.layers().get(0);
            all.add(new MapLayer(b.name(), b.geometries(), b.values(), b.valueName(), b.classification(), b.ramp(), b.labels(),
                    b.fill(), opacity, false));
            title = spec.title();
        }
        List<String> names = new ArrayList<>();
        names.add(base);
        int i = 0;
        for (String extra : overlays == null ? List.<String>of() : overlays) {
            VectorData v = Layers.read(project, extra);
            boolean points = v.features().stream().anyMatch(f -> f.geometry() instanceof org.locationtech.jts.geom.Puntal);
            all.add(LayerMaps.plainLayer(v, extra, plane, points ? OVERLAY_COLORS[i++ % OVERLAY_COLORS.length] : null, 0.9));
            names.add(extra);
        }
        String attribution = o.attribution() != null ? o.attribution() : attribution(project, names);
        return new MapSpec(title, attribution, all, null, true, true, true);
    }
}
