package jp.ebpm.analysis.privacy.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.ebpm.analysis.WorkbenchException;

/**
 * The per-project key file {@code private/keyring.json}. It holds two random 32-byte secrets, encrypted:
 * the pseudonymisation secret (HMAC-SHA-256 key for ids) and the data key (AES-256 key of the private
 * data files). They are wrapped with AES-256-GCM under a key-encryption key derived from the passphrase
 * with PBKDF2-HMAC-SHA256 ({@value #ITERATIONS} iterations, random 16-byte salt). The passphrase itself
 * is never stored; without it the secrets, and so every private file, cannot be recovered.
 */
public final class Keyring {

    /** File name inside the project's {@code private} folder. */
    public static final String FILE = "keyring.json";
    /** PBKDF2 iterations (OWASP 2023 recommendation for PBKDF2-HMAC-SHA256). */
    public static final int ITERATIONS = 600_000;
    private static final String AAD = "ebpm-workbench keyring v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Keyring() {
    }

    /** Whether the project folder has a key file. */
    public static boolean exists(Path privateDir) {
        return Files.isRegularFile(privateDir.resolve(FILE));
    }

    /**
     * Creates a new key file with fresh random secrets.
     *
     * @throws WorkbenchException when a key file already exists or the passphrase is too short
     */
    public static Secrets create(Path privateDir, char[] passphrase) {
        if (exists(privateDir)) {
            throw new WorkbenchException("This project already has a passphrase. Unlock it instead.");
        }
        if (passphrase == null || passphrase.length < 8) {
            throw new WorkbenchException("The passphrase must have at least 8 characters.");
        }
        byte[] pseudonymKey = Aead.random(Aead.KEY_BYTES);
        byte[] dataKey = Aead.random(Aead.KEY_BYTES);
        byte[] salt = Aead.random(16);
        byte[] nonce = Aead.random(Aead.NONCE_BYTES);
        byte[] kek = derive(passphrase, salt, ITERATIONS);
        byte[] plain = new byte[64];
        System.arraycopy(pseudonymKey, 0, plain, 0, 32);
        System.arraycopy(dataKey, 0, plain, 32, 32);
        byte[] ct = Aead.encrypt(kek, nonce, AAD.getBytes(StandardCharsets.UTF_8), plain, 0, plain.length);
        Arrays.fill(plain, (byte) 0);
        Arrays.fill(kek, (byte) 0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "ebpm-workbench-keyring");
        m.put("version", 1);
        m.put("kdf", "PBKDF2WithHmacSHA256");
        m.put("iterations", ITERATIONS);
        m.put("salt", b64(salt));
        m.put("cipher", "AES-256-GCM");
        m.put("nonce", b64(nonce));
        m.put("wrapped_keys", b64(ct));
        try {
            Files.createDirectories(privateDir);
            Path tmp = privateDir.resolve(FILE + ".part");
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
            Files.move(tmp, privateDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write the key file: " + e.getMessage(), e);
        }
        return new Secrets(pseudonymKey, dataKey);
    }

    /**
     * Unlocks the key file.
     *
     * @throws WorkbenchException when the passphrase is wrong, the file is damaged or missing
     */
    public static Secrets unlock(Path privateDir, char[] passphrase) {
        Path file = privateDir.resolve(FILE);
        Map<String, Object> m;
        try {
            m = JSON.readValue(Files.readAllBytes(file), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read the key file " + FILE + " of this project: " + e.getMessage(), e);
        }
        if (!"ebpm-workbench-keyring".equals(m.get("format")) || !Integer.valueOf(1).equals(m.get("version"))) {
            throw new WorkbenchException("The key file " + FILE + " has an unknown format.");
        }
        int iterations = ((Number) m.get("iterations")).intValue();
        if (iterations < ITERATIONS) {
            throw new WorkbenchException("The key file " + FILE + " asks for too few PBKDF2 iterations.");
        }
        byte[] kek = derive(passphrase, unb64(m.get("salt")), iterations);
        byte[] plain = Aead.decrypt(kek, unb64(m.get("nonce")), AAD.getBytes(StandardCharsets.UTF_8),
                unb64(m.get("wrapped_keys")));
        Arrays.fill(kek, (byte) 0);
        if (plain == null || plain.length != 64) {
            throw new WorkbenchException("The passphrase is wrong (or the key file was changed). "
                    + "Private data cannot be opened without the right passphrase.");
        }
        Secrets s = new Secrets(Arrays.copyOfRange(plain, 0, 32), Arrays.copyOfRange(plain, 32, 64));
        Arrays.fill(plain, (byte) 0);
        return s;
    }

    static byte[] derive(char[] passphrase, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this Java runtime", e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(Object o) {
        if (!(o instanceof String s)) {
            throw new WorkbenchException("The key file " + FILE + " is damaged.");
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new WorkbenchException("The key file " + FILE + " is damaged.", e);
        }
    }

    /** The unlocked secrets; {@link #destroy()} overwrites them. */
    public static final class Secrets {
        private final byte[] pseudonymKey;
        private final byte[] dataKey;

        Secrets(byte[] pseudonymKey, byte[] dataKey) {
            this.pseudonymKey = pseudonymKey;
            this.dataKey = dataKey;
        }

        /** A pseudonymiser keyed with the project's secret. */
        public Pseudonymizer pseudonymizer() {
            return new Pseudonymizer(pseudonymKey.clone());
        }

        /** The key of the private data files. */
        public DataKey dataKey() {
            return new DataKey(dataKey.clone());
        }

        /** A key for the audit log's HMAC, derived from the pseudonymisation secret (separate label). */
        public byte[] auditKey() {
            return Aead.hmacSha256(pseudonymKey, "ebpm-workbench audit-log mac v1".getBytes(StandardCharsets.UTF_8));
        }

        /** Overwrites the secrets in memory. */
        public void destroy() {
            Arrays.fill(pseudonymKey, (byte) 0);
            Arrays.fill(dataKey, (byte) 0);
        }
    }
}
