package jp.ebpm.analysis.privacy.crypto;

import java.util.Arrays;

/** The AES-256 key of a project's private data files (from {@link Keyring}). */
public final class DataKey {

    private final byte[] key;

    DataKey(byte[] key) {
        if (key.length != Aead.KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = key;
    }

    /** A random key (for tests and benchmarks of the file format). */
    public static DataKey random() {
        return new DataKey(Aead.random(Aead.KEY_BYTES));
    }

    /** The per-file subkey: HMAC-SHA-256(data key, "file-key" ‖ file id). */
    byte[] fileKey(byte[] fileId) {
        byte[] label = "file-key".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] msg = Arrays.copyOf(label, label.length + fileId.length);
        System.arraycopy(fileId, 0, msg, label.length, fileId.length);
        return Aead.hmacSha256(key, msg);
    }

    /** Overwrites the key in memory. */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
    }
}
