package jp.ebpm.analysis.privacy.crypto;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
 *
 * <p>Version 2 files also hold the <em>privacy anchor</em> ({@code anchor}): an opaque text written by
 * {@code PrivacySeal} (the audit chain's head and the generation and MAC of the sealed privacy
 * settings, itself MAC'd with the audit key). Version 2 binds the version into the AES-GCM associated
 * data of the wrapped keys, so a version-2 file cannot be passed off as a version-1 file (which has no
 * anchor) without the passphrase. A version-1 file is upgraded in place by {@link #upgrade}.
 */
public final class Keyring {

    /** File name inside the project's {@code private} folder. */
    public static final String FILE = "keyring.json";
    /** PBKDF2 iterations (OWASP 2023 recommendation for PBKDF2-HMAC-SHA256). */
    public static final int ITERATIONS = 600_000;
    /** Current file version. */
    public static final int VERSION = 2;
    private static final String AAD_V1 = "ebpm-workbench keyring v1";
    private static final String AAD_V2 = "ebpm-workbench keyring v2";
    private static final String ANCHOR = "anchor";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Keyring() {
    }

    /** Whether the project folder has a key file. */
    public static boolean exists(Path privateDir) {
        return Files.isRegularFile(privateDir.resolve(FILE));
    }

    /**
     * Creates a new key file with fresh random secrets and no privacy anchor.
     *
     * @throws WorkbenchException when a key file already exists or the passphrase is too short
     */
    public static Secrets create(Path privateDir, char[] passphrase) {
        return create(privateDir, passphrase, null);
    }

    /**
     * Creates a new key file (version {@value #VERSION}) with fresh random secrets.
     *
     * @param anchor computes the initial privacy anchor from the new secrets, or {@code null} for none
     * @throws WorkbenchException when a key file already exists or the passphrase is too short
     */
    public static Secrets create(Path privateDir, char[] passphrase, Function<Secrets, String> anchor) {
        if (exists(privateDir)) {
            throw new WorkbenchException("This project already has a passphrase. Unlock it instead.");
        }
        if (passphrase == null || passphrase.length < 8) {
            throw new WorkbenchException("The passphrase must have at least 8 characters.");
        }
        byte[] pseudonymKey = Aead.random(Aead.KEY_BYTES);
        byte[] dataKey = Aead.random(Aead.KEY_BYTES);
        byte[] salt = Aead.random(16);
        byte[] kek = derive(passphrase, salt, ITERATIONS);
        byte[] plain = new byte[64];
        System.arraycopy(pseudonymKey, 0, plain, 0, 32);
        System.arraycopy(dataKey, 0, plain, 32, 32);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "ebpm-workbench-keyring");
        m.put("version", VERSION);
        m.put("kdf", "PBKDF2WithHmacSHA256");
        m.put("iterations", ITERATIONS);
        m.put("salt", b64(salt));
        m.put("cipher", "AES-256-GCM");
        wrap(m, kek, plain);
        Arrays.fill(plain, (byte) 0);
        Arrays.fill(kek, (byte) 0);
        Secrets secrets = new Secrets(pseudonymKey, dataKey, false);
        if (anchor != null) {
            m.put(ANCHOR, anchor.apply(secrets));
        }
        write(privateDir, m);
        return secrets;
    }

    private static void wrap(Map<String, Object> m, byte[] kek, byte[] plain) {
        byte[] nonce = Aead.random(Aead.NONCE_BYTES);
        byte[] ct = Aead.encrypt(kek, nonce, AAD_V2.getBytes(StandardCharsets.UTF_8), plain, 0, plain.length);
        m.put("version", VERSION);
        m.put("nonce", b64(nonce));
        m.put("wrapped_keys", b64(ct));
    }

    /** Writes the key file through a temporary file and an atomic rename, so it is never half written. */
    private static void write(Path privateDir, Map<String, Object> m) {
        try {
            Files.createDirectories(privateDir);
            Path tmp = privateDir.resolve(FILE + ".part");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m)));
                ch.force(true);
            }
            Files.move(tmp, privateDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write the key file: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> read(Path privateDir) {
        try {
            return JSON.readValue(Files.readAllBytes(privateDir.resolve(FILE)), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read the key file " + FILE + " of this project: " + e.getMessage(), e);
        }
    }

    /** The version of the key file (1 or 2). */
    public static int version(Path privateDir) {
        return version(read(privateDir));
    }

    private static int version(Map<String, Object> m) {
        Object v = m.get("version");
        if (!"ebpm-workbench-keyring".equals(m.get("format")) || !(Integer.valueOf(1).equals(v) || Integer.valueOf(2).equals(v))) {
            throw new WorkbenchException("The key file " + FILE + " has an unknown format.");
        }
        return (Integer) v;
    }

    /** The privacy anchor stored in a version-2 key file (empty for version 1 or when none was written). */
    public static Optional<String> anchor(Path privateDir) {
        Map<String, Object> m = read(privateDir);
        return version(m) < 2 || !(m.get(ANCHOR) instanceof String a) ? Optional.empty() : Optional.of(a);
    }

    /**
     * Replaces the privacy anchor (atomically; the wrapped keys are kept byte for byte). The anchor carries
     * its own MAC; this file only keeps it where it cannot be removed without destroying the keys.
     */
    public static synchronized void writeAnchor(Path privateDir, String anchor) {
        Map<String, Object> m = read(privateDir);
        version(m);
        m.put(ANCHOR, anchor);
        write(privateDir, m);
    }

    /**
     * Upgrades a version-1 key file to version 2 (re-wrapping the same secrets under the version-2
     * associated data) and stores the anchor. Needs the passphrase again.
     *
     * @throws WorkbenchException when the passphrase is wrong
     */
    public static void upgrade(Path privateDir, char[] passphrase, String anchor) {
        Map<String, Object> m = read(privateDir);
        if (version(m) >= 2) {
            writeAnchor(privateDir, anchor);
            return;
        }
        byte[] kek = derive(passphrase, unb64(m.get("salt")), ((Number) m.get("iterations")).intValue());
        byte[] plain = Aead.decrypt(kek, unb64(m.get("nonce")), AAD_V1.getBytes(StandardCharsets.UTF_8),
                unb64(m.get("wrapped_keys")));
        if (plain == null || plain.length != 64) {
            Arrays.fill(kek, (byte) 0);
            throw new WorkbenchException("The passphrase is wrong (or the key file was changed).");
        }
        wrap(m, kek, plain);
        Arrays.fill(plain, (byte) 0);
        Arrays.fill(kek, (byte) 0);
        m.put(ANCHOR, anchor);
        write(privateDir, m);
    }

    /**
     * Unlocks the key file.
     *
     * @throws WorkbenchException when the passphrase is wrong, the file is damaged or missing
     */
    public static Secrets unlock(Path privateDir, char[] passphrase) {
        Map<String, Object> m = read(privateDir);
        int version = version(m);
        int iterations = ((Number) m.get("iterations")).intValue();
        if (iterations < ITERATIONS) {
            throw new WorkbenchException("The key file " + FILE + " asks for too few PBKDF2 iterations.");
        }
        byte[] kek = derive(passphrase, unb64(m.get("salt")), iterations);
        byte[] plain = Aead.decrypt(kek, unb64(m.get("nonce")), (version == 1 ? AAD_V1 : AAD_V2).getBytes(StandardCharsets.UTF_8),
                unb64(m.get("wrapped_keys")));
        Arrays.fill(kek, (byte) 0);
        if (plain == null || plain.length != 64) {
            throw new WorkbenchException("The passphrase is wrong (or the key file was changed). "
                    + "Private data cannot be opened without the right passphrase.");
        }
        Secrets s = new Secrets(Arrays.copyOfRange(plain, 0, 32), Arrays.copyOfRange(plain, 32, 64), version == 1);
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
        private final boolean legacy;

        Secrets(byte[] pseudonymKey, byte[] dataKey, boolean legacy) {
            this.pseudonymKey = pseudonymKey;
            this.dataKey = dataKey;
            this.legacy = legacy;
        }

        /** Whether they came from a version-1 key file, which has no privacy anchor yet ({@link #upgrade}). */
        public boolean legacy() {
            return legacy;
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
