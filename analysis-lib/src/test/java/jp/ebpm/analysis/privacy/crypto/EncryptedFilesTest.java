package jp.ebpm.analysis.privacy.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class EncryptedFilesTest {

    private static byte[] encrypt(DataKey key, byte[] plain, String purpose) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (OutputStream out = EncryptedFiles.encrypt(bo, key, purpose)) {
            out.write(plain);
        }
        return bo.toByteArray();
    }

    private static byte[] decrypt(DataKey key, byte[] cipher, String purpose) throws IOException {
        try (InputStream in = EncryptedFiles.decrypt(new ByteArrayInputStream(cipher), key, purpose)) {
            return in.readAllBytes();
        }
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        // up to 2.5 MiB so that files of several chunks occur (also of the former 1 MiB chunks)
        return Arbitraries.integers().between(0, 2_600_000).map(n -> {
            byte[] b = new byte[n];
            new java.util.Random(n).nextBytes(b);
            return b;
        });
    }

    @Property(tries = 15)
    void roundTrip(@ForAll("payloads") byte[] plain) throws IOException {
        DataKey key = DataKey.random();
        assertArrayEquals(plain, decrypt(key, encrypt(key, plain, "p"), "p"));
    }

    @Property(tries = 15)
    void anotherKeyCannotRead(@ForAll("payloads") byte[] plain) throws IOException {
        byte[] c = encrypt(DataKey.random(), plain, "p");
        assertThrows(EncryptedFiles.TamperedException.class, () -> decrypt(DataKey.random(), c, "p"));
    }

    @Property(tries = 30)
    void flippingAnyByteIsDetected(@ForAll("payloads") byte[] plain, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where,
                                   @ForAll @IntRange(min = 1, max = 255) int mask) throws IOException {
        DataKey key = DataKey.random();
        byte[] c = encrypt(key, plain, "p");
        c[where % c.length] ^= (byte) mask;
        assertThrows(IOException.class, () -> decrypt(key, c, "p"));
    }

    @Property(tries = 15)
    void truncationAndOtherPurposeAreDetected(@ForAll("payloads") byte[] plain, @ForAll @IntRange(min = 1, max = 100_000) int cut)
            throws IOException {
        DataKey key = DataKey.random();
        byte[] c = encrypt(key, plain, "table a");
        byte[] shorter = Arrays.copyOf(c, Math.max(0, c.length - cut));
        assertThrows(IOException.class, () -> decrypt(key, shorter, "table a"));
        assertThrows(IOException.class, () -> decrypt(key, c, "table b"));
    }

    @Property(tries = 5)
    void filesWithTheFormerMegabyteChunksAreStillRead(@ForAll("payloads") byte[] plain) throws IOException {
        DataKey key = DataKey.random();
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (OutputStream out = EncryptedFiles.encrypt(bo, key, "p", EncryptedFiles.MAX_CHUNK)) {
            out.write(plain);
        }
        assertArrayEquals(plain, decrypt(key, bo.toByteArray(), "p"));
        // per 1 MiB chunk: flag, length, nonce, tag
        int chunks = Math.max(1, (plain.length + EncryptedFiles.MAX_CHUNK - 1) / EncryptedFiles.MAX_CHUNK);
        org.junit.jupiter.api.Assertions.assertEquals(8 + 2 + 1 + 16 + plain.length + chunks * (1 + 4 + 12 + 16),
                bo.size());
    }

    @Property(tries = 5)
    void newFilesUseSmallChunks(@ForAll("payloads") byte[] plain) throws IOException {
        byte[] c = encrypt(DataKey.random(), plain, "p");
        // header ("WBENC" version, purpose "p", file id), then per 16 KiB chunk: flag, length, nonce, tag
        int chunks = Math.max(1, (plain.length + EncryptedFiles.CHUNK - 1) / EncryptedFiles.CHUNK);
        org.junit.jupiter.api.Assertions.assertEquals(8 + 2 + 1 + 16 + plain.length + chunks * (1 + 4 + 12 + 16),
                c.length);
    }

    @Property(tries = 10)
    void ciphertextDoesNotContainThePlaintext(@ForAll @IntRange(min = 1, max = 50) int repeats) throws IOException {
        byte[] marker = "raw-device-id-XYZZY-35.5308123".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        for (int i = 0; i < repeats; i++) {
            p.write(marker);
        }
        byte[] c = encrypt(DataKey.random(), p.toByteArray(), "p");
        org.junit.jupiter.api.Assertions.assertFalse(new String(c, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(new String(marker, java.nio.charset.StandardCharsets.ISO_8859_1)));
    }
}
