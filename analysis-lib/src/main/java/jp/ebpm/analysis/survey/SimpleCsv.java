package jp.ebpm.analysis.survey;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.CsvRecords;

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
        for (CsvRecords.Record r : CsvRecords.parse(text, ',', file.getFileName().toString())) {
            rows.add(new ArrayList<>(r.fields()));
        }
        return rows;
    }
}
