package jp.ebpm.workbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the command line in a separate JVM (same class path as the tests), for tests that need a small
 * heap, a signal or a kill.
 */
final class ChildCli {

    private ChildCli() {
    }

    /** A process builder for {@code java <jvmOptions> jp.ebpm.workbench.Launcher <args>}. */
    static ProcessBuilder builder(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("jp.ebpm.workbench.Launcher");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }
}
