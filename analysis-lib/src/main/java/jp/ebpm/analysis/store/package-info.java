/**
 * The project store: a folder holding {@code project.duckdb}, its catalog of datasets, and the only
 * place where DuckDB classes are used. Every dataset is a table that SQL can query by its name.
 */
package jp.ebpm.analysis.store;
