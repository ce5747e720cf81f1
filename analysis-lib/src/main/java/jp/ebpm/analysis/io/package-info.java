/** Reading files into a project (CSV, Excel, Parquet, statistics tables) and writing CSV. */
package jp.ebpm.analysis.io;
