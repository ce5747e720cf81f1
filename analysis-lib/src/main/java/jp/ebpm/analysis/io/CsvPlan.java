package jp.ebpm.analysis.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Sql;

/**
 * The settings for reading one delimited text file, detected from its first bytes (encoding: 4 MB; dialect:
 * the records of the first 1 MB, at most 20,000) or chosen by the user.
 *
 * @param encoding    text encoding
 * @param delimiter   field delimiter
 * @param header      whether the table starts with header rows
 * @param headerRows  number of header rows combined into the names (0 without header)
 * @param firstLine   1-based physical line where the table (its header) starts; lines above are titles
 * @param dataLine    1-based physical line of the first data row
 * @param names       column names, exactly as in the file (combined for several header rows)
 * @param dataSample  data rows of the sample (for statistics detection and checks)
 */
record CsvPlan(TextEncoding encoding, char delimiter, boolean header, int headerRows, long firstLine, long dataLine,
               List<String> names, List<DelimitedText.Record> dataSample) {

    private static final int MAX_SAMPLE_ROWS = 20_000;

    /** Detects the plan of a file from its sample, applying the user's choices. */
    static CsvPlan detect(Path file, ImportOptions o, byte[] sample, boolean complete) {
        String fileName = file.getFileName().toString();
        TextEncoding chosen = TextEncoding.parse(o.encoding());
        TextEncoding enc = chosen != null ? chosen : TextEncoding.detect(sample, complete, fileName);
        if (chosen == TextEncoding.UTF8 && TextEncoding.hasBom(sample)) {
            enc = TextEncoding.UTF8_BOM;
        }
        String text = TextEncoding.decodeSample(sample, enc, complete, fileName);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new WorkbenchException("The file holds binary data (a NUL byte), so it is not a CSV or text file.",
                    fileName, (long) text.substring(0, nul).lines().count(), null, null);
        }
        if (text.isBlank()) {
            throw new WorkbenchException("The file holds no data (only blank lines or a byte-order mark).", fileName, null, null, null);
        }
        char delim = o.delimiter() != null ? o.delimiter() : CsvSample.detectDelimiter(text);
        boolean whole = complete && sample.length <= TextEncoding.TEXT_BYTES;
        List<DelimitedText.Record> rows = CsvSample.parse(text, delim, MAX_SAMPLE_ROWS, whole, fileName);
        long firstLine;
        if (o.skipRows() != null) {
            if (o.skipRows() < 0) {
                throw new IllegalArgumentException("The number of rows to skip cannot be negative.");
            }
            firstLine = o.skipRows() + 1L;
        } else {
            firstLine = CsvSample.detectSkipLines(rows) + 1L;
        }
        List<DelimitedText.Record> table = new ArrayList<>();
        for (DelimitedText.Record r : rows) {
            if (r.line() >= firstLine && !(table.isEmpty() && r.blank())) {
                table.add(r);
            }
        }
        if (table.isEmpty()) {
            throw new WorkbenchException("No table was found below the first " + (firstLine - 1) + " lines.", fileName, firstLine, null, null);
        }
        firstLine = table.get(0).line();
        int width = table.get(0).fields().size();
        boolean header = o.header() != null ? o.header() : o.statistics() || CsvSample.detectHeader(table);
        int headerRows = 0;
        if (header) {
            headerRows = o.headerRows() != null ? o.headerRows() : o.statistics() ? detectHeaderRows(table) : 1;
            if (headerRows < 1 || headerRows > table.size()) {
                throw new IllegalArgumentException("The number of header rows must be between 1 and " + table.size() + ".");
            }
        }
        CsvSample.checkWidths(table, width, fileName, o.statistics());
        List<String> names;
        if (headerRows == 1) {
            names = table.get(0).fields();
        } else if (headerRows > 1) {
            names = HeaderNames.combine(table.subList(0, headerRows).stream().map(DelimitedText.Record::fields).toList(), width, false);
        } else {
            names = new ArrayList<>();
            for (int i = 1; i <= width; i++) {
                names.add("column" + i);
            }
        }
        CsvSample.checkNames(names, fileName, firstLine, "");
        List<DelimitedText.Record> data = table.subList(headerRows, table.size()).stream().filter(r -> !r.blank()).toList();
        if (data.isEmpty() && complete) {
            throw new WorkbenchException("The file has a header but no data rows; there is nothing to import.", fileName, null, null, null);
        }
        long dataLine = headerRows < table.size() ? table.get(headerRows).line() : firstLine + headerRows;
        ImportSupport.checkOverrides(o.columnTypes(), names, fileName);
        return new CsvPlan(enc, delim, header, headerRows, firstLine, dataLine, List.copyOf(names), data);
    }

    /** Statistics tables: header rows go down to the first row holding a number or a symbol after its first cell. */
    static int detectHeaderRows(List<DelimitedText.Record> table) {
        int max = Math.min(6, table.size());
        for (int r = 0; r < max; r++) {
            List<String> f = table.get(r).fields();
            for (int c = 1; c < f.size(); c++) {
                if (CsvSample.looksNumeric(f.get(c)) || StatisticsTable.isSymbol(f.get(c))) {
                    return Math.max(1, r);
                }
            }
        }
        return 1;
    }

    /** The {@code read_csv(...)} call reading the data rows of a UTF-8 file with this plan. */
    String readCsv(Path utf8File, boolean allText, java.util.Map<String, String> types) {
        StringBuilder sb = new StringBuilder("read_csv(").append(Sql.literal(utf8File.toAbsolutePath().toString()))
                .append(", delim=").append(Sql.literal(String.valueOf(delimiter)))
                .append(", quote='\"', escape='\"', strict_mode=true, ignore_errors=false, null_padding=").append(allText);
        sb.append(", header=false, skip=").append(dataLine - 1);
        if (allText) {
            sb.append(", all_varchar=true, names=").append(listOf(stageNames(names.size())));
        } else {
            sb.append(", names=").append(listOf(names));
            if (!types.isEmpty()) {
                sb.append(", types=").append(types.entrySet().stream()
                        .map(e -> Sql.literal(e.getKey()) + ": " + Sql.literal(ImportSupport.checkType(e.getKey(), e.getValue())))
                        .collect(Collectors.joining(", ", "{", "}")));
            }
        }
        return sb.append(')').toString();
    }

    static List<String> stageNames(int n) {
        List<String> l = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            l.add("c" + i);
        }
        return l;
    }

    private static String listOf(List<String> names) {
        return names.stream().map(Sql::literal).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The delimiter as a word. */
    String delimiterName() {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> String.valueOf(delimiter);
        };
    }
}
