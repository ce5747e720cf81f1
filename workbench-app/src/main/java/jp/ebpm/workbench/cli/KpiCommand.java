package jp.ebpm.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.ebpm.analysis.export.xlsx.SourceRef;
import jp.ebpm.analysis.io.CsvWriter;
import jp.ebpm.analysis.kpi.FiscalYear;
import jp.ebpm.analysis.kpi.GradingTable;
import jp.ebpm.analysis.kpi.Kpi;
import jp.ebpm.analysis.kpi.KpiEvaluation;
import jp.ebpm.analysis.kpi.KpiFiles;
import jp.ebpm.analysis.kpi.KpiRegister;
import jp.ebpm.analysis.kpi.KpiStore;
import jp.ebpm.analysis.kpi.YearStyle;
import jp.ebpm.analysis.report.KpiReportJob;
import jp.ebpm.analysis.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench kpi}: evaluate, convert and store KPI registers. */
@Command(name = "kpi", mixinStandardHelpOptions = true, description = "KPI registers: evaluate, convert, store in a project, enter actuals.",
        subcommands = {KpiCommand.Evaluate.class, KpiCommand.Convert.class, KpiCommand.Store.class,
            KpiCommand.Settings.class,
            KpiCommand.Set.class})
final class KpiCommand {

    /** {@code workbench kpi evaluate}. */
    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Print progress rate, status and grade per KPI (JSON or CSV, UTF-8).")
    static final class Evaluate implements Callable<Integer> {

        enum Format { json, csv }

        @Option(names = "--kpis", required = true, paramLabel = "F", description = "KPI register (.xlsx or .csv).")
        Path kpis;

        @Mixin
        KpiOptions options;

        @Option(names = "--format", defaultValue = "json", description = "json or csv (default ${DEFAULT-VALUE}).")
        Format format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Integer fy = options.fiscalYear();
            GradingTable grading = options.grading();
            YearStyle style = options.yearStyle();
            KpiRegister reg = KpiFiles.read(kpis);
            List<KpiEvaluation> evs = KpiReportJob.evaluate(reg, fy, grading);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.csv) {
                CsvWriter w = CsvWriter.forSpreadsheets(out);
                w.row("id", "measure", "name", "unit", "direction", "cumulative", "baseline_year", "baseline_value",
                        "target_year", "target_value", "fiscal_year", "actual", "expected", "progress_rate", "status", "grade");
                for (KpiEvaluation e : evs) {
                    Kpi k = e.kpi();
                    w.row(k.id(), k.measure(), k.name(), k.unit(), k.direction().id(), k.cumulative(), k.baselineYear(),
                            k.baselineValue(), k.targetYear(), k.targetValue(), e.fiscalYear(), e.actual(), e.expected(),
                            e.progressRate(), e.status().id(), e.grade());
                }
                w.flush();
            } else {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("file", kpis.getFileName().toString());
                root.put("fiscalYear", fy);
                root.put("grading", new ObjectMapper().readTree(grading.toJson()));
                List<Map<String, Object>> list = new ArrayList<>();
                for (KpiEvaluation e : evs) {
                    list.add(json(e, style));
                }
                root.put("kpis", list);
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            }
            out.flush();
            return 0;
        }

        static Map<String, Object> json(KpiEvaluation e, YearStyle style) {
            Kpi k = e.kpi();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", k.id());
            m.put("measure", k.measure());
            m.put("name", k.name());
            m.put("unit", k.unit());
            m.put("direction", k.direction().id());
            m.put("cumulative", k.cumulative());
            m.put("cumulativeInput", k.cumulativeInput().id());
            m.put("baselineYear", k.baselineYear());
            m.put("baselineValue", k.baselineValue());
            m.put("targetYear", k.targetYear());
            m.put("targetValue", k.targetValue());
            m.put("fiscalYear", e.fiscalYear());
            m.put("fiscalYearLabel", FiscalYear.of(e.fiscalYear()).format(style));
            m.put("actual", e.actual());
            m.put("expected", e.expected());
            m.put("progressRate", e.progressRate());
            m.put("progressPercent", e.progressRate() == null ? null : Math.round(e.progressRate() * 1000) / 10.0);
            m.put("status", e.status().id());
            m.put("statusLabel", e.status().japanese());
            m.put("grade", e.grade());
            m.put("changed", k.changed());
            return m;
        }
    }

    /** {@code workbench kpi convert}. */
    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = "Check a KPI register and write it as .xlsx or .csv (by the --out extension).")
    static final class Convert implements Callable<Integer> {
        @Option(names = "--kpis", required = true, paramLabel = "F", description = "KPI register (.xlsx or .csv).")
        Path kpis;

        @Option(names = "--out", required = true, paramLabel = "F", description = "Output .xlsx or .csv.")
        Path out;

        @Option(names = "--year-style", defaultValue = "era", description = "Fiscal-year headers: era, western or fy.")
        String yearStyle;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            KpiRegister reg = KpiFiles.read(kpis);
            KpiFiles.write(out, reg, YearStyle.parse(yearStyle));
            spec.commandLine().getOut().println("Wrote " + reg.kpis().size() + " KPIs to " + out.getFileName());
            return 0;
        }
    }

    /** {@code workbench kpi store}. */
    @Command(name = "store", mixinStandardHelpOptions = true,
            description = "Store a KPI register in a project as a dataset of kind kpi (replacing a KPI dataset of that name).")
    static final class Store implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--kpis", required = true, paramLabel = "F", description = "KPI register (.xlsx or .csv).")
        Path kpis;

        @Option(names = "--name", defaultValue = "KPI登録簿", description = "Dataset name (default ${DEFAULT-VALUE}).")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            KpiRegister reg = KpiFiles.read(kpis);
            SourceRef src = SourceRef.ofFile(kpis, "");
            try (Project p = project.openOrCreate()) {
                KpiStore.save(p, name, reg, src.file(), src.sha256(), "KPI register from " + src.file());
            }
            spec.commandLine().getOut().println("Stored " + reg.kpis().size() + " KPIs as \"" + name + "\"");
            return 0;
        }
    }

    /** {@code workbench kpi set}: enter (or clear) an actual in a register stored in the project. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Enter an actual of a KPI for a fiscal year in a register stored in the project (as the KPI tab does),"
                    + " e.g. --kpi K06 --fiscal-year 令和3 --value 172000; --clear removes it.")
    static final class Set implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--dataset", defaultValue = "KPI登録簿", paramLabel = "D", description = "The KPI dataset (default ${DEFAULT-VALUE}).")
        String dataset;

        @Option(names = "--kpi", required = true, paramLabel = "ID", description = "The KPI id, e.g. K06.")
        String kpi;

        @Option(names = "--fiscal-year", required = true, paramLabel = "Y", description = "2021, FY2021, 2021年度, 令和3, R3 ...")
        String fiscalYear;

        @Option(names = "--value", paramLabel = "N", description = "The actual (172000, 172,000 or １７２０００).")
        String value;

        @Option(names = "--clear", description = "Remove the actual of that year.")
        boolean clear;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (clear == (value != null)) {
                throw new IllegalArgumentException("Give --value N or --clear.");
            }
            int fy = jp.ebpm.analysis.kpi.FiscalYear.parse(fiscalYear).year();
            Double v = null;
            if (value != null) {
                v = jp.ebpm.analysis.kpi.KpiRegisterFormat.parseNumber(value).orElseThrow(() ->
                        new IllegalArgumentException("--value is not a number: " + value));
            }
            try (Project p = project.open()) {
                KpiRegister reg = KpiStore.setActual(p, dataset, kpi, fy, v);
                jp.ebpm.analysis.kpi.Kpi k = reg.find(kpi).orElseThrow();
                YearStyle style = p.catalog().setting(YearStyle.SETTING).map(YearStyle::parse).orElse(YearStyle.ERA);
                spec.commandLine().getOut().println((v == null ? "cleared " : "set ") + k.id() + " " + k.name() + " "
                        + jp.ebpm.analysis.kpi.FiscalYear.of(fy).format(style)
                        + (v == null ? "" : " = " + value + k.unit()) + " in \"" + dataset + "\"");
            }
            return 0;
        }
    }

    /** {@code workbench kpi settings}: show or set the project's grading table and year style. */
    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = "Show the project's KPI grading table and year style; --grading / --year-style store new ones.")
    static final class Settings implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--grading", paramLabel = "FILE", description = "Grading table JSON to store in the project.")
        Path grading;

        @Option(names = "--year-style", paramLabel = "STYLE", description = "era, western or fy, stored in the project.")
        String yearStyle;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Project p = project.open()) {
                if (grading != null) {
                    GradingTable.read(grading).saveTo(p);
                }
                if (yearStyle != null) {
                    p.catalog().putSetting(YearStyle.SETTING, YearStyle.parse(yearStyle).name().toLowerCase(java.util.Locale.ROOT));
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println("{\"yearStyle\": \"" + p.catalog().setting(YearStyle.SETTING).orElse("era") + "\",");
                out.println(" \"grading\": " + GradingTable.of(p).toJson() + "}");
                out.flush();
            }
            return 0;
        }
    }
}
