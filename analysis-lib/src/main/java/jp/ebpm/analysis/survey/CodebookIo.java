package jp.ebpm.analysis.survey;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;


import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.CsvWriter;
import jp.ebpm.analysis.io.DelimitedText;
import jp.ebpm.analysis.io.SheetGrid;

/**
 * Reads and writes codebooks as CSV (read in any encoding the input layer knows, written as UTF-8) or
 * .xlsx/.xls (first sheet), in the long format of
 * {@code docs/survey.md}: a header row with the columns {@code variable, question, type, code, label_ja,
 * label_en, missing, members} and optionally {@code question_en} (only {@code variable} is required; names
 * are case-insensitive; the writer adds {@code question_en} only when a variable has one), then one
 * row per value of a variable in category order. A row without a code only sets the question, type or
 * members. {@code missing} = 1/true/yes marks the code as a missing code (e.g. 99 = 無回答).
 * {@code members} lists the 0/1 columns of a multiple-response set, separated by {@code ;}.
 */
public final class CodebookIo {

    static final List<String> HEADER = List.of("variable", "question", "type", "code", "label_ja", "label_en", "missing", "members");

    private CodebookIo() {
    }

    /** Reads a .csv (any encoding the input layer knows) or .xlsx/.xls codebook (by extension). */
    public static Codebook read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<DelimitedText.Record> rows = SheetGrid.readTable(file);
        if (!name.endsWith(".xlsx") && !name.endsWith(".xls")) {
            // CSV cells lose the quote CsvWriter puts before formula-like text, so written codebooks read back unchanged
            rows = rows.stream().map(r -> new DelimitedText.Record(r.line(),
                    r.fields().stream().map(CsvWriter::unguard).toList())).toList();
        }
        return fromRecords(rows, file);
    }

    /** Builds a codebook from records (first = header); messages name each record's line. */
    static Codebook fromRecords(List<DelimitedText.Record> rows, Path file) {
        String fileName = file.getFileName().toString();
        if (rows.isEmpty()) {
            throw new WorkbenchException("The codebook is empty.", fileName, 1L, null, null);
        }
        Map<String, Integer> col = new LinkedHashMap<>();
        List<String> header = rows.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        if (!col.containsKey("variable")) {
            throw new WorkbenchException("The codebook has no column named variable in its header.",
                    fileName, rows.get(0).line(), "variable", null);
        }
        Map<String, Builder> vars = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i).fields();
            long line = rows.get(i).line();
            String var = get(r, col, "variable");
            if (var.isEmpty()) {
                continue;
            }
            Builder b = vars.computeIfAbsent(var, Builder::new);
            String q = get(r, col, "question");
            if (!q.isEmpty() && b.question.isEmpty()) {
                b.question = q;
            }
            String qEn = get(r, col, "question_en");
            if (!qEn.isEmpty() && b.questionEn == null) {
                b.questionEn = qEn;
            }
            String type = get(r, col, "type");
            if (!type.isEmpty()) {
                try {
                    b.type = VariableType.parse(type);
                } catch (IllegalArgumentException e) {
                    throw new WorkbenchException("Unknown variable type \"" + type
                            + "\" (use single, multi_binary, multi_delimited, likert, numeric or text).",
                            fileName, line, "type", e);
                }
            }
            String members = get(r, col, "members");
            if (!members.isEmpty()) {
                for (String m : members.split(";")) {
                    if (!m.isBlank()) {
                        b.members.add(m.trim());
                    }
                }
            }
            String code = get(r, col, "code");
            if (code.isEmpty()) {
                continue;
            }
            String canon = Category.canonical(code);
            b.values.add(new Codebook.Value(canon, get(r, col, "label_ja"), emptyToNull(get(r, col, "label_en"))));
            String missing = get(r, col, "missing").toLowerCase(Locale.ROOT);
            if (missing.equals("1") || missing.equals("true") || missing.equals("yes") || missing.equals("y")) {
                b.missing.add(canon);
            }
        }
        List<Codebook.Variable> list = new ArrayList<>();
        for (Builder b : vars.values()) {
            list.add(new Codebook.Variable(b.name, b.question, b.type, b.values, b.missing, b.members, b.questionEn));
        }
        return new Codebook(list);
    }

    /** Writes a codebook as UTF-8 CSV in the documented format. */
    public static void writeCsv(Codebook cb, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(cb, w);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a codebook as CSV text in the documented format (the caller closes the writer). The column
     * {@code question_en} is written only when some variable has an English question.
     */
    public static void writeCsv(Codebook cb, Writer w) throws IOException {
        boolean english = cb.variables().stream().anyMatch(v -> v.questionEn() != null);
        CsvWriter csv = CsvWriter.forSpreadsheets(w);
        List<String> header = new ArrayList<>(HEADER);
        if (english) {
            header.add(2, "question_en");
        }
        csv.row(header);
        for (Codebook.Variable v : cb.variables()) {
            String members = String.join(";", v.members());
            if (v.values().isEmpty()) {
                csv.row(row(english, v.name(), v.question(), nz(v.questionEn()), v.type().code(), "", "", "", "", members));
            }
            boolean first = true;
            for (Codebook.Value val : v.values()) {
                csv.row(row(english, v.name(), first ? v.question() : "", first ? nz(v.questionEn()) : "",
                        first ? v.type().code() : "", val.code(), nz(val.labelJa()), nz(val.labelEn()),
                        v.missingCodes().contains(val.code()) ? "1" : "", first ? members : ""));
                first = false;
            }
        }
        csv.flush();
    }

    private static List<String> row(boolean english, String name, String question, String questionEn, String type,
                                    String code, String labelJa, String labelEn, String missing, String members) {
        return english ? List.of(name, question, questionEn, type, code, labelJa, labelEn, missing, members)
                : List.of(name, question, type, code, labelJa, labelEn, missing, members);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String get(List<String> r, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= r.size() || r.get(i) == null ? "" : r.get(i).trim();
    }

    private static final class Builder {
        final String name;
        String question = "";
        String questionEn;
        VariableType type = VariableType.SINGLE;
        final List<Codebook.Value> values = new ArrayList<>();
        final Set<String> missing = new LinkedHashSet<>();
        final List<String> members = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }
    }
}
