package jp.ebpm.analysis.export;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Permissions of written files. Exports are written to a temporary sibling and moved into place; the temporary file
 * is created like any new file (permissions from the user's umask), not with {@code Files.createTempFile}, whose
 * owner-only permissions would otherwise stay on the exported file and surprise a colleague who opens it from a
 * shared folder. Outputs derived from private data are made owner-only on purpose ({@link #restrictToOwner}), and
 * the caller says so.
 *
 * @since 0.3
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * A new, empty temporary file next to {@code target} ({@code .name.<random>.part}) with the permissions of an
     * ordinary new file.
     */
    public static Path temporarySibling(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    /**
     * Makes a file readable and writable by its owner only (POSIX {@code rw-------}); on file systems without POSIX
     * permissions nothing changes.
     *
     * @return whether the permissions were set
     */
    public static boolean restrictToOwner(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return false;
        }
        view.setPermissions(PosixFilePermissions.fromString("rw-------"));
        return true;
    }
}
