package jp.ebpm.workbench.app.data;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.QueryResult;

/**
 * The rows of a large dataset, read page by page on a background executor and kept in a small
 * least-recently-used cache. Asking for a cell of a missing page returns {@link #LOADING} and queues the
 * page; the newest request is served first and old requests are dropped, so fast scrolling through ten
 * million rows reads only the pages that end up on screen. Nothing counts or loads the whole table.
 */
public final class PagedRowSource implements RowSource {

    /** Reads {@code limit} rows starting at row {@code offset}. */
    @FunctionalInterface
    public interface PageLoader {
        QueryResult load(long offset, int limit);
    }

    /** Pending page requests kept at most; older ones are dropped (the user scrolled past them). */
    static final int MAX_QUEUED = 6;

    private final List<ColumnInfo> columns;
    private final int rowCount;
    private final int pageSize;
    private final PageLoader loader;
    private final Executor background;
    private final Executor fx;
    private final Map<Integer, List<Object[]>> cache;
    private final Deque<Integer> queued = new ArrayDeque<>();
    private final Set<Integer> loading = new HashSet<>();
    private final Set<Integer> failed = new HashSet<>();
    private boolean draining;
    private volatile Runnable onRowsLoaded = () -> { };
    private volatile Consumer<RuntimeException> onError = e -> { };

    /**
     * @param columns    the columns of the dataset
     * @param rowCount   the number of rows (known from the catalog or one count when the dataset is opened)
     * @param pageSize   rows per page
     * @param maxPages   pages kept in memory
     * @param loader     reads one page (called on the background executor)
     * @param background runs page reads
     * @param fx         runs listeners on the FX thread ({@code Platform::runLater})
     */
    public PagedRowSource(List<ColumnInfo> columns, int rowCount, int pageSize, int maxPages, PageLoader loader,
                          Executor background, Executor fx) {
        this.columns = List.copyOf(columns);
        this.rowCount = rowCount;
        this.pageSize = pageSize;
        this.loader = loader;
        this.background = background;
        this.fx = fx;
        this.cache = new LinkedHashMap<>(maxPages * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<Object[]>> eldest) {
                return size() > maxPages;
            }
        };
    }

    /** Puts rows that were already read (the first page, read together with the row count). */
    public void seed(long offset, QueryResult rows) {
        synchronized (this) {
            cache.put((int) (offset / pageSize), rows.rows());
        }
    }

    /** Called on the FX thread with the error when a page cannot be read. */
    public void setOnError(Consumer<RuntimeException> handler) {
        this.onError = handler;
    }

    @Override
    public List<ColumnInfo> columns() {
        return columns;
    }

    @Override
    public int rowCount() {
        return rowCount;
    }

    @Override
    public Object value(int row, int column) {
        int page = row / pageSize;
        List<Object[]> rows;
        synchronized (this) {
            rows = cache.get(page);
            if (rows == null) {
                request(page);
                return failed.contains(page) ? null : LOADING;
            }
        }
        int i = row - page * pageSize;
        // The table may have shrunk since it was counted: rows past its end show as empty.
        return i < rows.size() ? rows.get(i)[column] : null;
    }

    /** Pages now in memory (for tests and diagnostics). */
    public synchronized int cachedPages() {
        return cache.size();
    }

    @Override
    public void setOnRowsLoaded(Runnable listener) {
        this.onRowsLoaded = listener;
    }

    private void request(int page) {
        // caller holds the lock
        if (loading.contains(page) || failed.contains(page)) {
            return;
        }
        queued.remove(page);
        queued.addFirst(page);
        while (queued.size() > MAX_QUEUED) {
            queued.removeLast();
        }
        if (!draining) {
            draining = true;
            background.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            int page;
            synchronized (this) {
                Integer next = queued.pollFirst();
                if (next == null) {
                    draining = false;
                    return;
                }
                page = next;
                loading.add(page);
            }
            try {
                QueryResult result = loader.load((long) page * pageSize, pageSize);
                synchronized (this) {
                    cache.put(page, result.rows());
                    loading.remove(page);
                }
                fx.execute(onRowsLoaded);
            } catch (RuntimeException e) {
                synchronized (this) {
                    loading.remove(page);
                    failed.add(page);
                }
                fx.execute(() -> onError.accept(e));
            }
        }
    }
}
