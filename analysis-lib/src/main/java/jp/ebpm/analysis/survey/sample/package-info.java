/** A deterministic generator of the synthetic sample survey (sample-data/survey). */
package jp.ebpm.analysis.survey.sample;
