/**
 * Maps: classification of values (classInt-compatible), colour ramps, and the Java2D renderer that
 * draws choropleths and point layers into PNG, SVG or any {@code Graphics2D}.
 *
 * @since 0.1
 */
package jp.ebpm.analysis.gis.map;
