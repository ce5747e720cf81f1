package jp.ebpm.workbench.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.QueryResult;

class PagedRowSourceTest {

    /** An executor that runs nothing until told to: makes the background thread visible to the test. */
    private static final class ManualExecutor implements Executor {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            queue.add(r);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    private final List<Long> loadedOffsets = new ArrayList<>();
    private final ManualExecutor background = new ManualExecutor();
    private final Executor fx = Runnable::run;

    /** Rows whose single value is the row number times 10. */
    private PagedRowSource source(int rows, int pageSize, int maxPages) {
        List<ColumnInfo> cols = List.of(new ColumnInfo("v", "BIGINT"));
        return new PagedRowSource(cols, rows, pageSize, maxPages, (offset, limit) -> {
            loadedOffsets.add(offset);
            List<Object[]> out = new ArrayList<>();
            for (long r = offset; r < Math.min(rows, offset + limit); r++) {
                out.add(new Object[] {r * 10});
            }
            return new QueryResult(cols, out, false);
        }, background, fx);
    }

    @Test
    void aMissingPageIsLoadingUntilReadThenHoldsTheValues() {
        PagedRowSource s = source(1000, 100, 4);
        int[] notified = {0};
        s.setOnRowsLoaded(() -> notified[0]++);
        assertSame(RowSource.LOADING, s.value(250, 0));
        background.runAll();
        assertEquals(2500L, s.value(250, 0));
        assertEquals(2990L, s.value(299, 0));
        assertEquals(List.of(200L), loadedOffsets);
        assertEquals(1, notified[0]);
    }

    @Test
    void onePageIsRequestedOnceWhileItLoads() {
        PagedRowSource s = source(1000, 100, 4);
        for (int r = 0; r < 100; r++) {
            s.value(r, 0);
        }
        background.runAll();
        assertEquals(List.of(0L), loadedOffsets);
    }

    @Test
    void theCacheKeepsOnlyTheMostRecentlyUsedPages() {
        PagedRowSource s = source(10_000, 100, 3);
        for (int page = 0; page < 5; page++) {
            s.value(page * 100, 0);
            background.runAll();
        }
        assertEquals(3, s.cachedPages());
        // page 0 was evicted: asking again reads it again
        assertSame(RowSource.LOADING, s.value(0, 0));
        background.runAll();
        assertEquals(6, loadedOffsets.size());
    }

    @Test
    void fastScrollingReadsOnlyTheNewestRequestedPages() {
        PagedRowSource s = source(1_000_000, 100, 10);
        for (int page = 0; page < 50; page++) {
            s.value(page * 100, 0);
        }
        background.runAll();
        // the newest MAX_QUEUED requests are served, newest first; the 44 older ones were dropped
        assertEquals(PagedRowSource.MAX_QUEUED, loadedOffsets.size());
        assertEquals(4900L, loadedOffsets.get(0));
    }

    @Test
    void aSeededPageNeedsNoRead() {
        PagedRowSource s = source(1000, 100, 4);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < 100; r++) {
            rows.add(new Object[] {(long) r * 10});
        }
        s.seed(0, new QueryResult(List.of(new ColumnInfo("v", "BIGINT")), rows, false));
        assertEquals(990L, s.value(99, 0));
        assertTrue(background.queue.isEmpty());
    }

    @Test
    void rowsPastTheRealEndAreEmpty() {
        // the table shrank after it was counted: the source says 150 rows, the database has 120
        List<ColumnInfo> cols = List.of(new ColumnInfo("v", "BIGINT"));
        PagedRowSource s = new PagedRowSource(cols, 150, 100, 4, (offset, limit) -> {
            List<Object[]> out = new ArrayList<>();
            for (long r = offset; r < Math.min(120, offset + limit); r++) {
                out.add(new Object[] {r});
            }
            return new QueryResult(cols, out, false);
        }, background, fx);
        s.value(140, 0);
        background.runAll();
        assertEquals(119L, s.value(119, 0));
        assertNull(s.value(140, 0));
    }

    @Test
    void aFailedPageIsReportedOnceAndNotRetriedInALoop() {
        List<ColumnInfo> cols = List.of(new ColumnInfo("v", "BIGINT"));
        int[] calls = {0};
        PagedRowSource s = new PagedRowSource(cols, 1000, 100, 4, (offset, limit) -> {
            calls[0]++;
            throw new WorkbenchException("gone");
        }, background, fx);
        List<RuntimeException> errors = new ArrayList<>();
        s.setOnError(errors::add);
        s.value(5, 0);
        background.runAll();
        assertNull(s.value(5, 0));
        background.runAll();
        assertEquals(1, calls[0]);
        assertEquals(1, errors.size());
    }
}
