package jp.ebpm.analysis.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog entry: what the project knows about one dataset.
 *
 * @param name         unique name in the project; also the name of the table SQL can query
 * @param kind         what the dataset is
 * @param sourceFile   the file name it came from (no directories), or {@code null} for derived data
 * @param sourceSha256 SHA-256 (hex) of the source file's bytes, or {@code null}
 * @param importedAt   when it was imported or created
 * @param rowCount     number of rows
 * @param columns      columns in table order
 * @param encoding     detected or chosen text encoding of the source, or {@code null}
 * @param license      license / attribution text, or empty
 * @param sensitivity  open, internal or private
 * @param description  free text
 * @param properties   further metadata (e.g. {@code crs}, overlay inputs and parameters), never null
 */
public record DatasetInfo(String name, DatasetKind kind, String sourceFile, String sourceSha256,
                          Instant importedAt, long rowCount, List<ColumnInfo> columns, String encoding,
                          String license, Sensitivity sensitivity, String description,
                          Map<String, String> properties) {

    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(importedAt, "importedAt");
        Objects.requireNonNull(sensitivity, "sensitivity");
        columns = List.copyOf(columns);
        properties = Map.copyOf(properties == null ? Map.of() : properties);
        license = license == null ? "" : license;
        description = description == null ? "" : description;
    }

    /** The names of the columns in table order. */
    public List<String> columnNames() {
        return columns.stream().map(ColumnInfo::name).toList();
    }

    /** A property, or {@code null}. */
    public String property(String key) {
        return properties.get(key);
    }

    /** A copy with other properties. */
    public DatasetInfo withProperties(Map<String, String> newProperties) {
        return new DatasetInfo(name, kind, sourceFile, sourceSha256, importedAt, rowCount, columns, encoding,
                license, sensitivity, description, newProperties);
    }

    /** A copy with another description, license and sensitivity. */
    public DatasetInfo withDescription(String newDescription, String newLicense, Sensitivity newSensitivity) {
        return new DatasetInfo(name, kind, sourceFile, sourceSha256, importedAt, rowCount, columns, encoding,
                newLicense, newSensitivity, newDescription, properties);
    }
}
