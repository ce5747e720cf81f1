package jp.ebpm.workbench.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

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
                out.printf("%-30s %-10s %12s  %-9s %s%n", "name", "kind", "rows", "access", "source");
                for (DatasetInfo d : list) {
                    out.printf("%-30s %-10s %12d  %-9s %s%n", d.name(), d.kind().id(), d.rowCount(),
                            d.sensitivity().id(), d.sourceFile() == null ? "" : d.sourceFile());
                }
            }
            return 0;
        }
    }

    static Map<String, Object> toMap(DatasetInfo d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("kind", d.kind().id());
        m.put("source_file", d.sourceFile());
        m.put("source_sha256", d.sourceSha256());
        m.put("imported_at", d.importedAt().toString());
        m.put("row_count", d.rowCount());
        m.put("columns", d.columns().stream().map(c -> Map.of("name", c.name(), "type", c.type())).toList());
        m.put("encoding", d.encoding());
        m.put("license", d.license());
        m.put("sensitivity", d.sensitivity().id());
        m.put("description", d.description());
        m.put("properties", d.properties());
        return m;
    }
}
