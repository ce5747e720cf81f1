package jp.ebpm.analysis.gis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a layer: a geometry (may be {@code null} or empty) and its attributes in field order.
 *
 * @param geometry   the geometry, or {@code null} when the source had none
 * @param attributes attribute values by field name (String, Long, Double, Boolean, LocalDate or null)
 * @since 0.1
 */
public record GeoFeature(Geometry geometry, Map<String, Object> attributes) {

    public GeoFeature {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** An attribute value, or {@code null}. */
    public Object get(String field) {
        return attributes.get(field);
    }
}
