package jp.ebpm.analysis.store;

import java.util.List;

/**
 * A small, fully materialised query result: column descriptions and rows. Values are JDBC objects as
 * DuckDB returns them (Long, Integer, Double, BigDecimal, String, LocalDate, LocalDateTime, Boolean,
 * or {@code null}).
 *
 * @param columns   the columns
 * @param rows      the rows, each as long as {@code columns}
 * @param truncated whether more rows existed than were fetched
 */
public record QueryResult(List<ColumnInfo> columns, List<Object[]> rows, boolean truncated) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public int rowCount() {
        return rows.size();
    }

    public int columnCount() {
        return columns.size();
    }

    public Object get(int row, int column) {
        return rows.get(row)[column];
    }

    /** Index of a column by name, or -1. */
    public int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }
}
