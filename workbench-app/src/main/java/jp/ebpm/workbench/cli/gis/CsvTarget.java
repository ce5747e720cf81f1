package jp.ebpm.workbench.cli.gis;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command's CSV output written by the library as a file goes: the file named by {@code --out} (written beside
 * it under a temporary name and moved into place only when complete), or for {@code -} the standard output (written to
 * a temporary file, then streamed). An output that was not committed is deleted.
 */
final class CsvTarget implements AutoCloseable {

    private final Path file;
    private final Path destination;
    private final PrintWriter stdout;
    private boolean committed;

    private CsvTarget(Path file, Path destination, PrintWriter stdout) {
        this.file = file;
        this.destination = destination;
        this.stdout = stdout;
    }

    static CsvTarget of(String out, PrintWriter stdout) throws IOException {
        if (out.equals("-")) {
            return new CsvTarget(Files.createTempFile("wb-out-", ".csv"), null, stdout);
        }
        Path dest = Path.of(out).toAbsolutePath();
        Path dir = dest.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("The folder of --out does not exist: " + dir);
        }
        Path tmp = dest.resolveSibling(dest.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        return new CsvTarget(tmp, dest, null);
    }

    /** The file to write. */
    Path file() {
        return file;
    }

    /** Moves the complete file into place, or copies it to the standard output. */
    void commit() throws IOException {
        if (destination != null) {
            Files.move(file, destination, StandardCopyOption.REPLACE_EXISTING);
        } else {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                r.transferTo(stdout);
            }
            stdout.flush();
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed || destination == null) {
            Files.deleteIfExists(file);
        }
    }
}
