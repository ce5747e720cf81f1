package jp.ebpm.workbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures its output. */
public final class CliTestSupport {

    /** Output of one run. */
    public record Result(int exitCode, String out, String err) {
    }

    private CliTestSupport() {
    }

    /** Makes the command line read this passphrase (null: back to the environment), for tests of other packages. */
    public static void usePassphrase(String passphrase) {
        Passphrase.environment = passphrase == null ? System::getenv : name -> Passphrase.ENV.equals(name) ? passphrase : null;
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbenchCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
