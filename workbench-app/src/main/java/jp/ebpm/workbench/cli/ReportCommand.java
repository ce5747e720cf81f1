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
            description = "KPI report from a register file (--kpis) or from the register stored in a project (--project --dataset):"
                    + " cover, KPI summary, one chart per KPI, sources.")
    static final class Kpi implements Callable<Integer> {
        @Option(names = "--kpis", paramLabel = "F", description = "KPI register (.xlsx or .csv).")
        Path kpis;

        @Option(names = "--project", paramLabel = "DIR", description = "The project holding the register (with --dataset).")
        Path project;

        @Option(names = "--dataset", paramLabel = "D", description = "The KPI dataset of the project (default: its only/first KPI dataset).")
        String dataset;

        @Option(names = "--out", required = true, paramLabel = "F", description = "The report (.xlsx).")
        Path out;

        @Mixin
        KpiOptions options;

        @Option(names = "--title", description = "Report title (default: " + jp.ebpm.analysis.kpi.KpiReport.DEFAULT_TITLE + ").")
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
            if ((kpis == null) == (project == null)) {
                throw new IllegalArgumentException("Give --kpis FILE, or --project DIR [--dataset D].");
            }
            Integer fy = options.fiscalYear();
            String who = author != null ? author : System.getProperty("user.name", "");
            ReportInfo info = ReportInfo.of(title != null ? title : jp.ebpm.analysis.kpi.KpiReport.DEFAULT_TITLE, organization, date, who,
                    "EBPM Workbench " + WorkbenchCli.version());
            if (kpis != null) {
                KpiReportJob.write(kpis, fy, options.grading(), options.yearStyle(), info, out);
            } else {
                try (Project p = Project.open(project)) {
                    java.util.List<String> names = jp.ebpm.analysis.kpi.KpiStore.datasets(p);
                    String name = dataset != null ? dataset : names.stream().findFirst().orElseThrow(() ->
                            new jp.ebpm.analysis.WorkbenchException("The project has no KPI register; store one with 'workbench kpi store'."));
                    var d = p.catalog().get(name);
                    // the project's grading table and year style unless given
                    jp.ebpm.analysis.kpi.GradingTable grading = options.grading != null ? options.grading()
                            : jp.ebpm.analysis.kpi.GradingTable.of(p);
                    jp.ebpm.analysis.kpi.YearStyle style = options.yearStyleGiven() ? options.yearStyle()
                            : p.catalog().setting(jp.ebpm.analysis.kpi.YearStyle.SETTING).map(jp.ebpm.analysis.kpi.YearStyle::parse)
                            .orElse(jp.ebpm.analysis.kpi.YearStyle.ERA);
                    KpiReportJob.write(jp.ebpm.analysis.kpi.KpiStore.load(p, name), jp.ebpm.analysis.export.xlsx.Provenance.of(
                            java.util.List.of(new jp.ebpm.analysis.export.xlsx.SourceRef(d.name(), d.sourceFile(), d.sourceSha256(),
                                    d.license())), who, java.time.Instant.now()), fy, grading, style, info, out);
                }
            }
            spec.commandLine().getOut().println("wrote " + out);
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

        @Option(names = "--author", paramLabel = "NAME", description = "Author on the cover and in the provenance (default: the"
                + " spec's \"author\", else the user name).")
        String author;

        @Option(names = "--organization", paramLabel = "ORG", description = "Organization on the cover (default: the spec's).")
        String organization;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            requireXlsx(out);
            ReportSpec rs = ReportSpec.read(specFile);
            String who = author != null ? author : !rs.author().isBlank() ? rs.author() : System.getProperty("user.name", "");
            rs = new ReportSpec(rs.title(), organization != null ? organization : rs.organization(), who, rs.date(), rs.fiscalYear(),
                    rs.yearStyle(), rs.grading(), rs.attributions(), rs.disclosureNotes(), rs.items());
            try (Project p = project.open()) {
                ReportBuilder.build(p, rs, "EBPM Workbench " + WorkbenchCli.version(), out, ProgressListener.NONE,
                        Cancellation.none());
            }
            spec.commandLine().getOut().println("wrote " + out);
            return 0;
        }
    }

    static void requireXlsx(Path out) {
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new IllegalArgumentException("--out must name an .xlsx file: " + out.getFileName());
        }
    }
}
