/**
 * Geographic analysis: layers in DuckDB (WKB with bounding boxes), coordinate systems (proj4j),
 * the JIS X 0410 standard grid mesh, overlays (points in polygons, buffers, areal interpolation) and
 * choropleth maps drawn with Java2D. See {@code docs/gis.md}.
 *
 * @since 0.1
 */
package jp.ebpm.analysis.gis;
