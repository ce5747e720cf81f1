package jp.ebpm.analysis.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.Cancellation;

class TableWriterIT {

    @TempDir
    Path dir;

    private static final List<ColumnInfo> COLS = List.of(new ColumnInfo("区", "VARCHAR"), new ColumnInfo("n", "BIGINT"),
            new ColumnInfo("x", "DOUBLE"), new ColumnInfo("d", "DATE"), new ColumnInfo("t", "TIMESTAMP"), new ColumnInfo("b", "BOOLEAN"));

    @Test
    void appendsTypedRowsInsideTheTransaction() {
        try (Project p = Project.create(dir.resolve("p"))) {
            long n = p.inTransaction(c -> {
                try (TableWriter w = TableWriter.create(c, "表", COLS)) {
                    w.row("川崎区", 1L, 0.5, LocalDate.of(2020, 10, 1), LocalDateTime.of(2020, 10, 1, 9, 30), true);
                    w.row(null, 2, null, null, null, null);
                    return w.rows();
                }
            });
            assertEquals(2, n);
            // "表" is not in the catalog, so user SQL (Project.query) may not read it: read it as the library does
            QueryResult r = p.inTransaction(c -> {
                try (java.sql.Statement st = c.createStatement();
                     java.sql.ResultSet rs = st.executeQuery("SELECT 区, sum(n) OVER (), x, d, b FROM 表 ORDER BY n")) {
                    return Project.materialise(rs, 10, Cancellation.none());
                }
            });
            assertEquals("川崎区", r.get(0, 0));
            assertEquals(3L, ((Number) r.get(0, 1)).longValue()); // 1 + 2
            assertEquals(LocalDate.of(2020, 10, 1), r.get(0, 3));
        }
    }

    @Test
    void rollbackRemovesTableAndRows() {
        try (Project p = Project.create(dir.resolve("q"))) {
            assertThrows(WorkbenchException.class, () -> p.inTransaction(c -> {
                try (TableWriter w = TableWriter.create(c, "gone", COLS)) {
                    w.row("a", 1L, 1.0, null, null, false);
                }
                throw new WorkbenchException("stop");
            }));
            assertFalse(p.catalog().exists("gone"));
        }
    }
}
