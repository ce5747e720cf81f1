/**
 * Survey analysis: codebooks, cross-tabulation with statistics (DuckDB counts, Java computes the
 * statistics on the small table), multiple-response and Likert summaries, raking of sampling weights
 * and the Rao–Scott test. See {@code docs/survey.md}.
 */
package jp.ebpm.analysis.survey;
