package jp.ebpm.analysis.privacy.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.store.Project;

class AuditLogIT {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static AuditLog threeEntries(Project p) {
        AuditLog log = new AuditLog(p);
        for (int i = 1; i <= 3; i++) {
            log.append(KEY, "pings", "aggregate.export", Map.of("by", "ward", "time", "hour"), 10, "out" + i + ".csv",
                    AuditLog.sha256(("content " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return log;
    }

    private static List<String> lines(AuditLog log) throws Exception {
        return new ArrayList<>(Files.readAllLines(log.file(), StandardCharsets.UTF_8));
    }

    @Test
    void intactLogVerifiesAndChains(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir)) {
            AuditLog log = threeEntries(p);
            AuditLog.Verification v = log.verify(KEY);
            assertTrue(v.ok(), v.problems().toString());
            assertEquals(3, v.entries());
            List<AuditEntry> e = log.read();
            assertEquals(AuditLog.GENESIS, e.get(0).prevHash());
            assertEquals(e.get(0).hash(), e.get(1).prevHash());
            assertEquals(System.getProperty("user.name"), e.get(2).user());
            Path copy = dir.resolve("exported.jsonl");
            log.export(copy);
            assertEquals(Files.readString(log.file()), Files.readString(copy));
        }
    }

    @Test
    void changedEntryIsDetected(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir)) {
            AuditLog log = threeEntries(p);
            List<String> l = lines(log);
            l.set(1, l.get(1).replace("\"k\":10", "\"k\":3"));
            Files.write(log.file(), l, StandardCharsets.UTF_8);
            assertFalse(log.verify(null).ok());
        }
    }

    @Test
    void deletedMiddleEntryIsDetected(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir)) {
            AuditLog log = threeEntries(p);
            List<String> l = lines(log);
            l.remove(1);
            Files.write(log.file(), l, StandardCharsets.UTF_8);
            assertFalse(log.verify(null).ok());
        }
    }

    @Test
    void deletedLastEntryIsDetected(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir)) {
            AuditLog log = threeEntries(p);
            List<String> l = lines(log);
            l.remove(2);
            Files.write(log.file(), l, StandardCharsets.UTF_8);
            assertFalse(log.verify(null).ok());
        }
    }

    @Test
    void reorderedEntriesAreDetected(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir)) {
            AuditLog log = threeEntries(p);
            List<String> l = lines(log);
            Collections.swap(l, 0, 1);
            Files.write(log.file(), l, StandardCharsets.UTF_8);
            assertFalse(log.verify(null).ok());
        }
    }

    @Test
    void rewrittenChainWithoutTheKeyFailsTheMacCheck(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir)) {
            AuditLog log = threeEntries(p);
            byte[] otherKey = "another key another key another!".getBytes(StandardCharsets.US_ASCII);
            assertTrue(log.verify(KEY).ok());
            assertFalse(log.verify(otherKey).ok());
        }
    }
}
