/**
 * EBPM Workbench analysis library: all logic of the workbench with a small public API used by the
 * JavaFX UI, the command line and the tests alike. No JavaFX here.
 */
package jp.ebpm.analysis;
