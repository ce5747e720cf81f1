package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The tree built for one named subcommand is the full tree's, cut to that subcommand. */
class CommandTreeTest {

    private static Map<String, String> describe(CommandSpec spec) {
        Map<String, String> m = new TreeMap<>();
        for (OptionSpec o : spec.options()) {
            m.put(String.join("|", o.names()), o.arity() + " " + o.required() + " " + o.scopeType());
        }
        m.put("#positional", String.valueOf(spec.positionalParameters().size()));
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            describe(sub.getValue().getCommandSpec()).forEach((k, v) -> m.put(sub.getKey() + " " + k, v));
        }
        return m;
    }

    @Test
    void everyNamedSubcommandGetsTheSameCommandAndTheSameRoot() {
        CommandLine full = new CommandLine(new WorkbenchCli());
        assertEquals(java.util.Set.of("-h|--help", "-V|--version", "--verbose", "#positional"), describeRoot(full.getCommandSpec()).keySet(),
                "the root has options besides --help/--version: CommandTree must build them too");
        for (Map.Entry<String, CommandLine> e : full.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                assertNull(CommandTree.subcommand("help"));
                continue;
            }
            CommandLine lazy = CommandTree.forArgs(e.getKey(), "--help");
            assertEquals(List.of(e.getKey()), List.copyOf(lazy.getSubcommands().keySet()));
            assertEquals(describeRoot(full.getCommandSpec()), describeRoot(lazy.getCommandSpec()), e.getKey());
            assertEquals(full.getCommandSpec().name(), lazy.getCommandSpec().name());
            assertEquals(describe(e.getValue().getCommandSpec()), describe(lazy.getSubcommands().get(e.getKey()).getCommandSpec()),
                    e.getKey());
        }
        assertEquals(full.getSubcommands().keySet(), CommandTree.forArgs("--help").getSubcommands().keySet());
        assertEquals(0, CommandTree.forArgs("--version").getSubcommands().size());
        assertEquals(describeRoot(full.getCommandSpec()), describeRoot(CommandTree.forArgs("-V").getCommandSpec()));
        assertEquals(full.getSubcommands().keySet(), CommandTree.forArgs("catalg").getSubcommands().keySet());
    }

    private static Map<String, String> describeRoot(CommandSpec spec) {
        Map<String, String> m = new TreeMap<>();
        for (OptionSpec o : spec.options()) {
            m.put(String.join("|", o.names()), o.arity() + " " + o.required() + " " + o.scopeType());
        }
        m.put("#positional", String.valueOf(spec.positionalParameters().size()));
        return m;
    }
}
