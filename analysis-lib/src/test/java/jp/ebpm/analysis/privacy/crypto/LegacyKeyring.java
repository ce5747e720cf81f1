package jp.ebpm.analysis.privacy.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes a key file in the version-1 format (before the privacy anchor), as earlier versions of the workbench did. */
public final class LegacyKeyring {

    private LegacyKeyring() {
    }

    /** Writes a version-1 key file with fresh secrets (same fields and associated data as version 0.1). */
    public static void write(Path privateDir, char[] passphrase) throws IOException {
        byte[] plain = Aead.random(64);
        byte[] salt = Aead.random(16);
        byte[] nonce = Aead.random(Aead.NONCE_BYTES);
        byte[] kek = Keyring.derive(passphrase, salt, Keyring.ITERATIONS);
        byte[] ct = Aead.encrypt(kek, nonce, "ebpm-workbench keyring v1".getBytes(StandardCharsets.UTF_8), plain, 0, 64);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "ebpm-workbench-keyring");
        m.put("version", 1);
        m.put("kdf", "PBKDF2WithHmacSHA256");
        m.put("iterations", Keyring.ITERATIONS);
        m.put("salt", Base64.getEncoder().encodeToString(salt));
        m.put("cipher", "AES-256-GCM");
        m.put("nonce", Base64.getEncoder().encodeToString(nonce));
        m.put("wrapped_keys", Base64.getEncoder().encodeToString(ct));
        Files.createDirectories(privateDir);
        Files.write(privateDir.resolve(Keyring.FILE), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
    }
}
