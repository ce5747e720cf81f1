package jp.ebpm.analysis.survey;

import jp.ebpm.analysis.store.Project;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.DelimitedText;
import jp.ebpm.analysis.io.SheetGrid;
import jp.ebpm.analysis.store.Sql;

/**
 * Population margins for raking, from a CSV file or a project dataset. The spec syntax is
 * {@code VARS=SOURCE}, where VARS is one variable or several joined by {@code +} (a joint margin such
 * as {@code sex+age_group}) and SOURCE is a CSV file or {@code @dataset}. The source has a header row with
 * one column per variable (same names) and a final numeric column with the population total (extra columns
 * are ignored; the target column is the one named {@code target}, {@code population}, {@code total},
 * {@code n} or {@code Freq}, else the last column). Rows with the same categories are summed, so a
 * ward × sex × age population table serves all three margins. Targets summing to 1 are shares of the
 * base-weight total. A margin file may be CSV in any encoding the input layer knows, or an .xlsx/.xls sheet.
 */
public final class MarginIo {

    private static final List<String> TARGET_NAMES = List.of("target", "population", "total", "n", "freq", "count", "人口");

    private MarginIo() {
    }

    /** Parses one {@code VARS=SOURCE} spec; {@code @dataset} sources are read through the connection. */
    public static Margin parse(String spec, Path baseDir, Connection c) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("A margin is VARS=FILE.csv or VARS=@dataset, e.g. ward=population.csv; got " + spec);
        }
        List<String> vars = Arrays.stream(spec.substring(0, eq).split("\\+")).map(String::trim).toList();
        String source = spec.substring(eq + 1).trim();
        List<DelimitedText.Record> rows;
        String where;
        if (source.startsWith("@")) {
            where = source.substring(1);
            if (c == null) {
                throw new IllegalArgumentException("Dataset margins (@name) need a project");
            }
            rows = readDataset(c, where);
        } else {
            Path file = baseDir == null ? Path.of(source) : baseDir.resolve(source);
            where = file.getFileName().toString();
            rows = SheetGrid.readTable(file);
        }
        return fromRows(vars, rows, where);
    }

    static Margin fromRows(List<String> vars, List<DelimitedText.Record> rows, String where) {
        if (rows.isEmpty()) {
            throw new WorkbenchException("The margin source is empty.", where, null, null, null);
        }
        List<String> header = rows.get(0).fields().stream().map(String::trim).toList();
        long headerLine = rows.get(0).line();
        int[] pos = new int[vars.size()];
        for (int i = 0; i < vars.size(); i++) {
            pos[i] = header.indexOf(vars.get(i));
            if (pos[i] < 0) {
                throw new WorkbenchException("The margin source has no column " + vars.get(i)
                        + " (its header has " + String.join(", ", header) + ").", where, headerLine, vars.get(i), null);
            }
        }
        int target = header.size() - 1;
        for (int i = 0; i < header.size(); i++) {
            if (TARGET_NAMES.contains(header.get(i).toLowerCase(java.util.Locale.ROOT))) {
                target = i;
            }
        }
        Map<List<String>, Double> t = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r).fields();
            long line = rows.get(r).line();
            List<String> key = new ArrayList<>();
            for (int p : pos) {
                String code = p < row.size() ? Category.canonical(row.get(p)) : null;
                if (code == null) {
                    throw new WorkbenchException("The category is empty.", where, line, header.get(p), null);
                }
                key.add(code);
            }
            String v = target < row.size() ? row.get(target).trim().replace(",", "") : "";
            double value;
            try {
                value = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new WorkbenchException("The population total \"" + v + "\" is not a number.", where, line,
                        header.get(target), e);
            }
            t.merge(key, value, Double::sum);
        }
        return new Margin(vars, t);
    }

    private static List<DelimitedText.Record> readDataset(Connection c, String dataset) {
        List<DelimitedText.Record> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + Sql.ident(dataset))) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                header.add(md.getColumnName(i));
            }
            rows.add(new DelimitedText.Record(1, header));
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object o = rs.getObject(i);
                    row.add(o == null ? "" : o instanceof Number ? Category.canonical(o) : o.toString());
                }
                rows.add(new DelimitedText.Record(rows.size() + 1L, row));
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read the margin dataset " + dataset + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** Parses {@code VARS=SOURCE} specs; {@code @dataset} sources are read from the project. */
    public static java.util.List<Margin> parseAll(java.util.List<String> specs, Path baseDir, Project project) {
        try (Connection c = project.connect()) {
            java.util.List<Margin> out = new java.util.ArrayList<>();
            for (String s : specs) {
                out.add(parse(s, baseDir, c));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new WorkbenchException("Database error: " + e.getMessage(), e);
        }
    }
}
