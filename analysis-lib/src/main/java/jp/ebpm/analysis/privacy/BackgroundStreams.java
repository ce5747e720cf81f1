package jp.ebpm.analysis.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Streams that hand their bytes to a second thread through a few in-memory buffers, so that encryption
 * and file access overlap with reading or appending rows over JDBC (the machines have 2 or more cores).
 * Nothing touches the disk but the wrapped stream; the buffers are overwritten when the stream is closed.
 */
final class BackgroundStreams {

    /** Bytes per buffer handed over. */
    static final int BUFFER = 1 << 18;
    /** Buffers on their way to the other thread. */
    private static final int QUEUED = 4;

    private BackgroundStreams() {
    }

    /** Writes to {@code out} on another thread; {@link OutputStream#close()} waits for it and closes {@code out}. */
    static OutputStream writeBehind(OutputStream out, String threadName) {
        return new WriteBehind(out, threadName);
    }

    /** Reads {@code in} ahead on another thread; {@link InputStream#close()} stops it and closes {@code in}. */
    static InputStream readAhead(InputStream in, String threadName) {
        return new ReadAhead(in, threadName);
    }

    private record Chunk(byte[] data, int length, Throwable error) {
        static final Chunk END = new Chunk(new byte[0], -1, null);
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(t);
    }

    private static final class WriteBehind extends OutputStream {
        private final OutputStream out;
        private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(QUEUED + 1);
        private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(QUEUED + 2);
        private final Thread thread;
        private volatile Throwable error;
        /** Whether the error was thrown to the writer already (close() does not throw it again). */
        private boolean reported;
        private byte[] buf = new byte[BUFFER];
        private int n;
        private boolean closed;

        WriteBehind(OutputStream out, String threadName) {
            this.out = out;
            for (int i = 0; i < QUEUED; i++) {
                free.add(new byte[BUFFER]);
            }
            thread = new Thread(this::drain, threadName);
            thread.setDaemon(true);
            thread.start();
        }

        private void drain() {
            try {
                while (true) {
                    Chunk c = full.take();
                    if (c == Chunk.END) {
                        return;
                    }
                    if (error == null) {
                        try {
                            out.write(c.data(), 0, c.length());
                        } catch (Throwable t) {
                            // keep taking buffers so that the writer never blocks; it sees the error next
                            error = t;
                        }
                    }
                    free.put(c.data());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void check() throws IOException {
            Throwable t = error;
            if (t != null && !reported) {
                reported = true;
                throw rethrow(t);
            }
        }

        private void handOver() throws IOException {
            check();
            if (error != null) {
                throw new IOException("writing failed before", error);
            }
            try {
                full.put(new Chunk(buf, n, null));
                buf = free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing");
            }
            n = 0;
        }

        @Override
        public void write(int b) throws IOException {
            if (n == buf.length) {
                handOver();
            }
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) {
                    handOver();
                }
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (n > 0 && error == null) {
                    handOver();
                }
            } finally {
                try {
                    full.put(Chunk.END);
                    thread.join();
                } catch (InterruptedException e) {
                    thread.interrupt();
                    Thread.currentThread().interrupt();
                }
                Arrays.fill(buf, (byte) 0);
                for (byte[] b : free) {
                    Arrays.fill(b, (byte) 0);
                }
                out.close();
            }
            check();
        }
    }

    private static final class ReadAhead extends InputStream {
        private final InputStream in;
        private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(QUEUED + 1);
        private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(QUEUED + 2);
        private final Thread thread;
        private Chunk current = new Chunk(new byte[0], 0, null);
        private int pos;
        private boolean ended;

        ReadAhead(InputStream in, String threadName) {
            this.in = in;
            for (int i = 0; i < QUEUED + 1; i++) {
                free.add(new byte[BUFFER]);
            }
            thread = new Thread(this::fill, threadName);
            thread.setDaemon(true);
            thread.start();
        }

        private void fill() {
            try {
                while (true) {
                    byte[] b = free.take();
                    int n = 0;
                    try {
                        for (int r; n < b.length && (r = in.read(b, n, b.length - n)) >= 0; ) {
                            n += r;
                        }
                    } catch (Throwable t) {
                        if (n > 0) {
                            full.put(new Chunk(b, n, null));
                        }
                        full.put(new Chunk(new byte[0], 0, t));
                        return;
                    }
                    if (n > 0) {
                        full.put(new Chunk(b, n, null));
                    }
                    if (n < b.length) {
                        full.put(Chunk.END);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Makes bytes available; false at the end of the stream. */
        private boolean more() throws IOException {
            while (pos >= current.length()) {
                if (ended) {
                    return false;
                }
                if (current.length() > 0) {
                    Arrays.fill(current.data(), 0, current.length(), (byte) 0);
                    free.add(current.data());
                }
                try {
                    current = full.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading");
                }
                pos = 0;
                if (current.error() != null) {
                    Throwable t = current.error();
                    ended = true;
                    current = new Chunk(new byte[0], 0, null);
                    throw rethrow(t);
                }
                if (current == Chunk.END) {
                    ended = true;
                    current = new Chunk(new byte[0], 0, null);
                    return false;
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return more() ? current.data()[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!more()) {
                return -1;
            }
            int k = Math.min(len, current.length() - pos);
            System.arraycopy(current.data(), pos, b, off, k);
            pos += k;
            return k;
        }

        @Override
        public void close() throws IOException {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Arrays.fill(current.data(), (byte) 0);
            for (Chunk c : full) {
                Arrays.fill(c.data(), (byte) 0);
            }
            in.close();
        }
    }
}
