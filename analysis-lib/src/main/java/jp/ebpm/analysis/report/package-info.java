/**
 * Report assembly: builds Excel reports from a KPI register file ({@link jp.ebpm.analysis.report.KpiReportJob})
 * or from a JSON report specification over a project ({@link jp.ebpm.analysis.report.ReportSpec},
 * {@link jp.ebpm.analysis.report.ReportBuilder}) with the shared writer in {@code export.xlsx}.
 *
 * @since 0.1
 */
package jp.ebpm.analysis.report;
