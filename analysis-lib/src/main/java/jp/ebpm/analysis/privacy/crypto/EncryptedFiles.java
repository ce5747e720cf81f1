package jp.ebpm.analysis.privacy.crypto;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The chunked AES-256-GCM file format of private data ({@code .wbenc}), in the spirit of the STREAM
 * construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015):
 *
 * <pre>
 * header:  "WBENC" 0 0 1 (8 bytes) | purpose length (u16) | purpose (UTF-8) | file id (16 random bytes)
 * chunk*:  final flag (1 byte: 0 more, 1 last) | ciphertext length (u32) | nonce (12 random bytes)
 *          | AES-256-GCM ciphertext with 16-byte tag of up to 1 MiB plaintext
 * </pre>
 *
 * Files are written in chunks of {@value #CHUNK} bytes of plaintext; readers accept chunks up to
 * {@value #MAX_CHUNK} bytes (the size files had until 2026-11). Small chunks are much faster on the JDK:
 * its GCM code reaches the AES and GHASH CPU intrinsics only once the JIT has compiled it, which takes
 * thousands of calls (1 MiB chunks ran at about 35 MB/s, 16 KiB chunks at 200–300 MB/s; see
 * docs/benchmarks.md). The overhead is 33 bytes per chunk (0.2 %).
 *
 * The key of a file is HMAC-SHA-256(data key, "file-key" ‖ file id). The additional authenticated data
 * of every chunk is SHA-256(header) ‖ chunk index (u64) ‖ final flag, so changing, reordering,
 * dropping or appending chunks, changing the purpose, or cutting the file short is detected.
 */
public final class EncryptedFiles {

    static final byte[] MAGIC = {'W', 'B', 'E', 'N', 'C', 0, 0, 1};
    /** Plaintext bytes per chunk when writing. */
    static final int CHUNK = 1 << 14;
    /** Largest plaintext chunk a reader accepts. */
    static final int MAX_CHUNK = 1 << 20;

    private EncryptedFiles() {
    }

    /** An output stream that encrypts to {@code out}; close it to write the final chunk. */
    public static OutputStream encrypt(OutputStream out, DataKey key, String purpose) throws IOException {
        return new Writer(out, key, purpose, CHUNK);
    }

    /** As {@link #encrypt(OutputStream, DataKey, String)} with another chunk size (tests of old files). */
    static OutputStream encrypt(OutputStream out, DataKey key, String purpose, int chunk) throws IOException {
        if (chunk < 1 || chunk > MAX_CHUNK) {
            throw new IllegalArgumentException("chunk size " + chunk);
        }
        return new Writer(out, key, purpose, chunk);
    }

    /**
     * An input stream that decrypts {@code in}. Reading throws {@link TamperedException} when a chunk
     * does not verify (wrong key, changed, reordered or missing bytes) and when the file ends early.
     */
    public static InputStream decrypt(InputStream in, DataKey key, String purpose) throws IOException {
        return new Reader(in, key, purpose);
    }

    /** A private file that does not verify. */
    public static final class TamperedException extends IOException {
        private static final long serialVersionUID = 1L;

        TamperedException(String message) {
            super(message);
        }
    }

    private static byte[] header(String purpose, byte[] fileId) {
        byte[] p = purpose.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + p.length + fileId.length);
        b.put(MAGIC).putShort((short) p.length).put(p).put(fileId);
        return b.array();
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] aad(byte[] headerHash, long index, boolean last) {
        return ByteBuffer.allocate(41).put(headerHash).putLong(index).put((byte) (last ? 1 : 0)).array();
    }

    private static final class Writer extends OutputStream {
        private final DataOutputStream out;
        private final byte[] fileKey;
        private final byte[] headerHash;
        private final int chunk;
        private final byte[] buf;
        private final byte[] ct;
        private final Aead.Session gcm;
        private int n;
        private long index;
        private boolean closed;

        Writer(OutputStream out, DataKey key, String purpose, int chunk) throws IOException {
            this.out = new DataOutputStream(out);
            byte[] fileId = Aead.random(16);
            byte[] header = header(purpose, fileId);
            this.out.write(header);
            this.headerHash = sha256(header);
            this.fileKey = key.fileKey(fileId);
            this.chunk = chunk;
            this.buf = new byte[chunk];
            this.ct = new byte[chunk + Aead.TAG_BITS / 8];
            this.gcm = new Aead.Session(fileKey);
        }

        @Override
        public void write(int b) throws IOException {
            if (n == chunk) {
                emit(false);
            }
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (n == chunk) {
                    emit(false);
                }
                int k = Math.min(len, chunk - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        private void emit(boolean last) throws IOException {
            byte[] nonce = Aead.random(Aead.NONCE_BYTES);
            int len = gcm.encrypt(nonce, aad(headerHash, index, last), buf, 0, n, ct);
            out.writeByte(last ? 1 : 0);
            out.writeInt(len);
            out.write(nonce);
            out.write(ct, 0, len);
            index++;
            n = 0;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            emit(true);
            Arrays.fill(buf, (byte) 0);
            Arrays.fill(ct, (byte) 0);
            Arrays.fill(fileKey, (byte) 0);
            out.close();
        }
    }

    private static final class Reader extends InputStream {
        private final DataInputStream in;
        private final byte[] fileKey;
        private final byte[] headerHash;
        private final Aead.Session gcm;
        private final byte[] ct = new byte[MAX_CHUNK + Aead.TAG_BITS / 8];
        private final byte[] chunk = new byte[MAX_CHUNK + Aead.TAG_BITS / 8];
        private int limit;
        private int pos;
        private long index;
        private boolean done;

        Reader(InputStream in, DataKey key, String purpose) throws IOException {
            this.in = new DataInputStream(in);
            byte[] magic = new byte[MAGIC.length];
            readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new TamperedException("not an encrypted workbench file (or an unknown version)");
            }
            int plen = this.in.readUnsignedShort();
            byte[] p = new byte[plen];
            readFully(p);
            if (!purpose.equals(new String(p, StandardCharsets.UTF_8))) {
                throw new TamperedException("the file holds other data than expected");
            }
            byte[] fileId = new byte[16];
            readFully(fileId);
            this.headerHash = sha256(header(purpose, fileId));
            this.fileKey = key.fileKey(fileId);
            this.gcm = new Aead.Session(fileKey);
        }

        private void readFully(byte[] b) throws IOException {
            readFully(b, b.length);
        }

        private void readFully(byte[] b, int len) throws IOException {
            try {
                in.readFully(b, 0, len);
            } catch (EOFException e) {
                throw new TamperedException("the file is cut short");
            }
        }

        private boolean next() throws IOException {
            if (done) {
                return false;
            }
            int flag = in.read();
            if (flag < 0) {
                throw new TamperedException("the file is cut short");
            }
            int len;
            try {
                len = in.readInt();
            } catch (EOFException e) {
                throw new TamperedException("the file is cut short");
            }
            if (len < 16 || len > MAX_CHUNK + 16 || (flag != 0 && flag != 1)) {
                throw new TamperedException("the file is damaged or was changed");
            }
            byte[] nonce = new byte[Aead.NONCE_BYTES];
            readFully(nonce);
            readFully(ct, len);
            int plain = gcm.decrypt(nonce, aad(headerHash, index, flag == 1), ct, len, chunk);
            if (plain < 0) {
                throw new TamperedException("the file does not verify: wrong key, or its bytes were changed");
            }
            index++;
            if (flag == 1) {
                done = true;
                if (in.read() >= 0) {
                    throw new TamperedException("the file has extra bytes after its end");
                }
            }
            limit = plain;
            pos = 0;
            return true;
        }

        @Override
        public int read() throws IOException {
            while (pos >= limit) {
                if (!next()) {
                    return -1;
                }
            }
            return chunk[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos >= limit) {
                if (!next()) {
                    return -1;
                }
            }
            int k = Math.min(len, limit - pos);
            System.arraycopy(chunk, pos, b, off, k);
            pos += k;
            return k;
        }

        @Override
        public void close() throws IOException {
            Arrays.fill(fileKey, (byte) 0);
            Arrays.fill(chunk, (byte) 0);
            in.close();
        }
    }
}
