/**
 * Rules every output follows, whatever writes it: default file names ({@link jp.ebpm.analysis.export.OutputNames}, shared
 * by the command line and the app's save dialogs), permissions of written files
 * ({@link jp.ebpm.analysis.export.OutputFiles}) and the display width of text ({@link jp.ebpm.analysis.export.DisplayWidth},
 * CJK characters take two cells). No POI here: workbooks are in {@code export.xlsx}.
 *
 * @since 0.3
 */
package jp.ebpm.analysis.export;
