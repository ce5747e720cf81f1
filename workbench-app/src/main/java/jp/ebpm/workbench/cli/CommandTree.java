package jp.ebpm.workbench.cli;

import java.util.Arrays;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The picocli command tree for one run. picocli introspects every subcommand class by reflection when a tree is built
 * (the full tree of {@link WorkbenchCli} has about 80 commands), which took about a third of the start-up time of a
 * short command such as {@code catalog}. A run that names a subcommand therefore gets a tree of the root and that
 * subcommand only, and {@code --version} alone the root only; anything else ({@code --help}, {@code help}, an unknown or misspelt command, no command) gets the
 * full tree, so help texts and suggestions list every command.
 */
final class CommandTree {

    private CommandTree() {
    }

    /** The tree for these arguments (tests). */
    static CommandLine forArgs(String... args) {
        return forArgs(new WorkbenchCli(), args);
    }

    /** The tree for these arguments, with {@code root} as the root command object. */
    static CommandLine forArgs(WorkbenchCli root, String... args) {
        boolean version = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        int first = args.length > 0 && args[0].equals(WorkbenchCli.VERBOSE) ? 1 : 0;
        Class<?> named = args.length <= first || version ? null : subcommand(args[first]);
        if (named == null && !version) {
            return new CommandLine(root);
        }
        Command annotation = WorkbenchCli.class.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(root);
        spec.name(annotation.name());
        spec.mixinStandardHelpOptions(annotation.mixinStandardHelpOptions());
        spec.versionProvider(new WorkbenchCli.Version());
        spec.usageMessage().description(annotation.description());
        // the root's own options, as the annotated field declares them (CommandTreeTest compares with the full tree)
        spec.addOption(OptionSpec.builder(WorkbenchCli.VERBOSE)
                .arity("0").type(boolean.class).scopeType(ScopeType.INHERIT)
                .description(WorkbenchCli.VERBOSE_DESCRIPTION)
                .setter(new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        root.verbose = Boolean.TRUE.equals(value);
                        return null;
                    }
                })
                .getter(new IGetter() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> T get() {
                        return (T) Boolean.valueOf(root.verbose);
                    }
                })
                .build());
        CommandLine cl = new CommandLine(spec);
        if (named != null) {
            cl.addSubcommand(new CommandLine(named));
        }
        return cl;
    }

    /** The class of the subcommand called {@code name} (name or alias), or null; {@code help} needs the full tree. */
    static Class<?> subcommand(String name) {
        for (Class<?> c : WorkbenchCli.class.getAnnotation(Command.class).subcommands()) {
            Command sc = c.getAnnotation(Command.class);
            if (sc == null || c == CommandLine.HelpCommand.class) {
                continue;
            }
            if (sc.name().equals(name) || Arrays.asList(sc.aliases()).contains(name)) {
                return c;
            }
        }
        return null;
    }
}
