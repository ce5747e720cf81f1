package jp.ebpm.analysis.privacy.location;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.Layers;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.gis.crs.Reprojector;
import jp.ebpm.analysis.gis.io.GeoJsonReader;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;

/**
 * Areas (e.g. wards) with polygons in lon/lat, read from a project boundary layer (a table with attribute
 * columns and a {@code geom} WKB column, catalog kind BOUNDARY, reprojected from its recorded coordinate
 * system) or from the bundled Kawasaki ward GeoJSON. Areas are ordered by key, which makes point assignment deterministic.
 *
 * @param id      identifies the layer and key field (used to cache assignments)
 * @param areas   the areas, ordered by key
 * @param bundled whether this is the bundled sample ward layer
 */
public record AreaLayer(String id, List<Area> areas, boolean bundled) {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final List<String> WARD_KEYS = List.of("N03_007", "ward_code", "code", "key_code", "area_code");

    /** One area: its key (written to outputs), a label and its geometry. */
    public record Area(String key, String label, Geometry geometry) {
    }

    public AreaLayer {
        areas = areas.stream().sorted(Comparator.comparing(Area::key)).toList();
    }

    /** The bundled sample wards of Kawasaki (key = 5-digit ward code {@code N03_007}), in lon/lat. */
    public static AreaLayer bundledWards() {
        try (InputStream in = AreaLayer.class.getResourceAsStream("kawasaki-wards.geojson")) {
            VectorData v = GeoJsonReader.read(in, "kawasaki-wards.geojson", GF);
            List<Area> out = new ArrayList<>();
            for (GeoFeature f : v.features()) {
                out.add(new Area(String.valueOf(f.get("N03_007")), String.valueOf(f.get("N03_004")), f.geometry()));
            }
            return new AreaLayer("bundled:kawasaki-wards", out, true);
        } catch (IOException | NullPointerException e) {
            throw new WorkbenchException("The bundled ward layer cannot be read.", e);
        }
    }

    /**
     * The project's ward layer: the first BOUNDARY dataset whose name mentions wards (ward, 区) or that has
     * an {@code N03_007} column.
     */
    public static Optional<DatasetInfo> findWardLayer(Project project) {
        return project.catalog().list().stream()
                .filter(d -> d.kind() == DatasetKind.BOUNDARY)
                .filter(d -> d.name().toLowerCase(Locale.ROOT).contains("ward") || d.name().contains("区")
                        || d.columnNames().contains("N03_007") || "wards".equals(d.property("role")))
                .findFirst();
    }

    /** The key field of a ward layer: the first of N03_007, ward_code, code, key_code, area_code present. */
    public static String defaultKeyField(DatasetInfo layer) {
        for (String k : WARD_KEYS) {
            for (ColumnInfo c : layer.columns()) {
                if (c.name().equalsIgnoreCase(k)) {
                    return c.name();
                }
            }
        }
        throw new WorkbenchException("The layer \"" + layer.name() + "\" has no ward code column; name it with --area-key.");
    }

    /**
     * Reads a project boundary layer with the one layer reader ({@link Layers#read}) and brings its polygons into
     * longitude/latitude (EPSG:4326, the system of the pings) from the coordinate system recorded in the catalog,
     * so a layer imported in a plane rectangular system (e.g. EPSG:6677) matches the same pings as one in
     * degrees. {@code keyField} becomes the area key.
     */
    public static AreaLayer fromProject(Project project, String layer, String keyField) {
        DatasetInfo info = project.catalog().get(layer);
        if (!info.columnNames().contains(keyField)) {
            throw new WorkbenchException("The layer \"" + layer + "\" has no field \"" + keyField + "\". Fields: "
                    + String.join(", ", info.columnNames().stream().filter(n -> !n.equals("geom")).toList()));
        }
        if (!info.columnNames().contains("geom") || !Layers.isLayer(info)) {
            throw new WorkbenchException("\"" + layer + "\" is not a boundary layer (it has no geom column or no coordinate system).");
        }
        String label = info.columnNames().contains("N03_004") ? "N03_004" : keyField;
        VectorData v = Layers.read(project, layer);
        Reprojector toLonLat = new Reprojector(v.epsg(), Crs.WGS84);
        List<Area> out = new ArrayList<>();
        for (GeoFeature f : v.features()) {
            if (f.geometry() == null || f.geometry().isEmpty()) {
                continue;
            }
            out.add(new Area(text(f.get(keyField)), text(f.get(label)), toLonLat.transform(f.geometry())));
        }
        if (out.isEmpty()) {
            throw new WorkbenchException("The layer \"" + layer + "\" has no geometries.");
        }
        return new AreaLayer("layer:" + layer + ":" + keyField + ":" + Crs.label(v.epsg()), out, false);
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
