/** Hidden benchmark commands (speed targets are measured here, never in tests). */
package jp.ebpm.workbench.cli.bench;
