package jp.ebpm.analysis.io;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jp.ebpm.analysis.store.Sql;

/**
 * Turns a staging table of text columns (as read from a statistics table) into the dataset table, with set-based
 * SQL in DuckDB.
 *
 * <p>The cell symbols of Japanese official statistics ({@link #SYMBOLS}: {@code χ X x} secret, {@code - －}
 * none, {@code … ...} not available, {@code * ***} suppressed) are read as missing (NULL). A column whose
 * other values are all numbers (thousands separators {@code 1,234} allowed; {@code △} or {@code ▲} as minus
 * sign) becomes {@code BIGINT} when all are whole numbers, else {@code DOUBLE}; every other column stays text
 * as it is. For each numeric column that held symbols, a companion column {@code <column>_flag} keeps the
 * symbol of each missing cell. Rows with nothing after their first cell (notes under the table such as
 * {@code 注1)} or {@code 資料：}, group captions) are left out.
 */
final class StatisticsTable {

    /** The cell symbols read as missing values. */
    static final List<String> SYMBOLS = List.of("χ", "X", "x", "-", "－", "…", "...", "*", "***");

    private StatisticsTable() {
    }

    /** Result: the number of symbol cells read as missing. */
    record Outcome(long symbolCells, List<String> flaggedColumns, long droppedRows) {
    }

    /**
     * Creates {@code target} from {@code stage}, whose columns {@code c1..cN} are VARCHAR and correspond to
     * {@code names}.
     */
    static Outcome convert(Connection c, String stage, String target, List<String> names,
                           jp.ebpm.analysis.task.Cancellation cancel) throws SQLException {
        long dropped = 0;
        if (names.size() > 1) {
            // rows with nothing after the first cell: notes under the table (注, 資料) or group captions
            StringBuilder del = new StringBuilder("DELETE FROM " + Sql.ident(stage) + " WHERE ");
            for (int i = 1; i < names.size(); i++) {
                del.append(i > 1 ? " AND " : "").append("coalesce(trim(").append(col(i)).append("), '') = ''");
            }
            try (Statement st = c.createStatement()) {
                dropped = st.executeUpdate(del.toString());
            }
        }
        String symbols = SYMBOLS.stream().map(Sql::literal).collect(Collectors.joining(", ", "(", ")"));
        int n = names.size();
        StringBuilder agg = new StringBuilder("SELECT ");
        for (int i = 0; i < n; i++) {
            String v = "trim(" + col(i) + ")";
            String num = number(v);
            if (i > 0) {
                agg.append(", ");
            }
            agg.append("count(*) FILTER (WHERE ").append(v).append(" <> '' AND ").append(v).append(" NOT IN ").append(symbols).append("), ")
               .append("count(*) FILTER (WHERE ").append(v).append(" NOT IN ").append(symbols).append(" AND TRY_CAST(").append(num).append(" AS DOUBLE) IS NOT NULL), ")
               .append("count(*) FILTER (WHERE ").append(v).append(" NOT IN ").append(symbols).append(" AND regexp_full_match(").append(num).append(", '[-+]?[0-9]+')), ")
               .append("count(*) FILTER (WHERE ").append(v).append(" IN ").append(symbols).append(")");
        }
        agg.append(" FROM ").append(Sql.ident(stage));
        long[][] stats = new long[n][4];
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(agg.toString())) {
            rs.next();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 4; k++) {
                    stats[i][k] = rs.getLong(i * 4 + k + 1);
                }
            }
        }
        List<String> select = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        long symbolCells = 0;
        for (int i = 0; i < n; i++) {
            String v = "trim(" + col(i) + ")";
            long values = stats[i][0];
            boolean numeric = values > 0 && stats[i][1] == values;
            if (!numeric) {
                select.add(col(i) + " AS " + Sql.ident(names.get(i)));
                continue;
            }
            String type = stats[i][2] == values ? "BIGINT" : "DOUBLE";
            select.add("CASE WHEN " + v + " = '' OR " + v + " IN " + symbols + " THEN NULL ELSE CAST(" + number(v) + " AS " + type
                    + ") END AS " + Sql.ident(names.get(i)));
            if (stats[i][3] > 0) {
                symbolCells += stats[i][3];
                flagged.add(names.get(i));
                select.add("CASE WHEN " + v + " IN " + symbols + " THEN " + v + " END AS " + Sql.ident(names.get(i) + "_flag"));
            }
        }
        ImportSupport.execute(c, "CREATE TABLE " + Sql.ident(target) + " AS SELECT " + String.join(", ", select)
                + " FROM " + Sql.ident(stage), cancel);
        return new Outcome(symbolCells, flagged, dropped);
    }

    private static String col(int i) {
        return "\"c" + (i + 1) + "\"";
    }

    /** SQL text of a cell with separators removed and △/▲ read as a minus sign. */
    private static String number(String v) {
        return "regexp_replace(replace(replace(" + v + ", ',', ''), '，', ''), '^[△▲]', '-')";
    }

    /** Whether a text cell is one of the symbols. */
    static boolean isSymbol(String s) {
        return s != null && SYMBOLS.contains(s.strip());
    }
}
