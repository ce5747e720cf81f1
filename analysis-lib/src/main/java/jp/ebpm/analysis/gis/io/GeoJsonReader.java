package jp.ebpm.analysis.gis.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
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
import jp.ebpm.analysis.gis.crs.CrsRange;
import jp.ebpm.analysis.io.ColumnNames;
import jp.ebpm.analysis.io.ReadResult;
import jp.ebpm.analysis.io.TextFile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads GeoJSON (RFC 7946): a FeatureCollection, a single Feature or a bare geometry. The only GeoJSON geometry
 * parser of the library. All geometry types are read (Point, MultiPoint, LineString, MultiLineString, Polygon,
 * MultiPolygon, GeometryCollection); a {@code null} geometry is kept as {@code null}. Properties become
 * attributes (numbers as Long or Double, nested objects/arrays as their JSON text).
 *
 * <p>Coordinate system: the legacy {@code crs} member (e.g. {@code urn:ogc:def:crs:EPSG::6668}) is honoured;
 * without it the system given by the caller is used, else lon/lat WGS 84 (EPSG:4326) as the RFC says. The
 * coordinates are checked against the system ({@link CrsRange}): metres read as degrees and latitudes such as
 * 200 are refused, naming the feature and the system to pass.
 *
 * <p>Hostile files: the text goes through the input layer ({@link TextFile}: UTF-8, UTF-16 with a byte-order
 * mark decoded); a collection without features is refused; a property named twice in one feature, an empty
 * property name or two names differing only in case are refused as the CSV importer refuses such headers;
 * polygon rings that are not closed are closed, with a warning counting them.
 *
 * @since 0.1
 */
public final class GeoJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private GeoJsonReader() {
    }

    /**
     * Reads a GeoJSON file.
     *
     * @param defaultEpsg the system when the file has no {@code crs} member, 0 for EPSG:4326
     * @throws WorkbenchException when the text is not valid GeoJSON or its coordinates do not fit, naming the feature
     */
    public static VectorData read(Path file, int defaultEpsg, GeometryFactory factory) {
        return parse(TextFile.read(file, null), defaultEpsg, factory);
    }

    /**
     * Reads a GeoJSON document from a stream (a resource).
     *
     * @param fileName the file's name, for messages
     * @throws WorkbenchException when the text is not valid GeoJSON, naming the feature
     */
    public static VectorData read(InputStream in, String fileName, GeometryFactory factory) throws IOException {
        return parse(TextFile.decode(in.readAllBytes(), null, fileName), 0, factory);
    }

    private static VectorData parse(ReadResult<String> text, int defaultEpsg, GeometryFactory factory) {
        String fileName = text.source().fileName();
        JsonNode root;
        try {
            root = MAPPER.readTree(text.value());
        } catch (JsonProcessingException e) {
            Long line = e.getLocation() == null ? null : (long) e.getLocation().getLineNr();
            String m = String.valueOf(e.getOriginalMessage());
            if (m.startsWith("Duplicate field")) {
                throw new WorkbenchException("A feature has the same property twice (" + m.replace("Duplicate field ", "")
                        + "). Names must be unique.", fileName, line, null, e);
            }
            throw new WorkbenchException("The file is not valid JSON (" + m + ").", fileName, line, null, e);
        }
        if (root == null || !root.isObject()) {
            throw new WorkbenchException("The file is not a GeoJSON object.", fileName, null, null, null);
        }
        int epsg = defaultEpsg == 0 ? Crs.WGS84 : defaultEpsg;
        boolean crsFromFile = false;
        JsonNode crs = root.path("crs").path("properties").path("name");
        if (crs.isTextual()) {
            try {
                epsg = Crs.parseCode(crs.asText());
                crsFromFile = true;
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
        if (features.isEmpty()) {
            throw new WorkbenchException("The layer holds no features; there is nothing to import.", fileName, null, null, null);
        }
        LinkedHashSet<String> fields = new LinkedHashSet<>();
        List<GeoFeature> out = new ArrayList<>(features.size());
        int[] unclosed = new int[1];
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
                g = geometry(f.get("geometry"), factory, unclosed);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new WorkbenchException("Feature " + (i + 1) + " has an invalid geometry (" + e.getMessage() + ").",
                        fileName, null, null, e);
            }
            out.add(new GeoFeature(g, attrs));
        }
        ColumnNames.checkAttributes(List.copyOf(fields), fileName);
        List<String> warnings = new ArrayList<>(text.warnings());
        if (unclosed[0] > 0) {
            warnings.add(unclosed[0] + " polygon ring(s) were not closed (their last point differs from the first); they were"
                    + " closed by repeating the first point.");
        }
        warnings.addAll(CrsRange.check(out.stream().map(GeoFeature::geometry).toList(), epsg, crsFromFile, fileName));
        return new VectorData(List.copyOf(fields), out, epsg, text.source().encoding(), warnings);
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

    /** Parses a GeoJSON geometry object; unclosed rings are closed and counted in {@code unclosed[0]}. */
    static Geometry geometry(JsonNode g, GeometryFactory f, int[] unclosed) {
        if (g == null || g.isNull()) {
            return null;
        }
        String type = g.path("type").asText("");
        JsonNode c = g.get("coordinates");
        if (c == null && !type.equals("GeometryCollection")) {
            throw new IllegalArgumentException("a " + type + " without coordinates");
        }
        return switch (type) {
            case "Point" -> c.size() == 0 ? f.createPoint() : f.createPoint(coord(c));
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
            case "Polygon" -> polygon(c, f, unclosed);
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = polygon(c.get(i), f, unclosed);
                }
                yield f.createMultiPolygon(ps);
            }
            case "GeometryCollection" -> {
                JsonNode gs = g.path("geometries");
                Geometry[] parts = new Geometry[gs.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = geometry(gs.get(i), f, unclosed);
                }
                yield f.createGeometryCollection(parts);
            }
            default -> throw new IllegalArgumentException("unknown geometry type \"" + type + "\"");
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory f, int[] unclosed) {
        if (rings == null || rings.size() == 0) {
            return f.createPolygon();
        }
        LinearRing shell = ring(rings.get(0), f, unclosed);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), f, unclosed);
        }
        return f.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode c, GeometryFactory f, int[] unclosed) {
        Coordinate[] cs = coords(c);
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            Coordinate[] closed = java.util.Arrays.copyOf(cs, cs.length + 1);
            closed[cs.length] = cs[0].copy();
            cs = closed;
            unclosed[0]++;
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
        if (p == null || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("a position needs two numbers");
        }
        return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }
}
