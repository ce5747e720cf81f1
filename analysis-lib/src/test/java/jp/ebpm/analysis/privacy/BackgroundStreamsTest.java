package jp.ebpm.analysis.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackgroundStreamsTest {

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void bytesWrittenBehindArriveInOrderAndCloseClosesTheTarget() throws IOException {
        byte[] data = data(5 * BackgroundStreams.BUFFER + 12_345);
        boolean[] closed = {false};
        ByteArrayOutputStream target = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (OutputStream out = BackgroundStreams.writeBehind(target, "test-writer")) {
            out.write(data, 0, 1000);
            out.write(data[1000]);
            out.write(data, 1001, data.length - 1001);
        }
        assertArrayEquals(data, target.toByteArray());
        assertTrue(closed[0]);
    }

    @Test
    void aWriteFailureOfTheBackgroundThreadReachesTheWriter() {
        IOException disk = new IOException("disk full");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw disk;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw disk;
            }
        };
        IOException e = assertThrows(IOException.class, () -> {
            try (OutputStream out = BackgroundStreams.writeBehind(failing, "test-writer")) {
                for (int i = 0; i < 20; i++) {
                    out.write(new byte[BackgroundStreams.BUFFER]);
                }
            }
        });
        assertSame(disk, e);
    }

    @Test
    void bytesReadAheadArriveInOrder() throws IOException {
        byte[] data = data(3 * BackgroundStreams.BUFFER + 7);
        try (InputStream in = BackgroundStreams.readAhead(new ByteArrayInputStream(data), "test-reader")) {
            assertEquals(data[0] & 0xFF, in.read());
            byte[] rest = in.readAllBytes();
            assertEquals(data.length - 1, rest.length);
            assertEquals(data[data.length - 1], rest[rest.length - 1]);
            assertEquals(-1, in.read());
        }
        try (InputStream in = BackgroundStreams.readAhead(new ByteArrayInputStream(new byte[0]), "test-reader")) {
            assertEquals(-1, in.read());
        }
    }

    @Test
    void aReadFailureIsThrownAfterTheBytesBeforeIt() throws IOException {
        byte[] data = data(BackgroundStreams.BUFFER / 2);
        IOException tampered = new IOException("the file does not verify");
        InputStream source = new InputStream() {
            private int i;

            @Override
            public int read() throws IOException {
                if (i == data.length) {
                    throw tampered;
                }
                return data[i++] & 0xFF;
            }
        };
        try (InputStream in = BackgroundStreams.readAhead(source, "test-reader")) {
            assertArrayEquals(data, in.readNBytes(data.length));
            assertSame(tampered, assertThrows(IOException.class, in::read));
        }
    }

    @Test
    void closingEarlyStopsTheReader() throws IOException {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 1;
            }
        };
        InputStream in = BackgroundStreams.readAhead(endless, "test-reader");
        assertEquals(1, in.read());
        in.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("test-reader")));
    }
}
