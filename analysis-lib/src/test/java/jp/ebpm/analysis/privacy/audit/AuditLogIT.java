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

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.store.Project;

class AuditLogIT {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    private byte[] key;

    /** Three entries written while private data is unlocked (the head is a sealed setting). */
    private AuditLog threeEntries(Project p) {
        AuditLog log = new AuditLog(p);
        try (UnlockedVault v = UnlockedVault.openOrCreate(p, PASSPHRASE)) {
            key = v.auditKey();
            for (int i = 1; i <= 3; i++) {
                log.append(key, "pings", "aggregate.export", Map.of("by", "ward", "time", "hour"), 10, "out" + i + ".csv",
                        AuditLog.sha256(("content " + i).getBytes(StandardCharsets.UTF_8)));
            }
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
            AuditLog.Verification v = log.verify(key);
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
            assertTrue(log.verify(key).ok());
            assertFalse(log.verify(otherKey).ok());
        }
    }

    @Test
    void cutLastEntriesWithTheHeadResetAreDetected(@TempDir Path dir) throws Exception {
        // issue 12/16: cut the tail and reset the head in the settings to the new last entry, outside the workbench
        Path projectDir = dir.resolve("p");
        try (Project p = Project.create(projectDir)) {
            threeEntries(p);
        }
        Path file = projectDir.resolve(AuditLog.FILE);
        List<String> l = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        String secondHash = l.get(1).replaceAll(".*\"hash\":\"([0-9a-f]{64})\".*", "$1");
        Files.write(file, l.subList(0, 2), StandardCharsets.UTF_8);
        Tamper.sql(projectDir, "UPDATE _wb_settings SET value = '2:" + secondHash + "' WHERE key = 'privacy.audit.head'");
        try (Project p = Project.open(projectDir)) {
            AuditLog.Verification withKey = new AuditLog(p).verify(key);
            assertFalse(withKey.ok());
            assertTrue(withKey.problems().toString().contains("changed outside the workbench"), withKey.problems().toString());
            // without the passphrase the anchor in the key file still records entry 3
            AuditLog.Verification noKey = new AuditLog(p).verify(null);
            assertFalse(noKey.ok());
            assertTrue(noKey.problems().toString().contains("the head recorded in the key file"), noKey.problems().toString());
            jp.ebpm.analysis.WorkbenchException e = org.junit.jupiter.api.Assertions.assertThrows(
                    jp.ebpm.analysis.WorkbenchException.class, () -> UnlockedVault.unlock(p, PASSPHRASE));
            assertTrue(e.getMessage().startsWith("Refused: the privacy settings or the audit log"), e.getMessage());
        }
    }

    @Test
    void cutLastEntryWithoutTouchingTheHeadIsDetectedWithoutTheKey(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir.resolve("p"))) {
            AuditLog log = threeEntries(p);
            List<String> l = lines(log);
            Files.write(log.file(), l.subList(0, 1), StandardCharsets.UTF_8);
            AuditLog.Verification v = log.verify(null);
            assertFalse(v.ok());
            assertTrue(v.problems().toString().contains("entries were removed at the end"), v.problems().toString());
        }
    }

    @Test
    void aDeletedLogIsDetected(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir.resolve("p"))) {
            AuditLog log = threeEntries(p);
            Files.delete(log.file());
            assertFalse(log.verify(null).ok());
            assertFalse(log.verify(key).ok());
        }
    }

    @Test
    void anEntryWrittenButNotYetRecordedAsTheHeadIsAdopted(@TempDir Path dir) throws Exception {
        // the crash window between the log line and the head: appending while private data is locked writes
        // the line and then fails to record the head, exactly as a crash would leave it
        try (Project p = Project.create(dir.resolve("p"))) {
            AuditLog log = threeEntries(p);
            org.junit.jupiter.api.Assertions.assertThrows(jp.ebpm.analysis.WorkbenchException.class,
                    () -> log.append(key, "pings", "aggregate.view", Map.of(), 10, "screen", AuditLog.sha256(new byte[0])));
            assertEquals(4, log.read().size());
            assertTrue(log.verify(key).ok(), log.verify(key).problems().toString());
            try (UnlockedVault v = UnlockedVault.unlock(p, PASSPHRASE)) {
                assertEquals("4:" + log.read().get(3).hash(), p.catalog().setting(PrivacySeal.HEAD).orElseThrow());
            }
            assertTrue(log.verify(key).ok());
        }
    }
}
