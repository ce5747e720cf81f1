import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Package step of workbench-app (run by the exec plugin with Java's single-file source launcher; not part of the
 * application): makes every command start faster.
 *
 * <p>DuckDB's JDBC jar holds its native library for four platforms and, when the library is found in the jar, unpacks
 * the 60 MB file into a new temporary file at every start. This program writes {@code lib/duckdb_jdbc-V.jar} without
 * this platform's library and puts the library beside it, where DuckDB loads it from directly (it looks there when the
 * jar lacks it); the other platforms' libraries stay in the jar and work as before. It also copies the launcher script
 * {@code src/main/launcher/workbench} to {@code target/workbench} and makes it executable.
 *
 * <p>Arguments: the full DuckDB jar, the lib folder, the launcher script, the target folder.
 */
public final class FastStart {

    public static void main(String[] args) throws IOException {
        Path duckdb = Path.of(args[0]);
        Path lib = Path.of(args[1]);
        String nativeName = nativeLibraryName();
        Path slim = lib.resolve(duckdb.getFileName());
        Path tmp = lib.resolve(duckdb.getFileName() + ".part");
        boolean found = false;
        try (ZipFile in = new ZipFile(duckdb.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            out.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                try (InputStream data = in.getInputStream(e)) {
                    if (e.getName().equals(nativeName)) {
                        Files.copy(data, lib.resolve(nativeName), StandardCopyOption.REPLACE_EXISTING);
                        found = true;
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    data.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        Files.move(tmp, slim, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("FastStart: " + (found ? nativeName + " beside " + slim.getFileName()
                : "no native library for this platform in " + duckdb.getFileName() + "; copied unchanged"));
        Path script = Path.of(args[3]).resolve("workbench");
        Files.copy(Path.of(args[2]), script, StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the script is for Linux and macOS
        }
    }

    /** The resource name DuckDB 1.5's DuckDBNative looks up for this JVM's platform. */
    static String nativeLibraryName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).trim();
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT).trim();
        String o = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "osx" : os.startsWith("linux") ? "linux" : os;
        String a = arch.equals("x86_64") || arch.equals("amd64") ? "amd64" : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
        return "libduckdb_java.so_" + o + "_" + (o.equals("osx") ? "universal" : a);
    }
}
