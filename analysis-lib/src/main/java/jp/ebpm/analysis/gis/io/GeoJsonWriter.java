package jp.ebpm.analysis.gis.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes features as a GeoJSON FeatureCollection (UTF-8, coordinates as given: use lon/lat). Polygon rings are written
 * as stored (JTS normalises nothing); numbers keep full double precision.
 *
 * @since 0.1
 */
public final class GeoJsonWriter {

    private GeoJsonWriter() {
    }

    /** Writes the features with their attributes as properties. */
    public static void write(VectorData data, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (GeoFeature f : data.features()) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                for (String k : data.fields()) {
                    Object v = f.get(k);
                    g.writeFieldName(k);
                    if (v == null) {
                        g.writeNull();
                    } else if (v instanceof Long l) {
                        g.writeNumber(l);
                    } else if (v instanceof Number n) {
                        g.writeNumber(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        g.writeBoolean(b);
                    } else {
                        g.writeString(v.toString());
                    }
                }
                g.writeEndObject();
                g.writeFieldName("geometry");
                geometry(g, f.geometry());
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void geometry(JsonGenerator g, Geometry geom) throws IOException {
        if (geom == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("type", geom.getGeometryType());
        if (geom.getGeometryType().equals("GeometryCollection")) {
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                geometry(g, geom.getGeometryN(i));
            }
            g.writeEndArray();
        } else {
            g.writeFieldName("coordinates");
            coords(g, geom);
        }
        g.writeEndObject();
    }

    private static void coords(JsonGenerator g, Geometry geom) throws IOException {
        if (geom instanceof Point p) {
            if (p.isEmpty()) {
                g.writeStartArray();
                g.writeEndArray();
            } else {
                pos(g, p.getCoordinate());
            }
        } else if (geom instanceof LineString l) {
            g.writeStartArray();
            for (Coordinate c : l.getCoordinates()) {
                pos(g, c);
            }
            g.writeEndArray();
        } else if (geom instanceof Polygon p) {
            g.writeStartArray();
            if (!p.isEmpty()) {
                coords(g, p.getExteriorRing());
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    coords(g, p.getInteriorRingN(i));
                }
            }
            g.writeEndArray();
        } else {
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                coords(g, geom.getGeometryN(i));
            }
            g.writeEndArray();
        }
    }

    private static void pos(JsonGenerator g, Coordinate c) throws IOException {
        g.writeStartArray();
        g.writeNumber(c.x);
        g.writeNumber(c.y);
        g.writeEndArray();
    }
}
