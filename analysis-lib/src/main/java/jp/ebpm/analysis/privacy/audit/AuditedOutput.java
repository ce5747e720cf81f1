package jp.ebpm.analysis.privacy.audit;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.function.Consumer;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;

/**
 * Writes an output derived from private data so that it reaches its destination only after its audit
 * entry was committed: the output is written into the project's scratch folder, hashed, recorded (the
 * caller's audit step), and only then moved to the destination. When writing or recording fails, the
 * scratch copy is deleted and the destination is left as it was; a copy left behind by a killed process is
 * deleted when the project is next opened ({@link Project#open}).
 */
public final class AuditedOutput {

    private AuditedOutput() {
    }

    /** Writes the output into a file (the scratch copy). */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    /**
     * Writes, records and moves an output.
     *
     * @param target the destination; its extension is kept for the scratch copy (writers choose the format by it)
     * @param content writes the output
     * @param record  writes the audit entry, given the output's SHA-256 (hex); throws when it cannot
     * @throws WorkbenchException when the output cannot be written or moved, or the audit entry fails
     */
    public static void write(Project project, Path target, Content content, Consumer<String> record) {
        Path tmp = project.scratchDirectory().resolve("out-" + UUID.randomUUID() + "-" + target.getFileName());
        try {
            content.writeTo(tmp);
            record.accept(AuditLog.sha256(tmp));
            move(tmp, target.toAbsolutePath());
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write " + target.getFileName() + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // removed when the project is next opened
            }
        }
    }

    /**
     * Moves the recorded output into place: an atomic rename when the scratch folder is on the same file
     * system, else a copy next to the destination followed by an atomic rename, so the destination never
     * holds a half-written file.
     */
    private static void move(Path tmp, Path target) throws IOException {
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        } catch (AtomicMoveNotSupportedException e) {
            // another file system: copy beside the destination first
        }
        Path beside = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.copy(tmp, beside);
            Files.move(beside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(beside);
        }
    }
}
