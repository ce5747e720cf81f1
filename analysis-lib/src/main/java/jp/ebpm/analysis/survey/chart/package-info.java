/** Headless JFreeChart charts of survey tables (PNG and SVG). */
package jp.ebpm.analysis.survey.chart;
