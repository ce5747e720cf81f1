package jp.ebpm.analysis.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Default names of output files, one rule for the command line (when {@code --out} names a folder) and the app's
 * save dialogs: what was computed, from what, with the parameters that change the numbers, e.g.
 * {@code 市民アンケート2018_q1×ward.xlsx} or {@code pings_aggregate_ward_hour_k10.csv}. Characters that no file
 * system accepts ({@code \ / : * ? " < > |}, control characters) and spaces become {@code _}.
 *
 * @since 0.3
 */
public final class OutputNames {

    private OutputNames() {
    }

    /** A cross-tab of a dataset: {@code dataset_rows×cols[_by_layer].ext}. */
    public static String crossTab(String dataset, String rows, String cols, String layer, String ext) {
        return join(ext, dataset, rows + "×" + cols, layer == null ? null : "by_" + layer);
    }

    /** A guarded location table or map: {@code dataset_operation_by_time_kK[_roundR].ext}. */
    public static String location(String dataset, String operation, String by, String time, int k, int roundBase, String ext) {
        return join(ext, dataset, operation, by, time, "k" + k, roundBase > 1 ? "round" + roundBase : null);
    }

    /** A map of a layer: {@code layer_value.ext}. */
    public static String map(String layer, String value, String ext) {
        return join(ext, layer, value);
    }

    /** A KPI report: {@code dataset_fiscalYear.xlsx}. */
    public static String kpiReport(String dataset, String fiscalYear) {
        return join("xlsx", dataset, fiscalYear);
    }

    /**
     * An evaluation result: {@code source_analysis[_detail…].ext}, e.g. {@code measure-panel_did_rate.xlsx}; the
     * evaluation package chooses the parts per analysis ({@code EvaluationOutput.fileName}).
     */
    public static String evaluation(String ext, String source, String analysis, String... details) {
        String[] parts = new String[details.length + 2];
        parts[0] = source;
        parts[1] = analysis;
        System.arraycopy(details, 0, parts, 2, details.length);
        return join(ext, parts);
    }

    /**
     * The file to write: {@code out} itself, or — when {@code out} is an existing folder — the default name inside it.
     */
    public static Path resolve(Path out, String defaultName) {
        return Files.isDirectory(out) ? out.resolve(defaultName) : out;
    }

    /** Parts joined by {@code _} (null and blank parts left out), made safe, with the extension. */
    static String join(String ext, String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(safe(p.strip()));
            }
        }
        String base = kept.isEmpty() ? "output" : String.join("_", kept);
        String e = ext == null || ext.isBlank() ? "" : "." + ext.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        return base + e;
    }

    static String safe(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            boolean bad = cp < 0x20 || cp == 0x7f || "\\/:*?\"<>|".indexOf(cp) >= 0 || Character.isWhitespace(cp);
            sb.appendCodePoint(bad ? '_' : cp);
        });
        return sb.toString();
    }
}
