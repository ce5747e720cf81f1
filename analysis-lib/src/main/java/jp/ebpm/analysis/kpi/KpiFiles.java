package jp.ebpm.analysis.kpi;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.GridRow;
import jp.ebpm.analysis.export.xlsx.XlsxGrid;
import jp.ebpm.analysis.io.DelimitedText;
import jp.ebpm.analysis.io.SheetGrid;
import jp.ebpm.analysis.io.CsvWriter;

/**
 * Reads and writes KPI register files: .xlsx/.xls (sheet {@value #SHEET}, else the first sheet) and CSV (UTF-8
 * with or without BOM, CP932 or EUC-JP, detected by the input layer {@link jp.ebpm.analysis.io}). The format is {@link KpiRegisterFormat}; docs/kpi.md describes it.
 *
 * @since 0.1
 */
public final class KpiFiles {

    /** The sheet name written and looked for first. */
    public static final String SHEET = "KPI登録簿";

    private KpiFiles() {
    }

    /**
     * Reads a register from {@code .xlsx} or {@code .csv} (by extension; anything else is read as CSV).
     *
     * @throws WorkbenchException when the file is missing, unreadable or invalid (naming row and column)
     */
    public static KpiRegister read(Path file) {
        return KpiRegisterFormat.parse(file.getFileName().toString(), rows(file));
    }

    /** Reads the raw rows of a register file. */
    static List<GridRow> rows(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new WorkbenchException("The KPI register file does not exist.", name, null, null, null);
        }
        if (isXlsx(file) || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xls")) {
            return SheetGrid.readPreferred(file, SHEET, "KPI").rows();
        }
        List<GridRow> out = new ArrayList<>();
        for (DelimitedText.Record r : DelimitedText.read(file, null, ',').value()) {
            List<Object> cells = new ArrayList<>(r.fields().size());
            for (String f : r.fields()) {
                cells.add(unguard(f));
            }
            out.add(new GridRow(r.line(), cells));
        }
        return out;
    }

    /** Undoes the formula guard of {@link CsvWriter#forSpreadsheets}: a leading {@code '} before {@code = + - @} is dropped. */
    static String unguard(String s) {
        if (s.length() >= 2 && s.charAt(0) == '\'' && CsvWriter.isFormulaLike(s.substring(1))) {
            return s.substring(1);
        }
        return s;
    }

    /**
     * Writes a register as {@code .xlsx} or as UTF-8 CSV with BOM (so Excel shows Japanese correctly), with
     * fiscal-year columns labelled in {@code style}. CSV text that looks like a formula is prefixed with
     * {@code '} ({@link CsvWriter#forSpreadsheets}); reading removes the prefix again.
     *
     * @throws WorkbenchException when the file cannot be written
     */
    public static void write(Path file, KpiRegister register, YearStyle style) {
        List<List<Object>> rows = KpiRegisterFormat.toRows(register, style);
        if (isXlsx(file)) {
            List<String> formats = new ArrayList<>();
            for (int c = 0; c < rows.get(0).size(); c++) {
                formats.add(c == KpiColumn.BASELINE_VALUE.ordinal() || c == KpiColumn.TARGET_VALUE.ordinal()
                        || c >= KpiColumn.values().length ? "#,##0.###" : null);
            }
            XlsxGrid.write(file, SHEET, rows, formats);
            return;
        }
        try {
            Path abs = file.toAbsolutePath();
            Path tmp = jp.ebpm.analysis.export.OutputFiles.temporarySibling(abs);
            try {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write('\uFEFF');
                    CsvWriter csv = CsvWriter.forSpreadsheets(w);
                    for (List<Object> r : rows) {
                        List<Object> out = new ArrayList<>();
                        for (Object o : r) {
                            out.add(o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) d.longValue() : o);
                        }
                        csv.row(out);
                    }
                    csv.flush();
                }
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write the KPI register: " + e.getMessage(), file.getFileName().toString(), null, null, e);
        }
    }

    static boolean isXlsx(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xlsm");
    }
}
