package jp.ebpm.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.io.ImportOptions;
import jp.ebpm.analysis.io.ImportResult;
import jp.ebpm.analysis.io.Importer;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench import}: imports a file (CSV/TSV, Excel, Parquet) as a new dataset of a project. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a CSV/TSV, Excel (.xlsx/.xls) or Parquet file as a new dataset. Creates the project when the folder holds none.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Mixin
    FileReadOptions read;

    @Option(names = "--name", paramLabel = "N", description = "Dataset name (default: the file name without extension).")
    String name;

    @Option(names = "--kind", paramLabel = "K", description = "Catalog kind: survey, statistics, boundary, points, location, kpi, table.")
    String kind;

    @Option(names = "--sensitivity", paramLabel = "S", description = "open, internal (default) or private.")
    String sensitivity;

    @Option(names = "--license", paramLabel = "TEXT", description = "License or attribution text.")
    String license;

    @Option(names = "--description", paramLabel = "TEXT", description = "Free-text description.")
    String description;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ImportOptions o = read.options().withName(name).withLicense(license).withDescription(description);
        if (kind != null) {
            o = o.withKind(parseEnum(() -> DatasetKind.parse(kind), "--kind", kind));
        }
        if (sensitivity != null) {
            o = o.withSensitivity(parseEnum(() -> Sensitivity.parse(sensitivity), "--sensitivity", sensitivity));
        }
        try (Project p = project.openOrCreate()) {
            ImportResult r = Importer.importFile(p, read.file, o, ProgressListener.NONE, Cancellation.none());
            DatasetInfo d = r.dataset();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Imported \"" + d.name() + "\": " + d.rowCount() + " rows, " + d.columns().size() + " columns"
                    + (d.encoding() == null ? "" : " (encoding " + d.encoding() + ")"));
            for (ColumnInfo c : d.columns()) {
                out.println("  " + c.name() + "  " + c.type());
            }
            for (String w : r.warnings()) {
                spec.commandLine().getErr().println("note: " + w);
            }
            return 0;
        }
    }

    private static <T> T parseEnum(java.util.function.Supplier<T> s, String option, String value) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for " + option + ": " + value, e);
        }
    }

    /** Options that say how to read a file, shared by {@code import} and {@code preview}. */
    static final class FileReadOptions {

        @Option(names = "--file", required = true, paramLabel = "F", description = "The file to read.")
        Path file;

        @Option(names = "--encoding", paramLabel = "E", defaultValue = "auto",
                description = "Text encoding: auto (default), utf-8, cp932 (also shift_jis, sjis), euc-jp.")
        String encoding;

        @Option(names = "--delimiter", paramLabel = "D", description = "Field delimiter: comma, tab, semicolon, pipe, or the character (default: detect).")
        String delimiter;

        @Option(names = "--sheet", paramLabel = "S", description = "Excel sheet name or 1-based number (default: the first sheet).")
        String sheet;

        @Option(names = "--skip-rows", paramLabel = "K", description = "Rows (lines) above the header to skip (default: detect title rows).")
        Integer skipRows;

        @Option(names = "--header-rows", paramLabel = "K", description = "Header rows combined into column names (default: detect).")
        Integer headerRows;

        @Option(names = "--no-header", description = "The table has no header row; columns are named column1, column2, ...")
        boolean noHeader;

        @Option(names = "--statistics", description = "Statistics table: read χ X x - － … ... * *** as missing values with a <column>_flag column.")
        boolean statistics;

        @Option(names = "--type", paramLabel = "COLUMN=TYPE", description = "Override a column type (VARCHAR, BIGINT, DOUBLE, DATE, TIMESTAMP, BOOLEAN, ...); repeatable.")
        Map<String, String> types = new LinkedHashMap<>();

        ImportOptions options() {
            if (skipRows != null && skipRows < 0) {
                throw new IllegalArgumentException("--skip-rows cannot be negative.");
            }
            if (headerRows != null && headerRows < 1) {
                throw new IllegalArgumentException("--header-rows must be at least 1.");
            }
            ImportOptions o = ImportOptions.defaults().withEncoding(encoding).withSheet(sheet).withSkipRows(skipRows)
                    .withHeaderRows(headerRows).withStatistics(statistics).withColumnTypes(types);
            if (noHeader) {
                o = o.withHeader(false);
            }
            if (delimiter != null) {
                o = o.withDelimiter(delimiter(delimiter));
            }
            return o;
        }

        private static char delimiter(String d) {
            return switch (d.toLowerCase(java.util.Locale.ROOT)) {
                case "comma", "," -> ',';
                case "tab", "\\t", "\t" -> '\t';
                case "semicolon", ";" -> ';';
                case "pipe", "|" -> '|';
                default -> throw new IllegalArgumentException("Unknown delimiter \"" + d + "\". Use comma, tab, semicolon or pipe.");
            };
        }
    }
}
