package jp.ebpm.workbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.io.CsvWriter;
import jp.ebpm.analysis.io.ImportPreview;
import jp.ebpm.analysis.io.Importer;
import jp.ebpm.analysis.store.ColumnInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench preview}: shows how a file would be imported, without changing any project. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Show the detected settings, column types and first rows of a file, without importing it.")
final class PreviewCommand implements Callable<Integer> {

    @Mixin
    ImportCommand.FileReadOptions read;

    @Option(names = "--rows", defaultValue = "10", paramLabel = "N", description = "Rows to show (at most 100; default ${DEFAULT-VALUE}).")
    int rows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ImportPreview p = Importer.preview(read.file, read.options());
        PrintWriter out = spec.commandLine().getOut();
        out.println("format:    " + p.format());
        if (p.encoding() != null) {
            out.println("encoding:  " + p.encoding());
        }
        if (p.delimiter() != null) {
            out.println("delimiter: " + (p.delimiter() == '\t' ? "tab" : "'" + p.delimiter() + "'"));
        }
        if (!p.sheets().isEmpty()) {
            out.println("sheets:    " + String.join(", ", p.sheets()));
        }
        out.println("header:    " + (p.header() ? "yes" : "no") + ", rows skipped above it: " + p.skipRows());
        out.println("columns:");
        for (ColumnInfo c : p.columns()) {
            out.println("  " + c.name() + "  " + c.type());
        }
        for (String w : p.warnings()) {
            out.println("note: " + w);
        }
        out.println("first rows:");
        CsvWriter w = CsvWriter.forSpreadsheets(out);
        w.row(p.columns().stream().map(ColumnInfo::name).toList());
        for (List<String> r : p.rows().subList(0, Math.min(Math.max(0, rows), p.rows().size()))) {
            w.row(r);
        }
        w.flush();
        return 0;
    }
}
