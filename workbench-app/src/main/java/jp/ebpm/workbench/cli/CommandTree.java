package jp.ebpm.workbench.cli;

import java.util.Arrays;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

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

    /** The tree for these arguments. */
    static CommandLine forArgs(String... args) {
        boolean version = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        Class<?> named = args.length == 0 || version ? null : subcommand(args[0]);
        if (named == null && !version) {
            return new CommandLine(new WorkbenchCli());
        }
        Command root = WorkbenchCli.class.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(new WorkbenchCli());
        spec.name(root.name());
        spec.mixinStandardHelpOptions(root.mixinStandardHelpOptions());
        spec.versionProvider(new WorkbenchCli.Version());
        spec.usageMessage().description(root.description());
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
