/**
 * Coordinate reference systems on proj4j: geographic JGD2011/JGD2000/WGS84/Tokyo, the Japan Plane
 * Rectangular CS zones, .prj WKT recognition, and reprojection of JTS geometries.
 *
 * @since 0.1
 */
package jp.ebpm.analysis.gis.crs;
