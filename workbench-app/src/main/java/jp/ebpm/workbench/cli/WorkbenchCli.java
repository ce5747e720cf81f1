package jp.ebpm.workbench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code workbench} command line. Exit codes: 0 success, 2 bad usage, 1 data error (message on
 * stderr). Output text is UTF-8.
 */
@Command(name = "workbench", mixinStandardHelpOptions = true, versionProvider = WorkbenchCli.Version.class,
        description = "EBPM Workbench command line. Without arguments the jar starts the GUI.",
        subcommands = {CatalogCommand.class, SqlCommand.class, ImportCommand.class, PreviewCommand.class,
                CrosstabCommand.class, RakeCommand.class, CodebookCommand.class,
                jp.ebpm.workbench.cli.gis.LayerCommand.class, jp.ebpm.workbench.cli.gis.MeshCommand.class,
                jp.ebpm.workbench.cli.gis.OverlayCommand.class, jp.ebpm.workbench.cli.gis.MapCommand.class,
                KpiCommand.class, ReportCommand.class, LocationCommand.class, AuditCommand.class,
                SampleCommand.class, jp.ebpm.workbench.cli.bench.BenchCommand.class, CommandLine.HelpCommand.class})
public final class WorkbenchCli {

    /** Exit code of a data error. */
    public static final int DATA_ERROR = 1;
    /** Exit code of bad usage. */
    public static final int USAGE_ERROR = 2;

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(out, err, args);
    }

    /** Runs the command line with the given output streams (used by tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = CommandTree.forArgs(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof WorkbenchException || ex instanceof CancelledException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return DATA_ERROR;
            }
            if (ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
                return USAGE_ERROR;
            }
            throw ex;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"EBPM Workbench " + version()};
        }
    }

    /** The application version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        String v = WorkbenchCli.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
