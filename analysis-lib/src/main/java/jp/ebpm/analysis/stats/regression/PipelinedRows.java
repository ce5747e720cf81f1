package jp.ebpm.analysis.stats.regression;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs the consumer of a {@link RowSource} on a second thread: the reading thread (JDBC, design rows) copies rows
 * into blocks and hands them over, the worker replays them to the downstream sink in order. On two cores this
 * overlaps reading with the QR and sandwich arithmetic. The downstream sink sees every row exactly once, in the
 * source's order, on one thread.
 */
final class PipelinedRows {

    private static final int BLOCK = 4096;
    private static final int BUFFERS = 4;

    private PipelinedRows() {
    }

    private static final class Block {
        final double[] data;
        final int[] cluster = new int[BLOCK];
        int rows;
        final boolean last;

        Block(int width, boolean last) {
            this.data = new double[BLOCK * width];
            this.last = last;
        }
    }

    /** Visits every row of {@code source} with {@code sink} called on a worker thread. */
    static void forEach(RowSource source, int p, RowSource.Sink sink) {
        int width = p + 2;
        BlockingQueue<Block> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Block> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new Block(width, false));
        }
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            double[] x = new double[p];
            try {
                while (true) {
                    Block b = full.take();
                    if (b.last) {
                        return;
                    }
                    for (int r = 0; r < b.rows; r++) {
                        int o = r * width;
                        System.arraycopy(b.data, o, x, 0, p);
                        sink.accept(x, b.data[o + p], b.data[o + p + 1], b.cluster[r]);
                    }
                    b.rows = 0;
                    free.put(b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure[0] = e;
                free.clear();
                free.add(new Block(width, true)); // wake the reader so that it stops
            }
        }, "regression-worker");
        worker.setDaemon(true);
        worker.start();
        Block[] current = {null};
        try {
            source.forEach((x, y, w, g) -> {
                Block b = current[0];
                if (b == null) {
                    b = take(free);
                    if (b.last) {
                        throw new WorkerFailed();
                    }
                    current[0] = b;
                }
                int o = b.rows * width;
                System.arraycopy(x, 0, b.data, o, p);
                b.data[o + p] = y;
                b.data[o + p + 1] = w;
                b.cluster[b.rows] = g;
                if (++b.rows == BLOCK) {
                    put(full, b);
                    current[0] = null;
                }
            });
            if (current[0] != null && current[0].rows > 0) {
                put(full, current[0]);
            }
        } catch (WorkerFailed e) {
            // the worker's own failure is rethrown below
        } finally {
            put(full, new Block(0, true));
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure[0] instanceof RuntimeException re) {
            throw re;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
    }

    private static final class WorkerFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkerFailed() {
            super(null, null, false, false);
        }
    }

    private static Block take(BlockingQueue<Block> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new jp.ebpm.analysis.task.CancelledException();
        }
    }

    private static void put(BlockingQueue<Block> q, Block b) {
        try {
            q.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new jp.ebpm.analysis.task.CancelledException();
        }
    }
}
