package jp.ebpm.analysis.privacy.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (NIST SP 800-38D) with 96-bit random nonces and 128-bit tags, from the JDK's
 * {@code javax.crypto}. Package-private helper of the crypto package.
 */
final class Aead {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static byte[] encrypt(byte[] key, byte[] nonce, byte[] aad, byte[] plain, int off, int len) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            return c.doFinal(plain, off, len);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** Decrypts; returns {@code null} when the tag does not verify (wrong key or changed bytes). */
    static byte[] decrypt(byte[] key, byte[] nonce, byte[] aad, byte[] cipherText) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            return c.doFinal(cipherText);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * One AES-256-GCM cipher for many messages under one key, each with its own nonce: saves looking up
     * the cipher and allocating per message. Not thread-safe.
     */
    static final class Session {
        private final Cipher cipher;
        private final SecretKeySpec key;

        Session(byte[] key) {
            try {
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
            }
            this.key = new SecretKeySpec(key, "AES");
        }

        /** Encrypts {@code plain[off, off+len)} into {@code out} (ciphertext + tag); returns the length written. */
        int encrypt(byte[] nonce, byte[] aad, byte[] plain, int off, int len, byte[] out) {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(aad);
                return cipher.doFinal(plain, off, len, out, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM encryption failed", e);
            }
        }

        /**
         * Decrypts {@code cipherText[0, len)} into {@code out}; returns the plaintext length, or -1 when the
         * tag does not verify (wrong key or changed bytes).
         */
        int decrypt(byte[] nonce, byte[] aad, byte[] cipherText, int len, byte[] out) {
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(aad);
                return cipher.doFinal(cipherText, 0, len, out, 0);
            } catch (AEADBadTagException e) {
                return -1;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM decryption failed", e);
            }
        }
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this Java runtime", e);
        }
    }
}
