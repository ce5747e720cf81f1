package jp.ebpm.analysis.gis;

import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Sensitivity;

/**
 * Options of {@link LayerImporter}. Every field may be {@code null} (or 0) to use the default.
 *
 * @param name        dataset name; default: the file name without extension
 * @param epsg        coordinate system of files that carry none (GeoJSON without a crs member, CSV, shapefile without
 *                    .prj); 0 = the format's default (GeoJSON: EPSG:4326 as RFC 7946 says; others: JGD2011, 6668)
 * @param latColumn   latitude column of a point table; null = detect (緯度, lat, latitude, y)
 * @param lonColumn   longitude column of a point table; null = detect (経度, lon, lng, longitude, x)
 * @param kind        BOUNDARY or POINTS; null = POINTS when every geometry is a point, else BOUNDARY
 * @param license     license / attribution text
 * @param sensitivity default INTERNAL
 * @param description free text
 * @since 0.1
 */
public record LayerImportOptions(String name, int epsg, String latColumn, String lonColumn, DatasetKind kind,
                                 String license, Sensitivity sensitivity, String description) {

    /** All defaults. */
    public static LayerImportOptions defaults() {
        return new LayerImportOptions(null, 0, null, null, null, null, null, null);
    }

    /** A copy with another name. */
    public LayerImportOptions withName(String v) {
        return new LayerImportOptions(v, epsg, latColumn, lonColumn, kind, license, sensitivity, description);
    }

    /** A copy with point columns. */
    public LayerImportOptions withColumns(String lat, String lon) {
        return new LayerImportOptions(name, epsg, lat, lon, kind, license, sensitivity, description);
    }

    /** A copy with catalog text. */
    public LayerImportOptions withCatalog(String lic, Sensitivity sens, String desc) {
        return new LayerImportOptions(name, epsg, latColumn, lonColumn, kind, lic, sens, desc);
    }
}
