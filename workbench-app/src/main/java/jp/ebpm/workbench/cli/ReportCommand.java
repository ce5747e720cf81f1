package jp.ebpm.workbench.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.export.xlsx.ReportInfo;
import jp.ebpm.analysis.report.KpiReportJob;
import jp.ebpm.analysis.report.ReportBuilder;
import jp.ebpm.analysis.report.ReportSpec;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench report}: Excel reports. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write Excel reports (.xlsx).",
        subcommands = {ReportCommand.Kpi.class, ReportCommand.Build.class})
final class ReportCommand {

    /** {@code workbench report kpi}. */
    @Command(name = "kpi", mixinStandardHelpOptions = true,
            description = "KPI report from a register: cover, KPI summary, one chart per KPI, sources.")
    static final class Kpi implements Callable<Integer> {
        @Option(names = "--kpis", required = true, paramLabel = "F", description = "KPI register (.xlsx or .csv).")
        Path kpis;

        @Option(names = "--out", required = true, paramLabel = "F", description = "The report (.xlsx).")
        Path out;

        @Mixin
        KpiOptions options;

        @Option(names = "--title", defaultValue = "KPI進捗状況報告", description = "Report title.")
        String title;

        @Option(names = "--organization", defaultValue = "", description = "Organization on the cover.")
        String organization;

        @Option(names = "--author", description = "Author on the cover (default: the user name).")
        String author;

        @Option(names = "--date", description = "Report date yyyy-mm-dd (default today).")
        LocalDate date;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            requireXlsx(out);
            Integer fy = options.fiscalYear();
            String who = author != null ? author : System.getProperty("user.name", "");
            ReportInfo info = ReportInfo.of(title, organization, date, who, "EBPM Workbench " + WorkbenchCli.version());
            KpiReportJob.write(kpis, fy, options.grading(), options.yearStyle(), info, out);
            spec.commandLine().getOut().println("Wrote " + out.getFileName());
            return 0;
        }
    }

    /** {@code workbench report build}. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Report from a JSON spec (KPI, table and map items; see docs/reports.md).")
    static final class Build implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--spec", required = true, paramLabel = "F", description = "The report spec (JSON).")
        Path specFile;

        @Option(names = "--out", required = true, paramLabel = "F", description = "The report (.xlsx).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            requireXlsx(out);
            ReportSpec rs = ReportSpec.read(specFile);
            try (Project p = project.open()) {
                ReportBuilder.build(p, rs, "EBPM Workbench " + WorkbenchCli.version(), out, ProgressListener.NONE,
                        Cancellation.none());
            }
            spec.commandLine().getOut().println("Wrote " + out.getFileName());
            return 0;
        }
    }

    static void requireXlsx(Path out) {
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new IllegalArgumentException("--out must name an .xlsx file: " + out.getFileName());
        }
    }
}
