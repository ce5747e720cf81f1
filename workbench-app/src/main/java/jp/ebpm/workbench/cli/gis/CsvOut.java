package jp.ebpm.workbench.cli.gis;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.ebpm.analysis.io.CsvWriter;

/** Writes a CSV result to a file or, for {@code -}, to the command's output. */
final class CsvOut {

    private CsvOut() {
    }

    static void write(String out, PrintWriter stdout, List<String> header, List<List<Object>> rows) throws IOException {
        if (out.equals("-")) {
            write(stdout, header, rows);
            stdout.flush();
            return;
        }
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(Path.of(out)), StandardCharsets.UTF_8)) {
            write(w, header, rows);
        }
    }

    private static void write(Writer w, List<String> header, List<List<Object>> rows) throws IOException {
        CsvWriter c = CsvWriter.plain(w);
        c.row(header);
        for (List<Object> r : rows) {
            c.row(r);
        }
        c.flush();
    }

    /** A number as CSV text: integral values without a decimal point, NaN as empty. */
    static Object num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v;
        }
        return v;
    }
}
