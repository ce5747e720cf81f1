package jp.ebpm.workbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper run in a fresh JVM by {@link DeterministicOutputTest}: runs several workbench commands (separated by
 * {@code ;;}) and writes each one's standard output to {@code out-<i>.txt} in the folder given first. A fresh JVM
 * matters: {@code Map.of} and {@code Set.of} iterate in an order that changes from JVM to JVM.
 */
public final class RunCommands {

    private RunCommands() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(";;")) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(args[i]);
            }
        }
        commands.add(current);
        for (int i = 0; i < commands.size(); i++) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = WorkbenchCli.run(new PrintWriter(out), new PrintWriter(err), commands.get(i).toArray(String[]::new));
            Files.writeString(dir.resolve("out-" + i + ".txt"), "exit " + code + "\n" + out + "\n--stderr--\n" + err,
                    StandardCharsets.UTF_8);
        }
    }
}
