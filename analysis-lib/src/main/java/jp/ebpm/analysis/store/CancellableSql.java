package jp.ebpm.analysis.store;

import java.sql.SQLException;
import java.sql.Statement;

import jp.ebpm.analysis.task.Cancellation;

/**
 * Runs a statement that a {@link Cancellation} can stop: cancelling the token while the statement runs cancels it
 * (DuckDB documents {@link Statement#cancel()} as safe to call from another thread).
 *
 * @since 0.1
 */
public final class CancellableSql {

    private CancellableSql() {
    }

    /**
     * Executes {@code sql} on {@code st}.
     *
     * @return {@link Statement#execute(String)}'s result: whether there is a result set
     * @throws SQLException as {@code execute} does, also when the statement was cancelled
     */
    public static boolean execute(Statement st, String sql, Cancellation cancel) throws SQLException {
        Runnable hook = () -> {
            try {
                st.cancel();
            } catch (SQLException ignored) {
                // already finished
            }
        };
        cancel.onCancel(hook);
        try {
            return st.execute(sql);
        } finally {
            cancel.removeHook(hook);
        }
    }
}
