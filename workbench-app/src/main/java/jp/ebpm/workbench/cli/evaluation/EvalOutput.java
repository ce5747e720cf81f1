package jp.ebpm.workbench.cli.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.ebpm.analysis.export.OutputNames;
import jp.ebpm.analysis.io.CsvWriter;
import picocli.CommandLine.Option;

/** The {@code --format json|csv|xlsx} and {@code --out F} options of the evaluation commands, and writing. */
public final class EvalOutput {

    /** Output formats. */
    enum Format { json, csv, xlsx }

    @Option(names = "--format", defaultValue = "json", description = "Output: json, csv or xlsx (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "F", description = "Write to this file, or into this folder under the default name"
            + " (e.g. panel_did_rate.xlsx; required for xlsx; default: standard output).")
    Path out;

    /** Checks that xlsx has a file. */
    void check() {
        if (format == Format.xlsx && out == null) {
            throw new IllegalArgumentException("--format xlsx needs --out FILE.xlsx.");
        }
    }

    boolean xlsx() {
        return format == Format.xlsx;
    }

    /** The file to write: --out, or the default name inside --out when it is a folder (the rule of OutputNames). */
    Path file(String defaultName) {
        return out == null ? null : OutputNames.resolve(out, defaultName);
    }

    /** The file extension of the chosen format. */
    String ext() {
        return format.name();
    }

    /** Writes JSON or CSV to --out (a file, or a folder receiving {@code defaultName}) or the command's output. */
    void write(Map<String, Object> json, List<List<Object>> csv, PrintWriter stdout, String defaultName) throws IOException {
        String text;
        if (format == Format.csv) {
            StringWriter sw = new StringWriter();
            CsvWriter w = CsvWriter.forSpreadsheets(sw);
            for (List<Object> row : csv) {
                w.row(row);
            }
            w.flush();
            text = sw.toString();
        } else {
            text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + System.lineSeparator();
        }
        if (out == null) {
            stdout.print(text);
            stdout.flush();
        } else {
            try (Writer w = Files.newBufferedWriter(file(defaultName), StandardCharsets.UTF_8)) {
                w.write(text);
            }
        }
    }

    /** Splits a comma-separated option value. */
    static List<String> split(String s) {
        return s == null ? List.of() : java.util.Arrays.stream(s.split("\\s*,\\s*")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** The analyst name written into report provenance. */
    static String analyst() {
        return System.getProperty("user.name", "");
    }
}
