package jp.ebpm.workbench.cli;

import java.io.Console;
import java.util.function.UnaryOperator;

/**
 * Where the command line gets the passphrase of a project's private data: the environment variable
 * {@value #ENV}, else an interactive prompt without echo. Never a command-line argument (arguments are
 * visible to other users in the process list and end up in shell history).
 */
final class Passphrase {

    /** The environment variable holding the passphrase. */
    static final String ENV = "WORKBENCH_PASSPHRASE";

    /** Environment lookup; replaced by tests (the JVM's environment cannot be changed in-process). */
    static UnaryOperator<String> environment = System::getenv;

    private Passphrase() {
    }

    static char[] read(String prompt) {
        String v = environment.apply(ENV);
        if (v != null && !v.isEmpty()) {
            return v.toCharArray();
        }
        Console console = System.console();
        if (console != null) {
            char[] p = console.readPassword("%s: ", prompt);
            if (p != null && p.length > 0) {
                return p;
            }
        }
        throw new IllegalArgumentException("No passphrase: set the environment variable " + ENV
                + " or run the command in a terminal to be asked for it.");
    }
}
