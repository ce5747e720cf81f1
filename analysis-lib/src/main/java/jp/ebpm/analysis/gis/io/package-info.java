/**
 * Reading vector files: GeoJSON (RFC 7946), ESRI Shapefile (own reader written to the ESRI Shapefile
 * Technical Description, 1998) with dBASE attributes, and point tables with latitude/longitude columns.
 *
 * @since 0.1
 */
package jp.ebpm.analysis.gis.io;
