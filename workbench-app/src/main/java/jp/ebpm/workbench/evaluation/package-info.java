/**
 * The Evaluation tab: regression with journal-style tables, difference-in-differences with the pre-trend chart and
 * event study, population pyramids and location-quotient maps. View models hold the state and build the library
 * calls; the views run them through the app's task runner with progress and cancel.
 */
package jp.ebpm.workbench.evaluation;
