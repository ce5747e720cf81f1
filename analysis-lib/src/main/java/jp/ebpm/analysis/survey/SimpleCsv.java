package jp.ebpm.analysis.survey;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;

/** Reads small RFC 4180 CSV files (codebooks, margins) into rows of strings; a UTF-8 BOM is skipped. */
final class SimpleCsv {

    private SimpleCsv() {
    }

    static List<List<String>> read(Path file, Charset cs) {
        try (BufferedReader r = Files.newBufferedReader(file, cs)) {
            StringBuilder all = new StringBuilder();
            char[] buf = new char[8192];
            for (int k = r.read(buf); k >= 0; k = r.read(buf)) {
                all.append(buf, 0, k);
            }
            return parse(all.toString(), file);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read " + file.getFileName() + ": " + e.getMessage(), file.toString(), null, null, e);
        }
    }

    static List<List<String>> parse(String text, Path file) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        boolean quoted = false;
        boolean any = false;
        long line = 1;
        for (; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                row.add(f.toString());
                f.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || f.length() > 0) {
                    row.add(f.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                f.setLength(0);
                any = false;
                line++;
            } else {
                f.append(ch);
                any = true;
            }
        }
        if (quoted) {
            throw new WorkbenchException("Unclosed quote in " + file.getFileName() + " near line " + line + ".",
                    file.toString(), line, null, null);
        }
        if (any || f.length() > 0) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }
}
