package jp.ebpm.analysis.privacy.location;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sql;

/**
 * Areas (e.g. wards) with polygons in lon/lat, read from a project boundary layer (a table with attribute
 * columns and a {@code geom} WKB column, catalog kind BOUNDARY) or from the bundled Kawasaki ward
 * GeoJSON. Areas are ordered by key, which makes point assignment deterministic.
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

    /** The bundled sample wards of Kawasaki (key = 5-digit ward code {@code N03_007}). */
    public static AreaLayer bundledWards() {
        try (InputStream in = AreaLayer.class.getResourceAsStream("kawasaki-wards.geojson")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Area> out = new ArrayList<>();
            for (JsonNode f : root.get("features")) {
                out.add(new Area(f.get("properties").get("N03_007").asText(),
                        f.get("properties").get("N03_004").asText(), geometry(f.get("geometry"))));
            }
            return new AreaLayer("bundled:kawasaki-wards", out, true);
        } catch (IOException e) {
            throw new WorkbenchException("The bundled ward layer cannot be read: " + e.getMessage(), e);
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

    /** Reads a project boundary layer; {@code keyField} becomes the area key. */
    public static AreaLayer fromProject(Project project, String layer, String keyField) {
        DatasetInfo info = project.catalog().get(layer);
        if (!info.columnNames().contains(keyField)) {
            throw new WorkbenchException("The layer \"" + layer + "\" has no field \"" + keyField + "\". Fields: "
                    + String.join(", ", info.columnNames().stream().filter(n -> !n.equals("geom")).toList()));
        }
        if (!info.columnNames().contains("geom")) {
            throw new WorkbenchException("\"" + layer + "\" is not a boundary layer (it has no geom column).");
        }
        String label = info.columnNames().contains("N03_004") ? "N03_004" : keyField;
        List<Area> out = new ArrayList<>();
        WKBReader reader = new WKBReader(GF);
        try (Connection c = project.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CAST(" + Sql.ident(keyField) + " AS VARCHAR), CAST("
                     + Sql.ident(label) + " AS VARCHAR), geom FROM " + Sql.ident(layer) + " WHERE geom IS NOT NULL")) {
            while (rs.next()) {
                out.add(new Area(rs.getString(1), rs.getString(2), reader.read(rs.getBytes(3))));
            }
        } catch (SQLException | ParseException e) {
            throw new WorkbenchException("Cannot read the layer \"" + layer + "\": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new WorkbenchException("The layer \"" + layer + "\" has no geometries.");
        }
        return new AreaLayer("layer:" + layer + ":" + keyField, out, false);
    }

    static Geometry geometry(JsonNode g) {
        String type = g.get("type").asText();
        JsonNode coords = g.get("coordinates");
        if ("Polygon".equals(type)) {
            return polygon(coords);
        }
        if ("MultiPolygon".equals(type)) {
            Polygon[] ps = new Polygon[coords.size()];
            for (int i = 0; i < ps.length; i++) {
                ps[i] = polygon(coords.get(i));
            }
            return GF.createMultiPolygon(ps);
        }
        throw new WorkbenchException("Unsupported geometry type " + type + " in the ward layer.");
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GF.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode pts) {
        Coordinate[] cs = new Coordinate[pts.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(pts.get(i).get(0).asDouble(), pts.get(i).get(1).asDouble());
        }
        return GF.createLinearRing(cs);
    }
}
