package jp.ebpm.analysis.privacy.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.crypto.Keyring;
import jp.ebpm.analysis.privacy.crypto.LegacyKeyring;
import jp.ebpm.analysis.privacy.location.LocationService;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.Project;

/**
 * The privacy settings (k, suppression memory, audit head) are sealed with the audit key and anchored in the
 * key file (issue 16): every change made outside the workbench is detected and private data stays locked,
 * like the audit log's own tamper tests ({@link AuditLogIT}).
 */
class PrivacySealIT {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    private static final String MEMORY = "privacy.suppressed.pings|aggregate|ward|wards|hour";

    @TempDir
    Path dir;
    private Path projectDir;
    private byte[] key;

    /** A project with k = 10, a remembered suppression pattern and two audit entries. */
    @BeforeEach
    void create() {
        projectDir = dir.resolve("p");
        try (Project p = Project.create(projectDir); UnlockedVault v = UnlockedVault.openOrCreate(p, PASSPHRASE)) {
            key = v.auditKey();
            new LocationService(v).setProjectK(10);
            p.catalog().putSetting(MEMORY, "[\"14131\\t01\",\"14131\\t02\"]");
            new AuditLog(p).append(key, "pings", "aggregate.export", Map.of("by", "ward"), 10, "a.csv",
                    AuditLog.sha256(new byte[] {1}));
        }
    }

    private WorkbenchException refusedAtUnlock() {
        try (Project p = Project.open(projectDir)) {
            WorkbenchException e = assertThrows(WorkbenchException.class, () -> UnlockedVault.unlock(p, PASSPHRASE));
            assertTrue(e.getMessage().startsWith("Refused: the privacy settings or the audit log"), e.getMessage());
            AuditLog.Verification v = new AuditLog(p).verify(key);
            assertFalse(v.ok());
            assertEquals(e.getMessage().contains("older than"), v.problems().toString().contains("older than"));
            return e;
        }
    }

    @Test
    void anIntactProjectUnlocksAndVerifies() {
        try (Project p = Project.open(projectDir)) {
            assertTrue(new AuditLog(p).verify(key).ok(), new AuditLog(p).verify(key).problems().toString());
            assertTrue(new AuditLog(p).verify(null).ok());
            try (UnlockedVault v = UnlockedVault.unlock(p, PASSPHRASE)) {
                assertEquals(10, LocationService.projectK(p.catalog()));
                assertEquals(2, new AuditLog(p).read().size()); // settings.k and the export
                assertEquals("settings.k", new AuditLog(p).read().get(0).operation());
            }
        }
    }

    @Test
    void lowerKOutsideTheWorkbenchIsRefused() throws Exception {
        Tamper.sql(projectDir, "UPDATE _wb_settings SET value = '3' WHERE key = 'privacy.k'");
        assertTrue(refusedAtUnlock().getMessage().contains("changed outside the workbench"));
    }

    @Test
    void deletedKIsRefused() throws Exception {
        Tamper.sql(projectDir, "DELETE FROM _wb_settings WHERE key = 'privacy.k'");
        refusedAtUnlock();
    }

    @Test
    void deletedSuppressionMemoryIsRefused() throws Exception {
        Tamper.sql(projectDir, "DELETE FROM _wb_settings WHERE key LIKE 'privacy.suppressed.%'");
        refusedAtUnlock();
    }

    @Test
    void shrunkSuppressionMemoryIsRefused() throws Exception {
        Tamper.sql(projectDir, "UPDATE _wb_settings SET value = '[]' WHERE key LIKE 'privacy.suppressed.%'");
        refusedAtUnlock();
    }

    @Test
    void removingEveryPrivacySettingIncludingTheSealIsRefused() throws Exception {
        Tamper.sql(projectDir, "DELETE FROM _wb_settings WHERE key LIKE 'privacy.%'");
        assertTrue(refusedAtUnlock().getMessage().contains("no seal"));
    }

    @Test
    void aSealCopiedFromAnotherGenerationIsRefused() throws Exception {
        Tamper.sql(projectDir, "UPDATE _wb_settings SET value = '1:' || split_part(value, ':', 2) WHERE key = '"
                + Catalog.SEAL_KEY + "'");
        refusedAtUnlock();
    }

    @Test
    void anOlderCopyOfTheDatabaseIsRefused() throws Exception {
        Path copy = dir.resolve("old.duckdb");
        Files.copy(projectDir.resolve(Project.DB_FILE), copy);
        try (Project p = Project.open(projectDir); UnlockedVault v = UnlockedVault.unlock(p, PASSPHRASE)) {
            p.catalog().putSetting(MEMORY, "[\"14131\\t01\",\"14131\\t02\",\"14132\\t03\"]");
        }
        Files.copy(copy, projectDir.resolve(Project.DB_FILE), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(refusedAtUnlock().getMessage().contains("older than the key file"));
    }

    @Test
    void anEditedAnchorIsRefused() throws Exception {
        Path f = projectDir.resolve("private").resolve(Keyring.FILE);
        String json = Files.readString(f, StandardCharsets.UTF_8);
        Files.writeString(f, json.replaceFirst("\\\\\"generation\\\\\":(\\d+)", "\\\\\"generation\\\\\":99"), StandardCharsets.UTF_8);
        assertTrue(refusedAtUnlock().getMessage().contains("record of the privacy state in the key file was changed"));
    }

    @Test
    void aRemovedAnchorIsRefused() throws Exception {
        Path f = projectDir.resolve("private").resolve(Keyring.FILE);
        String json = Files.readString(f, StandardCharsets.UTF_8);
        Files.writeString(f, json.replaceAll(",\\s*\"anchor\"\\s*:\\s*\"([^\"\\\\]|\\\\.)*\"", ""), StandardCharsets.UTF_8);
        assertFalse(Files.readString(f).contains("anchor"));
        assertTrue(refusedAtUnlock().getMessage().contains("no valid record"));
    }

    @Test
    void aRemovedKeyFileWithPrivacyStateLeftIsRefusedWhenANewPassphraseIsSet() throws Exception {
        Files.delete(projectDir.resolve("private").resolve(Keyring.FILE));
        try (Project p = Project.open(projectDir)) {
            WorkbenchException e = assertThrows(WorkbenchException.class, () -> UnlockedVault.openOrCreate(p, PASSPHRASE));
            assertTrue(e.getMessage().contains("no key file"), e.getMessage());
            assertFalse(new AuditLog(p).verify(null).ok());
        }
    }

    @Test
    void privacySettingsCannotBeWrittenWhileLocked() {
        try (Project p = Project.open(projectDir)) {
            assertThrows(WorkbenchException.class, () -> p.catalog().putSetting("privacy.k", "3"));
            assertThrows(WorkbenchException.class, () -> p.catalog().putSetting(MEMORY, "[]"));
            assertEquals("10", p.catalog().setting("privacy.k").orElseThrow());
            // ordinary settings need no key
            p.catalog().putSetting("kpi.yearStyle", "era");
        }
    }

    @Test
    void aKeyFileWhoseAnchorWriteWasInterruptedIsBroughtUpToDate() throws Exception {
        // a crash after the database committed and before the key file was replaced leaves the anchor one
        // generation behind: the database's seal verifies, so the state is adopted and the anchor rewritten
        Path f = projectDir.resolve("private").resolve(Keyring.FILE);
        byte[] before = Files.readAllBytes(f);
        try (Project p = Project.open(projectDir); UnlockedVault v = UnlockedVault.unlock(p, PASSPHRASE)) {
            p.catalog().putSetting(MEMORY, "[\"14131\\t01\",\"14131\\t02\",\"14132\\t03\"]");
        }
        Files.write(f, before);
        try (Project p = Project.open(projectDir)) {
            assertTrue(new AuditLog(p).verify(key).ok());
            try (UnlockedVault v = UnlockedVault.unlock(p, PASSPHRASE)) {
                assertTrue(Keyring.anchor(projectDir.resolve("private")).orElseThrow()
                        .contains("\"generation\":" + p.catalog().seal().orElseThrow().generation()));
            }
        }
    }

    @Test
    void aProjectFromBeforeTheSealIsAdoptedOnFirstUnlock(@TempDir Path other) throws Exception {
        Path legacy = other.resolve("legacy");
        Project.create(legacy).close();
        LegacyKeyring.write(legacy.resolve("private"), PASSPHRASE);
        Tamper.sql(legacy, "INSERT INTO _wb_settings VALUES ('privacy.k', '12')");
        try (Project p = Project.open(legacy)) {
            try (UnlockedVault v = UnlockedVault.unlock(p, PASSPHRASE)) {
                assertEquals(12, LocationService.projectK(p.catalog()));
                assertTrue(p.catalog().seal().isPresent());
            }
            assertEquals(2, Keyring.version(legacy.resolve("private")));
        }
        Tamper.sql(legacy, "UPDATE _wb_settings SET value = '3' WHERE key = 'privacy.k'");
        try (Project p = Project.open(legacy)) {
            assertThrows(WorkbenchException.class, () -> UnlockedVault.unlock(p, PASSPHRASE));
        }
    }
}
