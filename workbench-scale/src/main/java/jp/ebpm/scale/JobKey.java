package jp.ebpm.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The data holder's HMAC key for the person ids: from the environment variable {@value #ENV} (its UTF-8 bytes) or a
 * key file (its bytes, a trailing line break removed). At least {@value #MIN_BYTES} bytes; it is never written out.
 */
final class JobKey {

    static final String ENV = "WORKBENCH_SCALE_KEY";
    static final int MIN_BYTES = 32;

    private JobKey() {
    }

    /**
     * Reads the key.
     *
     * @param keyFile the key file, or null to use the environment
     * @param env     the value of {@value #ENV}, or null
     * @throws JobException when there is no key or it is too short
     */
    static byte[] read(Path keyFile, String env) {
        byte[] key;
        if (keyFile != null) {
            try {
                key = Files.readAllBytes(keyFile);
            } catch (IOException e) {
                throw new JobException("Cannot read the key file " + keyFile.getFileName() + ": " + e.getClass().getSimpleName() + ".");
            }
            int n = key.length;
            while (n > 0 && (key[n - 1] == '\n' || key[n - 1] == '\r')) {
                n--;
            }
            if (n != key.length) {
                byte[] k = Arrays.copyOf(key, n);
                Arrays.fill(key, (byte) 0);
                key = k;
            }
        } else if (env != null && !env.isEmpty()) {
            key = env.getBytes(StandardCharsets.UTF_8);
        } else {
            throw new JobException("No hashing key: set " + ENV + " or give --key-file (at least " + MIN_BYTES + " bytes).");
        }
        if (key.length < MIN_BYTES) {
            int n = key.length;
            Arrays.fill(key, (byte) 0);
            throw new JobException("The hashing key is " + n + " bytes long; it must be at least " + MIN_BYTES + " bytes"
                    + " (e.g. 64 hex digits from a random source).");
        }
        return key;
    }
}
