/**
 * The standard grid square (地域メッシュ) of JIS X 0410: encoding latitude/longitude into mesh codes in
 * Java and as DuckDB SQL arithmetic, decoding codes into cells, generating grids.
 *
 * @since 0.1
 */
package jp.ebpm.analysis.gis.mesh;
