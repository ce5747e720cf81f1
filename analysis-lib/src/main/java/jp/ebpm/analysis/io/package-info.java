/**
 * Reading files into a project (CSV/TSV in UTF-8, CP932 or EUC-JP; Excel .xlsx/.xls; Parquet; statistics
 * tables) and writing CSV.
 *
 * <p>Entry point: {@link jp.ebpm.analysis.io.Importer}. This package uses Apache POI to read Excel workbooks
 * and standard JDBC on the project's connections (DuckDB's {@code read_csv}, {@code sniff_csv} and
 * {@code read_parquet}); the only DuckDB-specific code it uses is {@link jp.ebpm.analysis.store.TableWriter}
 * in the store package.
 */
package jp.ebpm.analysis.io;
