package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 12: no stack trace reaches the user from any command. Every subcommand of the command line (except the
 * benchmarks, which generate gigabytes) is run once for each of its file options with a garbage file (random
 * bytes named .csv, .xlsx, .geojson and .zip), the other required options filled with plausible values. Whatever
 * the outcome, stderr must hold no "Exception", no "at java." and no "Error:" of the JVM, and the exit code must
 * be 0, 1 or 2.
 */
class EveryCommandGarbageFileTest {

    @TempDir
    Path dir;

    @BeforeEach
    void passphrase() {
        Passphrase.environment = name -> Passphrase.ENV.equals(name) ? "a long test passphrase" : null;
    }

    @AfterEach
    void restore() {
        Passphrase.environment = System::getenv;
    }

    @Test
    void noCommandPrintsAStackTraceForAGarbageFile() throws Exception {
        List<Path> garbage = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(12);
        for (String ext : List.of("csv", "xlsx", "geojson", "zip")) {
            byte[] b = new byte[3000];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) rnd.nextInt(256);
            }
            if (ext.equals("xlsx") || ext.equals("zip")) {
                b[0] = 'P';
                b[1] = 'K';
                b[2] = 3;
                b[3] = 4;
            }
            garbage.add(Files.write(dir.resolve("garbage." + ext), b));
        }
        List<String> runs = new ArrayList<>();
        int[] counter = {0};
        visit(new CommandLine(new WorkbenchCli()), garbage, runs, counter);
        assertTrue(counter[0] > 40, "expected many command runs, got " + counter[0] + ": " + runs);
    }

    private void visit(CommandLine cl, List<Path> garbage, List<String> runs, int[] counter) throws Exception {
        String name = cl.getCommandSpec().qualifiedName(" ");
        if (cl.getCommandName().equals("bench") || cl.getCommandName().equals("help")) {
            return;
        }
        if (!cl.getSubcommands().isEmpty()) {
            for (CommandLine sub : new java.util.LinkedHashSet<>(cl.getSubcommands().values())) {
                visit(sub, garbage, runs, counter);
            }
            return;
        }
        CommandSpec spec = cl.getCommandSpec();
        List<OptionSpec> fileOptions = spec.options().stream().filter(o -> isFile(o) && !isOutput(o)).toList();
        for (OptionSpec target : fileOptions) {
            for (Path g : garbage) {
                List<String> args = new ArrayList<>(List.of(name.replaceFirst("^workbench ", "").split(" ")));
                Path work = Files.createTempDirectory(dir, "run");
                for (OptionSpec o : spec.options()) {
                    if (o == target) {
                        args.add(o.longestName());
                        args.add(g.toString());
                    } else if (o.required()) {
                        args.add(o.longestName());
                        args.add(value(o, work, garbage.get(0)));
                    }
                }
                counter[0]++;
                runs.add(String.join(" ", args));
                CliTestSupport.Result r = CliTestSupport.run(args.toArray(new String[0]));
                String what = String.join(" ", args) + " -> exit " + r.exitCode() + "\n" + r.err();
                System.out.println("TRANSCRIPT " + what.replace(dir.toString(), "T"));
                assertFalse(r.err().contains("Exception"), what);
                assertFalse(r.err().contains("at java."), what);
                assertFalse(r.err().contains("\tat "), what);
                assertTrue(r.exitCode() >= 0 && r.exitCode() <= 2, what);
                if (r.exitCode() == 1) {
                    assertTrue(r.err().startsWith("error: "), what);
                    assertTrue(r.err().strip().lines().count() == 1, "one line: " + what);
                }
            }
        }
    }

    private static boolean isFile(OptionSpec o) {
        return o.type() == Path.class || o.type() == File.class
                || (o.type().isArray() && o.type().getComponentType() == Path.class)
                || (List.class.isAssignableFrom(o.type()) && o.auxiliaryTypes().length > 0 && o.auxiliaryTypes()[0] == Path.class);
    }

    private static boolean isOutput(OptionSpec o) {
        String n = o.longestName();
        return n.equals("--project") || n.equals("--out") || n.equals("--dir") || n.startsWith("--out-") || n.endsWith("-out");
    }

    /** A plausible value for a required option that is not under test. */
    private static String value(OptionSpec o, Path work, Path someFile) {
        String n = o.longestName();
        if (n.equals("--project") || n.equals("--dir")) {
            return work.resolve("project").toString();
        }
        if (n.equals("--out") || n.startsWith("--out")) {
            return work.resolve("out.csv").toString();
        }
        if (isFile(o)) {
            return someFile.toString();
        }
        Class<?> t = o.type();
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == double.class || t == Double.class) {
            return "1";
        }
        if (n.equals("--kind")) {
            return "pings";
        }
        if (n.equals("--by")) {
            return "ward";
        }
        if (n.equals("--time")) {
            return "hour";
        }
        return "x";
    }
}
