package jp.ebpm.analysis.kpi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.export.xlsx.GridRow;

/**
 * Reads small CSV files (RFC 4180) for the KPI register: UTF-8 (with or without BOM), falling back to CP932
 * (windows-31j) when the bytes are not valid UTF-8. Undoes the formula guard of
 * {@link jp.ebpm.analysis.io.CsvWriter#forSpreadsheets}: a leading {@code '} before {@code = + - @} is dropped.
 */
final class KpiCsv {

    /** The CP932 charset (MS932); Shift_JIS maps some characters differently (tech-probe §4a). */
    static final Charset CP932 = Charset.forName("windows-31j");

    private KpiCsv() {
    }

    static List<GridRow> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = decode(bytes);
        return parse(text, file.getFileName().toString());
    }

    static String decode(byte[] bytes) {
        int off = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, off, bytes.length - off)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, CP932);
        }
    }

    static List<GridRow> parse(String text, String fileName) {
        List<GridRow> out = new ArrayList<>();
        List<Object> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        long line = 1;
        long start = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(unguard(cell.toString(), wasQuoted));
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(unguard(cell.toString(), wasQuoted));
                out.add(new GridRow(start, cells));
                cells = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
                line++;
                start = line;
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new WorkbenchException("A quoted value is not closed.", fileName, start, null, null);
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(unguard(cell.toString(), wasQuoted));
            out.add(new GridRow(start, cells));
        }
        return out;
    }

    private static Object unguard(String s, boolean quoted) {
        if (s.length() >= 2 && s.charAt(0) == '\'' && jp.ebpm.analysis.io.CsvWriter.isFormulaLike(s.substring(1))) {
            return s.substring(1);
        }
        return s;
    }
}
