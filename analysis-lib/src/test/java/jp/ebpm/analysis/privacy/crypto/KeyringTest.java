package jp.ebpm.analysis.privacy.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;

class KeyringTest {

    @Test
    void unlockWithTheRightPassphraseGivesTheSameSecrets(@TempDir Path dir) throws Exception {
        Keyring.Secrets a = Keyring.create(dir, "correct horse".toCharArray());
        Keyring.Secrets b = Keyring.unlock(dir, "correct horse".toCharArray());
        assertEquals(a.pseudonymizer().pseudonym("device-1"), b.pseudonymizer().pseudonym("device-1"));
        String json = Files.readString(dir.resolve(Keyring.FILE));
        assertTrue(json.contains("\"iterations\" : 600000"), json);
        assertTrue(!json.toLowerCase().contains("correct horse"));
    }

    @Test
    void wrongPassphraseIsAClearError(@TempDir Path dir) {
        Keyring.create(dir, "correct horse".toCharArray());
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> Keyring.unlock(dir, "wrong horse".toCharArray()));
        assertTrue(e.getMessage().contains("passphrase is wrong"), e.getMessage());
    }

    @Test
    void shortPassphraseRefused(@TempDir Path dir) {
        assertThrows(WorkbenchException.class, () -> Keyring.create(dir, "short".toCharArray()));
    }

    @Test
    void pseudonymsDependOnTheProjectSecret(@TempDir Path a, @TempDir Path b) {
        long pa = Keyring.create(a, "passphrase-1".toCharArray()).pseudonymizer().pseudonym("same-id");
        long pb = Keyring.create(b, "passphrase-1".toCharArray()).pseudonymizer().pseudonym("same-id");
        assertNotEquals(pa, pb); // two random 32-byte secrets: equal with probability 2^-64
    }

    @Test
    void pseudonymIsTheHmacPrefix() throws Exception {
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            key[i] = (byte) i;
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.clone(), "HmacSHA256"));
        long expected = java.nio.ByteBuffer.wrap(mac.doFinal("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8))).getLong();
        // expectation: first 8 bytes of JDK HmacSHA256(key 00..1f, "abc"), big-endian
        assertEquals(expected, new Pseudonymizer(key).pseudonym("abc"));
    }

    @Test
    void theAnchorIsStoredWithoutTouchingTheKeys(@TempDir Path dir) throws Exception {
        Keyring.Secrets a = Keyring.create(dir, "correct horse".toCharArray(), s -> "{\"generation\":0}");
        assertEquals(2, Keyring.version(dir));
        assertEquals("{\"generation\":0}", Keyring.anchor(dir).orElseThrow());
        Keyring.writeAnchor(dir, "{\"generation\":7}");
        assertEquals("{\"generation\":7}", Keyring.anchor(dir).orElseThrow());
        Keyring.Secrets b = Keyring.unlock(dir, "correct horse".toCharArray());
        assertEquals(a.pseudonymizer().pseudonym("x"), b.pseudonymizer().pseudonym("x"));
        assertTrue(!b.legacy());
    }

    @Test
    void aVersionOneFileIsUpgradedAndCannotBePassedOffAsVersionOneAfterwards(@TempDir Path dir) throws Exception {
        LegacyKeyring.write(dir, "correct horse".toCharArray());
        Keyring.Secrets a = Keyring.unlock(dir, "correct horse".toCharArray());
        assertTrue(a.legacy());
        assertTrue(Keyring.anchor(dir).isEmpty());
        Keyring.upgrade(dir, "correct horse".toCharArray(), "{\"generation\":1}");
        assertEquals(2, Keyring.version(dir));
        Keyring.Secrets b = Keyring.unlock(dir, "correct horse".toCharArray());
        assertEquals(a.pseudonymizer().pseudonym("x"), b.pseudonymizer().pseudonym("x"));
        // editing the version back to 1 (to escape the anchor check) breaks the keys: the version is authenticated
        Path f = dir.resolve(Keyring.FILE);
        Files.writeString(f, Files.readString(f).replace("\"version\" : 2", "\"version\" : 1"));
        assertEquals(1, Keyring.version(dir));
        assertThrows(WorkbenchException.class, () -> Keyring.unlock(dir, "correct horse".toCharArray()));
    }
}
