package jp.ebpm.workbench.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the benchmark commands share: a scratch folder removed afterwards, and the machine line. */
final class BenchDirs {

    private BenchDirs() {
    }

    /** A benchmark body run in a fresh scratch folder. */
    @FunctionalInterface
    interface Body {
        void run(Path dir) throws Exception;
    }

    /** Runs {@code body} in a new temporary folder and deletes the folder afterwards, also on failure. */
    static void inScratch(String prefix, Body body) throws Exception {
        Path dir = Files.createTempDirectory(prefix);
        try {
            body.run(dir);
        } finally {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Prints rows, max heap, processors and the Java version: the figures a benchmark result needs beside it. */
    static void machine(PrintWriter out, long rows) {
        out.printf("rows=%d, max heap=%d MB, processors=%d, java=%s%n", rows, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }
}
