package jp.ebpm.workbench.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.ebpm.analysis.export.DisplayWidth;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code workbench catalog}: lists the datasets of a project. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "List the datasets of a project.")
final class CatalogCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--json", description = "Print the catalog as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Project p = project.open()) {
            List<DatasetInfo> list = p.catalog().list();
            var out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> rows = list.stream().map(CatalogCommand::toMap).toList();
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            } else {
                out.print(table(list));
            }
            out.flush();
            return 0;
        }
    }

    /**
     * The catalog as an aligned text table: names and sources may hold Japanese, whose characters take two cells in a
     * terminal, so columns are padded by display width (not by character count).
     */
    static String table(List<DatasetInfo> list) {
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"name", "kind", "rows", "access", "source"});
        for (DatasetInfo d : list) {
            rows.add(new String[] {d.name(), d.kind().id(), String.format(java.util.Locale.ROOT, "%,d", d.rowCount()),
                d.sensitivity().id(), d.sourceFile() == null ? "" : d.sourceFile()});
        }
        int[] w = new int[5];
        for (String[] r : rows) {
            for (int c = 0; c < 5; c++) {
                w[c] = Math.max(w[c], DisplayWidth.of(r[c]));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(DisplayWidth.padRight(r[0], w[0])).append("  ").append(DisplayWidth.padRight(r[1], w[1])).append("  ")
                    .append(DisplayWidth.padLeft(r[2], w[2])).append("  ").append(DisplayWidth.padRight(r[3], w[3])).append("  ")
                    .append(r[4]);
            sb.append(System.lineSeparator());
        }
        return sb.toString().replaceAll("(?m) +$", "");
    }

    /**
     * The JSON object of a dataset: keys in this fixed order; columns in table order, each {@code {name, type}};
     * properties sorted by key. The same catalog gives the same bytes on every run.
     */
    static Map<String, Object> toMap(DatasetInfo d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("kind", d.kind().id());
        m.put("source_file", d.sourceFile());
        m.put("source_sha256", d.sourceSha256());
        m.put("imported_at", d.importedAt().toString());
        m.put("row_count", d.rowCount());
        m.put("columns", d.columns().stream().map(c -> {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("type", c.type());
            return col;
        }).toList());
        m.put("encoding", d.encoding());
        m.put("license", d.license());
        m.put("sensitivity", d.sensitivity().id());
        m.put("description", d.description());
        m.put("properties", new java.util.TreeMap<>(d.properties()));
        return m;
    }
}
