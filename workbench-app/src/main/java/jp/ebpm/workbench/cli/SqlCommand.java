package jp.ebpm.workbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.ebpm.analysis.io.CsvWriter;
import jp.ebpm.analysis.privacy.guard.SqlConsoleGuard;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.QueryResult;
import jp.ebpm.analysis.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench sql}: runs a read-only query on a project. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a read-only SQL query on a project and print the result (UTF-8).")
final class SqlCommand implements Callable<Integer> {

    enum Format { csv, json }

    @Mixin
    ProjectOption project;

    @Option(names = "--query", required = true, paramLabel = "Q", description = "The SQL query (SELECT, WITH, ...).")
    String query;

    @Option(names = "--format", defaultValue = "csv", description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--max-rows", defaultValue = "1000000", description = "At most this many rows (default ${DEFAULT-VALUE}).")
    int maxRows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Project p = project.open()) {
            SqlConsoleGuard.checkPlainQuery(p, query);
            QueryResult r = p.query(query, maxRows, Cancellation.none());
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Object[] row : r.rows()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < row.length; i++) {
                        m.put(r.columns().get(i).name(), jsonValue(row[i]));
                    }
                    rows.add(m);
                }
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            } else {
                CsvWriter w = CsvWriter.plain(out);
                w.row(r.columns().stream().map(ColumnInfo::name).toList());
                for (Object[] row : r.rows()) {
                    w.row((Object[]) row);
                }
                w.flush();
            }
            if (r.truncated()) {
                spec.commandLine().getErr().println("note: output cut at " + maxRows + " rows (--max-rows).");
            }
            return 0;
        }
    }

    private static Object jsonValue(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        return v.toString();
    }
}
