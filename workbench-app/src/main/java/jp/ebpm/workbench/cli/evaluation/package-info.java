/** The evaluation commands: {@code regress}, {@code did}, {@code lq}, {@code pyramid}, {@code project-population}. */
package jp.ebpm.workbench.cli.evaluation;
