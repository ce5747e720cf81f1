/**
 * The shared Excel report writer ({@link jp.ebpm.analysis.export.xlsx.ReportWriter}) with its neutral models
 * (tables, line charts, map images, provenance), and a small grid reader/writer for data-entry sheets. The
 * only library package besides {@code io} that uses Apache POI. See docs/reports.md.
 *
 * @since 0.1
 */
package jp.ebpm.analysis.export.xlsx;
