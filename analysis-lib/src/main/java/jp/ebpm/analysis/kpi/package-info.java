/**
 * KPI tracking for the yearly PDCA review: the KPI register ({@link jp.ebpm.analysis.kpi.KpiRegister}, its
 * file format {@link jp.ebpm.analysis.kpi.KpiRegisterFormat} and files {@link jp.ebpm.analysis.kpi.KpiFiles}),
 * Japanese fiscal years and eras ({@link jp.ebpm.analysis.kpi.FiscalYear}, {@link jp.ebpm.analysis.kpi.Era}),
 * evaluation ({@link jp.ebpm.analysis.kpi.KpiEvaluator}), grading
 * ({@link jp.ebpm.analysis.kpi.GradingTable}) and report items ({@link jp.ebpm.analysis.kpi.KpiReport}).
 * Rules and formats: docs/kpi.md.
 *
 * @since 0.1
 */
package jp.ebpm.analysis.kpi;
