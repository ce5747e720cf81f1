package jp.ebpm.analysis.gis;

import java.util.List;

/**
 * Features read from a file or a project layer.
 *
 * @param fields   attribute field names in order
 * @param features the features, in source order
 * @param epsg     EPSG code of the coordinates
 * @param encoding text encoding of the attributes as read (e.g. {@code UTF-8}, {@code CP932}), or {@code null}
 * @param warnings things the user should know (repairs, empty geometries, guessed encodings), in plain words
 * @since 0.1
 */
public record VectorData(List<String> fields, List<GeoFeature> features, int epsg, String encoding, List<String> warnings) {

    public VectorData {
        fields = List.copyOf(fields);
        features = List.copyOf(features);
        warnings = List.copyOf(warnings);
    }
}
