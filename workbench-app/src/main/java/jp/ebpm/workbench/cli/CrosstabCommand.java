package jp.ebpm.workbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.CodebookIo;
import jp.ebpm.analysis.survey.CrossTabEngine;
import jp.ebpm.analysis.survey.CrossTabExport;
import jp.ebpm.analysis.survey.CrossTabJson;
import jp.ebpm.analysis.survey.CrossTabResult;
import jp.ebpm.analysis.survey.CrossTabSpec;
import jp.ebpm.analysis.survey.CsvTable;
import jp.ebpm.analysis.survey.LikertSummary;
import jp.ebpm.analysis.survey.MultipleResponse;
import jp.ebpm.analysis.survey.VariableType;
import jp.ebpm.analysis.survey.WeightKind;
import jp.ebpm.analysis.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench crosstab}: a cross-table with all statistics, as JSON, CSV or .xlsx (see docs/survey.md). */
@Command(name = "crosstab", mixinStandardHelpOptions = true,
        description = "Cross-tabulate two variables of a project dataset or a CSV file, with statistics.")
final class CrosstabCommand implements Callable<Integer> {

    enum Format { json, csv, xlsx }

    @Option(names = "--project", paramLabel = "DIR", description = "The project folder (with --dataset).")
    Path project;

    @Option(names = "--dataset", paramLabel = "D", description = "The dataset in the project.")
    String dataset;

    @Option(names = "--csv", paramLabel = "F", description = "Read this CSV file (header row) instead of a project dataset.")
    Path csv;

    @Option(names = "--encoding", paramLabel = "E", defaultValue = "auto",
            description = "Text encoding of --csv: auto (default: detected), utf-8, cp932 (Shift_JIS), euc-jp or utf-16le.")
    String encoding;

    @Option(names = "--rows", required = true, paramLabel = "V", description = "Row variable.")
    String rows;

    @Option(names = "--cols", required = true, paramLabel = "V", description = "Column (banner) variable.")
    String cols;

    @Option(names = "--layer", paramLabel = "V", description = "Layer (control) variable: one table per value.")
    String layer;

    @Option(names = "--weight", paramLabel = "V", description = "Frequency weight (PSPP WEIGHT semantics).")
    String weight;

    @Option(names = "--survey-weight", paramLabel = "V",
            description = "Sampling weight: weighted percentages and the Rao-Scott test.")
    String surveyWeight;

    @Option(names = "--raked-on", paramLabel = "VARS",
            description = "With --survey-weight: the margins the weight was raked to (e.g. ward, sex+age_group; repeatable). "
                    + "Project datasets raked by 'workbench rake' remember them.")
    List<String> rakedOn = new ArrayList<>();

    @Option(names = "--codebook", paramLabel = "F", description = "Codebook (.csv or .xlsx): labels, order, missing codes. "
            + "With --project, the codebook stored with the dataset is used when this is not given.")
    Path codebook;

    @Option(names = "--format", defaultValue = "json", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "F", description = "Write to this file (required for xlsx; a folder gets the default"
            + " name; default: standard output).")
    Path out;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level of markers and letters (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--show-missing", description = "Show missing row values as their own rows (never in the bases).")
    boolean showMissing;

    @Option(names = "--net", paramLabel = "LABEL=CODES",
            description = "A NET row, e.g. \"Top-2=1,2\" (repeatable).")
    List<String> nets = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((csv == null) == (dataset == null)) {
            throw new IllegalArgumentException("Give either --project DIR --dataset D, or --csv F.");
        }
        if (dataset != null && project == null) {
            throw new IllegalArgumentException("--dataset needs --project DIR.");
        }
        if (weight != null && surveyWeight != null) {
            throw new IllegalArgumentException("Give --weight or --survey-weight, not both.");
        }
        if (format == Format.xlsx && out == null) {
            throw new IllegalArgumentException("--format xlsx needs --out FILE.xlsx.");
        }
        List<CrossTabSpec.Net> netRows = new ArrayList<>();
        for (String n : nets) {
            int eq = n.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("A NET row is LABEL=CODE,CODE,... e.g. \"Top-2=1,2\"; got " + n);
            }
            netRows.add(new CrossTabSpec.Net(n.substring(0, eq), List.of(n.substring(eq + 1).strip().split("\\s*,\\s*"))));
        }
        String w = weight != null ? weight : surveyWeight;
        WeightKind kind = weight != null ? WeightKind.FREQUENCY : surveyWeight != null ? WeightKind.SAMPLING : WeightKind.NONE;
        if (csv != null) {
            Codebook cb = codebook == null ? Codebook.empty() : CodebookIo.read(codebook);
            Path tmp = Files.createTempDirectory("wb-crosstab-");
            try (Project p = Project.create(tmp.resolve("p"))) {
                CsvTable.load(p, csv, encoding, "data", true);
                tabulate(p, spec("data", w, kind, cb, netRows).withRakedOn(rakedOn));
            } finally {
                deleteTree(tmp);
            }
        } else {
            try (Project p = Project.open(project)) {
                // an explicit --codebook wins over the codebook stored with the dataset (CrossTabEngine.prepare
                // uses the stored one when the spec has none), and so do explicit --raked-on margins
                Codebook cb = codebook != null ? CodebookIo.read(codebook) : Codebook.empty();
                tabulate(p, spec(p.catalog().get(dataset).name(), w, kind, cb, netRows).withRakedOn(rakedOn));
            }
        }
        return 0;
    }

    /**
     * A multiple-response row variable gives a multiple-response table; otherwise the cross-tab of the spec as the
     * library prepares it for every caller (stored codebook, raking margins, Likert NET rows), plus the Likert
     * summary for a Likert row variable.
     */
    private void tabulate(Project p, CrossTabSpec draft) throws IOException {
        CrossTabSpec s = CrossTabEngine.prepare(p, draft);
        Codebook.Variable rowVar = s.codebook().variable(rows).orElse(null);
        boolean multi = rowVar != null && (rowVar.type() == VariableType.MULTI_DELIMITED || rowVar.type() == VariableType.MULTI_BINARY);
        if (multi) {
            if (format != Format.json) {
                throw new IllegalArgumentException("Multiple-response tables are written as JSON only (--format json).");
            }
            Codebook.Variable banner = s.codebook().variable(cols).orElse(null);
            MultipleResponse.Table t = MultipleResponse.of(p, s.table(), rowVar, cols, s.weightVar(), banner);
            emit(CrossTabJson.write(CrossTabJson.multipleResponse(t)), spec.commandLine().getOut());
            return;
        }
        CrossTabResult result = CrossTabEngine.run(p, s, null, Cancellation.none());
        boolean likert = rowVar != null && rowVar.type() == VariableType.LIKERT
                && !LikertSummary.codebookNets(s.codebook(), rows, false).isEmpty();
        write(p, result, likert ? LikertSummary.scale(rowVar) : null);
    }

    private CrossTabSpec spec(String table, String w, WeightKind kind, Codebook cb, List<CrossTabSpec.Net> netRows) {
        return new CrossTabSpec(table, rows, cols, layer, w, kind, cb, showMissing, alpha, netRows);
    }

    private void write(Project p, CrossTabResult r, List<String> likertScale) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        switch (format) {
            case xlsx -> {
                // with the survey's provenance: dataset, source file and SHA-256, question texts, weight and margins;
                // a folder as --out gets the name the Cross-tab tab suggests
                String author = System.getProperty("user.name", "");
                Path file = jp.ebpm.analysis.export.OutputNames.resolve(out, jp.ebpm.analysis.export.OutputNames.crossTab(
                        r.spec().table(), r.spec().rowVar(), r.spec().colVar(), r.spec().layerVar(), "xlsx"));
                CrossTabExport.writeXlsx(p, r, file, jp.ebpm.analysis.export.xlsx.ReportInfo.of(
                        csv != null ? CrossTabExport.title(r).replaceFirst("^data: ", csv.getFileName() + ": ") : CrossTabExport.title(r),
                        "", java.time.LocalDate.now(), author, "EBPM Workbench"),
                        jp.ebpm.analysis.survey.chart.SurveyCharts.defaultChart(r, r.overall(), false));
                stdout.println("wrote " + file);
            }
            case csv -> {
                StringWriter sw = new StringWriter();
                CrossTabExport.writeCsv(r, sw);
                emit(sw.toString(), stdout);
            }
            default -> {
                java.util.Map<String, Object> json = CrossTabJson.toMap(r);
                if (likertScale != null) {
                    json.put("likert", CrossTabJson.likert(LikertSummary.of(r.overall(), likertScale, false)));
                }
                emit(CrossTabJson.write(json), stdout);
            }
        }
        for (String warning : r.overall().warnings()) {
            spec.commandLine().getErr().println("note: " + warning);
        }
    }

    private void emit(String text, PrintWriter stdout) throws IOException {
        if (out == null) {
            stdout.print(text);
            stdout.flush();
        } else {
            try (Writer wr = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                wr.write(text);
            }
            stdout.println("wrote " + out);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new WorkbenchException("Cannot remove the temporary folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
