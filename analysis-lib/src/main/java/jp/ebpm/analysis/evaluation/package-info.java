/**
 * Policy evaluation and regional statistics: difference-in-differences (2×2 and two-way fixed effects with
 * cluster-robust standard errors by area, pre-trend means and event-study leads and lags), location quotients
 * (特化係数), population pyramids with aging and dependency ratios, and the cohort-component population
 * projection (コーホート要因法) as the National Institute of Population and Social Security Research (IPSS)
 * describes it for its regional projections. Regressions go through
 * {@link jp.ebpm.analysis.stats.regression}.
 */
package jp.ebpm.analysis.evaluation;
