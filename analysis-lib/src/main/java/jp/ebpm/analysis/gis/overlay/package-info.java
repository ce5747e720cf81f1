/**
 * Overlays: points in polygons (fast grid-accelerated locator), buffers and dissolve, polygon intersection
 * with area-weighted apportionment, clipping. Areas and distances are computed in a Japan Plane Rectangular
 * zone, never in degrees.
 *
 * @since 0.1
 */
package jp.ebpm.analysis.gis.overlay;
