package jp.ebpm.workbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import jp.ebpm.analysis.io.CsvWriter;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.QueryCursor;
import jp.ebpm.analysis.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench sql}: runs a read-only query on a project. The text must be one pure query over the
 * catalog's non-private datasets ({@link Project#openQuery}); rows are streamed from DuckDB to the output,
 * so any {@code --max-rows} works in a small heap, and SIGTERM/Ctrl+C cancels the running query.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a read-only SQL query (one SELECT over the project's datasets; no files, no internal tables)"
                + " on a project and print the result (UTF-8).")
final class SqlCommand implements Callable<Integer> {

    enum Format { csv, json }

    @Mixin
    ProjectOption project;

    @Option(names = "--query", required = true, paramLabel = "Q", description = "The SQL query (SELECT, WITH ... SELECT, VALUES, DESCRIBE, SUMMARIZE).")
    String query;

    @Option(names = "--format", defaultValue = "csv", description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--max-rows", defaultValue = "1000000", description = "At most this many rows (default ${DEFAULT-VALUE}).")
    long maxRows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (maxRows < 0) {
            throw new IllegalArgumentException("--max-rows must be 0 or more.");
        }
        Cancellation cancel = Cancellation.none();
        // SIGTERM and Ctrl+C run shutdown hooks; cancelling the statement lets DuckDB stop at once.
        Thread onSignal = new Thread(cancel::cancel, "sql-cancel");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try (Project p = project.open(); QueryCursor cursor = p.openQuery(query, cancel)) {
            PrintWriter out = spec.commandLine().getOut();
            boolean truncated = format == Format.json ? writeJson(cursor, out) : writeCsv(cursor, out);
            out.flush();
            if (truncated) {
                spec.commandLine().getErr().println("note: output cut at " + maxRows + " rows (--max-rows).");
            }
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook has run
            }
        }
    }

    private boolean writeCsv(QueryCursor cursor, PrintWriter out) throws IOException {
        CsvWriter w = CsvWriter.forSpreadsheets(out);
        w.row(cursor.columns().stream().map(ColumnInfo::name).toList());
        long n = 0;
        for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
            if (n++ >= maxRows) {
                return true;
            }
            w.row(row);
        }
        return false;
    }

    private boolean writeJson(QueryCursor cursor, PrintWriter out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartArray();
        long n = 0;
        boolean truncated = false;
        for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
            if (n++ >= maxRows) {
                truncated = true;
                break;
            }
            g.writeStartObject();
            for (int i = 0; i < row.length; i++) {
                g.writeFieldName(cursor.columns().get(i).name());
                writeValue(g, row[i]);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.flush();
        out.println();
        return truncated;
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof java.math.BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof java.math.BigInteger d) {
            g.writeNumber(d);
        } else {
            g.writeString(v.toString());
        }
    }
}
