package jp.ebpm.analysis.privacy.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms of person/device ids: the first 8 bytes (big-endian, signed 64-bit) of
 * HMAC-SHA-256(project secret, UTF-8 bytes of the raw id) (RFC 2104). Without the secret the pseudonym
 * cannot be linked back to an id by trying candidate ids. 64 bits keep the collision probability below
 * 3·10⁻⁸ for a million devices (birthday bound n²/2⁶⁵). Not thread-safe (one per importing thread).
 */
public final class Pseudonymizer {

    private final Mac mac;

    Pseudonymizer(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("bad key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this Java runtime", e);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * A pseudonymiser with a key held outside a project (the Spark job of {@code workbench-scale} gets it from the
     * data holder). The array is copied; the caller wipes its own copy.
     *
     * @throws IllegalArgumentException when the key is shorter than 32 bytes
     */
    public static Pseudonymizer withKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The key must be at least 32 bytes (got " + key.length + ").");
        }
        return new Pseudonymizer(key.clone());
    }

    /** The pseudonym of a raw id. */
    public long pseudonym(String rawId) {
        byte[] h = mac.doFinal(rawId.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xFF);
        }
        return v;
    }
}
