package jp.ebpm.analysis.privacy.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;

/** An audited output reaches its destination only after its audit entry (issue 16 part 4). */
class AuditedOutputIT {

    @TempDir
    Path dir;

    private static long scratchFiles(Project p) throws Exception {
        try (Stream<Path> s = Files.list(p.scratchDirectory())) {
            return s.count();
        }
    }

    @Test
    void theFileAppearsOnlyAfterTheRecordWithTheRecordedHash() throws Exception {
        try (Project p = Project.create(dir.resolve("p"))) {
            Path out = dir.resolve("out").resolve("table.csv");
            List<String> seen = new ArrayList<>();
            AuditedOutput.write(p, out, f -> Files.writeString(f, "a,b\n1,2\n", StandardCharsets.UTF_8), sha -> {
                assertFalse(Files.exists(out), "not at its destination before the audit entry");
                seen.add(sha);
            });
            assertEquals(List.of(AuditLog.sha256(out)), seen);
            assertEquals("a,b\n1,2\n", Files.readString(out));
            assertEquals(0, scratchFiles(p));
        }
    }

    @Test
    void aFailedRecordLeavesNoFileAndKeepsAnEarlierOne() throws Exception {
        try (Project p = Project.create(dir.resolve("p"))) {
            Path out = dir.resolve("table.csv");
            Files.writeString(out, "earlier");
            WorkbenchException e = assertThrows(WorkbenchException.class, () -> AuditedOutput.write(p, out,
                    f -> Files.writeString(f, "new"), sha -> {
                        throw new WorkbenchException("Cannot write the audit log: disk full");
                    }));
            assertTrue(e.getMessage().contains("audit log"));
            assertEquals("earlier", Files.readString(out));
            Path fresh = dir.resolve("fresh.png");
            assertThrows(WorkbenchException.class, () -> AuditedOutput.write(p, fresh, f -> Files.write(f, new byte[] {1}),
                    sha -> {
                        throw new WorkbenchException("no log");
                    }));
            assertFalse(Files.exists(fresh));
            assertEquals(0, scratchFiles(p));
        }
    }
}
