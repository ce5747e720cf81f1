package jp.ebpm.workbench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jp.ebpm.analysis.WorkbenchException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code workbench} command line. Exit codes: 0 success, 2 bad usage, 1 data error (one line on stderr,
 * in plain words, no stack trace; {@code --verbose} adds the technical detail). Output text is UTF-8.
 */
@Command(name = "workbench", mixinStandardHelpOptions = true, versionProvider = WorkbenchCli.Version.class,
        description = "EBPM Workbench command line. Without arguments the jar starts the GUI.",
        subcommands = {CatalogCommand.class, SqlCommand.class, ImportCommand.class, PreviewCommand.class,
                CrosstabCommand.class, RakeCommand.class, CodebookCommand.class,
                jp.ebpm.workbench.cli.gis.LayerCommand.class, jp.ebpm.workbench.cli.gis.MeshCommand.class,
                jp.ebpm.workbench.cli.gis.OverlayCommand.class, jp.ebpm.workbench.cli.gis.MapCommand.class,
                KpiCommand.class, ReportCommand.class, LocationCommand.class, AuditCommand.class,
                SampleCommand.class, jp.ebpm.workbench.cli.bench.BenchCommand.class,
                jp.ebpm.workbench.cli.evaluation.RegressCommand.class, jp.ebpm.workbench.cli.evaluation.DidCommand.class, jp.ebpm.workbench.cli.evaluation.LqCommand.class, jp.ebpm.workbench.cli.evaluation.PyramidCommand.class, jp.ebpm.workbench.cli.evaluation.ProjectPopulationCommand.class,
                CommandLine.HelpCommand.class})
public final class WorkbenchCli {

    /** Exit code of a data error. */
    public static final int DATA_ERROR = 1;
    /** Exit code of bad usage. */
    public static final int USAGE_ERROR = 2;

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        // Library log lines (POI, DuckDB bridges) would reach stderr through slf4j-simple, with logger class names and
        // stack traces: the command line shows only its own one-line messages, and the detail with --verbose.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                    java.util.Arrays.asList(args).contains("--verbose") ? "warn" : "off");
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(out, err, args);
    }

    /** The name of the global option that adds technical detail to errors. */
    static final String VERBOSE = "--verbose";
    /** Its help text. */
    static final String VERBOSE_DESCRIPTION = "On an error, also print the technical detail (for a bug report).";

    /**
     * {@code --verbose} (accepted before or after the subcommand): on an error, print the technical detail (cause
     * chain and stack trace) below the one-line message.
     */
    @Option(names = VERBOSE, scope = ScopeType.INHERIT, description = VERBOSE_DESCRIPTION)
    boolean verbose;

    /** Runs the command line with the given output streams (used by tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        WorkbenchCli root = new WorkbenchCli();
        CommandLine cl = CommandTree.forArgs(root, args);
        cl.setOut(out);
        cl.setErr(err);
        // One handler for every command: the user sees one line in plain words, exit 1 for data errors and
        // 2 for bad usage; the technical detail only with --verbose.
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean usage = ex instanceof IllegalArgumentException && !(ex instanceof WorkbenchException)
                    && ex.getMessage() != null && !ex.getMessage().isBlank();
            CliErrors.print(commandLine.getErr(), ex, root.verbose);
            if (usage) {
                commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
                return USAGE_ERROR;
            }
            return DATA_ERROR;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (RuntimeException | Error e) {
            // thrown outside a command's call(), e.g. while picocli builds a command or an Error inside one
            CliErrors.print(err, e, root.verbose || java.util.Arrays.asList(args).contains("--verbose"));
            code = DATA_ERROR;
        }
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
