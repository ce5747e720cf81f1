package jp.ebpm.analysis.gis.map;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.DelimitedText;
import jp.ebpm.analysis.io.ReadResult;
import jp.ebpm.analysis.io.SheetGrid;
import jp.ebpm.analysis.io.SourceInfo;

/**
 * The values of one numeric column of a small table (CSV in any encoding the input layer knows, or an Excel
 * sheet), read through {@link SheetGrid#readTable} for class breaks ({@link Classifier}). Empty cells are skipped
 * and counted; a cell that is not a number is an error naming file, line and column (never a silent gap).
 * Full-width digits and thousands separators are accepted ({@code １,２３４} is 1234).
 *
 * @since 0.1
 */
public final class ClassInput {

    private ClassInput() {
    }

    /**
     * Reads a column.
     *
     * @throws WorkbenchException when the column is missing or a value is not a number
     */
    public static ReadResult<double[]> read(Path file, String column) {
        String name = file.getFileName().toString();
        List<DelimitedText.Record> rows = SheetGrid.readTable(file);
        if (rows.isEmpty()) {
            throw new WorkbenchException("The file holds no table.", name, null, null, null);
        }
        List<String> header = rows.get(0).fields().stream().map(String::strip).toList();
        int col = header.indexOf(column);
        if (col < 0) {
            throw new WorkbenchException("The column \"" + column + "\" is not in the header (columns: " + String.join(", ", header)
                    + ").", name, rows.get(0).line(), column, null);
        }
        double[] x = new double[rows.size() - 1];
        int n = 0;
        long skipped = 0;
        for (DelimitedText.Record r : rows.subList(1, rows.size())) {
            String t = Normalizer.normalize(r.field(col), Normalizer.Form.NFKC).strip().replace(",", "");
            if (t.isEmpty()) {
                skipped++;
                continue;
            }
            try {
                x[n++] = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new WorkbenchException("\"" + r.field(col).strip() + "\" is not a number. Correct the value or leave the"
                        + " cell empty (empty cells are left out).", name, r.line(), column, e);
            }
        }
        List<String> warnings = skipped == 0 ? List.of()
                : List.of(skipped + " empty value(s) in column \"" + column + "\" were left out.");
        return new ReadResult<>(java.util.Arrays.copyOf(x, n), new SourceInfo(name, SourceInfo.sha256(file), null, skipped),
                warnings);
    }
}
