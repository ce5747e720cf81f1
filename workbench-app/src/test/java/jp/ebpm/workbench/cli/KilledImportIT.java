package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.store.Project;

/**
 * Issue 16 part 4: {@code kill -9} during a CP932 import left the transcoded UTF-8 copy in
 * {@code <project>/.tmp} for ever. Now the next open of the project deletes it, and the killed import left
 * no dataset behind.
 */
class KilledImportIT {

    @TempDir
    Path dir;

    private static long scratchBytes(Path scratch) throws Exception {
        if (!Files.isDirectory(scratch)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(scratch)) {
            long n = 0;
            for (Path f : s.toList()) {
                n += Files.isRegularFile(f) ? Files.size(f) : 0;
            }
            return n;
        }
    }

    @Test
    void theTranscodedCopyOfAKilledImportIsCleanedWhenTheProjectOpens() throws Exception {
        Path csv = dir.resolve("cp932.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, Charset.forName("windows-31j"))) {
            w.write("番号,区名,氏名,備考\n");
            for (int i = 0; i < 800_000; i++) {
                w.write(i + ",川崎区,髙橋　一郎" + (i % 97) + ",①～⑳のいずれか、半角ｶﾅも含む行\n");
            }
        }
        Path project = dir.resolve("p");
        Project.create(project).close();
        Path scratch = project.resolve(Project.SCRATCH_DIR);
        Process p = ChildCli.builder(List.of("-Xmx256m"), "import", "--project", project.toString(), "--file", csv.toString(),
                        "--encoding", "cp932", "--name", "big")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean caught = false;
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (p.isAlive() && System.nanoTime() < deadline) {
                if (scratchBytes(scratch) > 1_000_000) {
                    p.destroyForcibly(); // kill -9 while the transcoded copy is on disk
                    caught = true;
                    break;
                }
                Thread.sleep(2);
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(1, TimeUnit.MINUTES);
        }
        Assumptions.assumeTrue(caught, "the import finished before it could be killed (machine too fast for this file)");
        assertTrue(scratchBytes(scratch) > 0, "the kill left the transcoded copy behind");
        try (Project reopened = Project.open(project)) {
            assertEquals(0, scratchBytes(scratch), "the stale copy is deleted when the project opens");
            assertFalse(reopened.catalog().find("big").isPresent(), "a killed import leaves no dataset");
        }
    }
}
