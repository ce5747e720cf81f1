package jp.ebpm.analysis.gis.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads GeoJSON (RFC 7946): a FeatureCollection, a single Feature or a bare geometry. All geometry types are
 * read (Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection); a
 * {@code null} geometry is kept as {@code null}. Properties become attributes (numbers as Long or Double,
 * nested objects/arrays as their JSON text). The legacy {@code crs} member (e.g. {@code urn:ogc:def:crs:EPSG::6668})
 * is honoured; without it coordinates are lon/lat WGS 84 (EPSG:4326) as the RFC says.
 *
 * @since 0.1
 */
public final class GeoJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GeoJsonReader() {
    }

    /**
     * Reads a GeoJSON document.
     *
     * @param in       the bytes (UTF-8)
     * @param fileName the file's name, for messages
     * @throws WorkbenchException when the text is not valid GeoJSON, naming the feature
     */
    public static VectorData read(InputStream in, String fileName, GeometryFactory factory) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new WorkbenchException("The file is not valid JSON: " + e.getMessage(), fileName, null, null, e);
        }
        if (root == null || !root.isObject()) {
            throw new WorkbenchException("The file is not a GeoJSON object.", fileName, null, null, null);
        }
        int epsg = Crs.WGS84;
        JsonNode crs = root.path("crs").path("properties").path("name");
        if (crs.isTextual()) {
            try {
                epsg = Crs.parseCode(crs.asText());
            } catch (IllegalArgumentException e) {
                throw new WorkbenchException(e.getMessage(), fileName, null, "crs", e);
            }
        }
        List<JsonNode> features = new ArrayList<>();
        String type = root.path("type").asText("");
        switch (type) {
            case "FeatureCollection" -> root.path("features").forEach(features::add);
            case "Feature" -> features.add(root);
            default -> {
                ObjectNodeHolder h = new ObjectNodeHolder(root);
                features.add(h.asFeature());
            }
        }
        LinkedHashSet<String> fields = new LinkedHashSet<>();
        List<GeoFeature> out = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            Map<String, Object> attrs = new LinkedHashMap<>();
            JsonNode props = f.path("properties");
            if (props.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    fields.add(e.getKey());
                    attrs.put(e.getKey(), value(e.getValue()));
                }
            }
            Geometry g;
            try {
                g = geometry(f.get("geometry"), factory);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new WorkbenchException("Feature " + (i + 1) + " has an invalid geometry: " + e.getMessage(),
                        fileName, null, null, e);
            }
            out.add(new GeoFeature(g, attrs));
        }
        return new VectorData(List.copyOf(fields), out, epsg, "UTF-8", List.of());
    }

    private record ObjectNodeHolder(JsonNode geometry) {
        JsonNode asFeature() {
            com.fasterxml.jackson.databind.node.ObjectNode n = MAPPER.createObjectNode();
            n.put("type", "Feature");
            n.set("geometry", geometry);
            return n;
        }
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        return v.toString();
    }

    static Geometry geometry(JsonNode g, GeometryFactory f) {
        if (g == null || g.isNull()) {
            return null;
        }
        String type = g.path("type").asText("");
        JsonNode c = g.get("coordinates");
        return switch (type) {
            case "Point" -> c == null || c.size() == 0 ? f.createPoint() : f.createPoint(coord(c));
            case "MultiPoint" -> {
                Point[] pts = new Point[c.size()];
                for (int i = 0; i < pts.length; i++) {
                    pts[i] = f.createPoint(coord(c.get(i)));
                }
                yield f.createMultiPoint(pts);
            }
            case "LineString" -> f.createLineString(coords(c));
            case "MultiLineString" -> {
                LineString[] ls = new LineString[c.size()];
                for (int i = 0; i < ls.length; i++) {
                    ls[i] = f.createLineString(coords(c.get(i)));
                }
                yield f.createMultiLineString(ls);
            }
            case "Polygon" -> polygon(c, f);
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = polygon(c.get(i), f);
                }
                yield f.createMultiPolygon(ps);
            }
            case "GeometryCollection" -> {
                JsonNode gs = g.path("geometries");
                Geometry[] parts = new Geometry[gs.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = geometry(gs.get(i), f);
                }
                yield f.createGeometryCollection(parts);
            }
            default -> throw new IllegalArgumentException("unknown geometry type \"" + type + "\"");
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory f) {
        if (rings == null || rings.size() == 0) {
            return f.createPolygon();
        }
        LinearRing shell = ring(rings.get(0), f);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), f);
        }
        return f.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode c, GeometryFactory f) {
        Coordinate[] cs = coords(c);
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            Coordinate[] closed = java.util.Arrays.copyOf(cs, cs.length + 1);
            closed[cs.length] = cs[0].copy();
            cs = closed;
        }
        if (cs.length > 0 && cs.length < 4) {
            // too few points for a ring: pad by repeating, GeometryFixer will collapse it and report it
            Coordinate[] padded = new Coordinate[4];
            for (int i = 0; i < 4; i++) {
                padded[i] = cs[Math.min(i, cs.length - 1)].copy();
            }
            padded[3] = cs[0].copy();
            cs = padded;
        }
        return f.createLinearRing(cs);
    }

    private static Coordinate[] coords(JsonNode c) {
        Coordinate[] out = new Coordinate[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = coord(c.get(i));
        }
        return out;
    }

    private static Coordinate coord(JsonNode p) {
        if (p == null || p.size() < 2) {
            throw new IllegalArgumentException("a position needs two numbers");
        }
        return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }
}
