package jp.ebpm.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;

/** The one delimited-text reader: records, true line numbers, and the same error words for every encoding. */
class DelimitedTextTest {

    @TempDir
    Path dir;

    @Test
    void quotedFieldsBomAndBlankLines() {
        List<DelimitedText.Record> r = DelimitedText.parse("\uFEFFvariable,label\r\n\r\nq1,\"好き, とても\"\nq2,\"2行\n目\"\"引用\"\"\"\nq3,x\n",
                ',', "cb.csv");
        assertEquals(4, r.size());
        assertEquals(List.of("variable", "label"), r.get(0).fields());
        assertEquals(List.of("q1", "好き, とても"), r.get(1).fields());
        assertEquals(3, r.get(1).line());
        assertEquals(List.of("q2", "2行\n目\"引用\""), r.get(2).fields());
        assertEquals(4, r.get(2).line());
        // the record after a quoted line break starts on its true line
        assertEquals(6, r.get(3).line());
    }

    @Test
    void unclosedQuoteNamesFileAndLine() {
        WorkbenchException e = assertThrows(WorkbenchException.class,
                () -> DelimitedText.parse("a,b\n1,2\n3,\"open\n4,5\n", ',', "m.csv"));
        assertEquals(3L, e.line().orElseThrow());
        assertTrue(e.getMessage().startsWith("m.csv, line 3"), e.getMessage());
    }

    @Test
    void cp932AndEucJpFilesGiveTheSameRecordsAndTheSameErrorWords() throws Exception {
        String text = "区,人口\n川崎区,\"23,0\"\n幸区,17\n";
        for (TextEncoding enc : List.of(TextEncoding.UTF8, TextEncoding.UTF8_BOM, TextEncoding.CP932, TextEncoding.EUC_JP,
                TextEncoding.UTF16LE)) {
            Path f = dir.resolve("t-" + enc.name() + ".csv");
            byte[] body = text.getBytes(enc.charset());
            byte[] bom = switch (enc) {
                case UTF8_BOM -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                case UTF16LE -> new byte[] {(byte) 0xFF, (byte) 0xFE};
                default -> new byte[0];
            };
            Files.write(f, concat(bom, body));
            ReadResult<List<DelimitedText.Record>> r = DelimitedText.read(f, null, null);
            assertEquals(enc.label(), r.source().encoding(), enc.name());
            assertEquals(List.of("川崎区", "23,0"), r.value().get(1).fields(), enc.name());
            assertEquals(64, r.source().sha256().length());

            Path bad = dir.resolve("bad-" + enc.name() + ".csv");
            Files.write(bad, concat(bom, "区,人口\n川崎区,\"23\n".getBytes(enc.charset())));
            WorkbenchException e = assertThrows(WorkbenchException.class, () -> DelimitedText.read(bad, null, null));
            assertEquals("bad-" + enc.name() + ".csv, line 2: A quoted field that starts on this line is never closed (a \" is missing).",
                    e.getMessage());
        }
    }

    @Test
    void aRowOfAHundredThousandFieldsIsRefusedFast() throws Exception {
        Path f = dir.resolve("wide.csv");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append(i == 0 ? "" : ",").append('x').append(i);
        }
        Files.writeString(f, "a,b\n1,2\n" + sb + "\n", StandardCharsets.UTF_8);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> DelimitedText.read(f, null, ','));
        assertEquals(3L, e.line().orElseThrow());
        assertTrue(e.getMessage().contains("100000 fields"), e.getMessage());
    }

    @Test
    void mixedEncodingsAreRefusedNamingALineOfEachKind() throws Exception {
        Path f = dir.resolve("mixed.csv");
        byte[] utf8 = "区,人口\n川崎区,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] sjis = "幸区,2\n".getBytes(TextEncoding.CP932.charset());
        Files.write(f, concat(utf8, sjis));
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> DelimitedText.read(f, null, null));
        assertEquals(3L, e.line().orElseThrow());
        assertTrue(e.getMessage().contains("mixes text encodings: line 1 is UTF-8 but line 3 is not"), e.getMessage());
        // choosing the encoding by hand reads it (strictly): the UTF-8 lines are then invalid CP932 or garbled, never silent
        assertEquals("CP932", DelimitedText.read(f, "cp932", null).source().encoding());
    }

    @Test
    void aPureCp932FileIsNotMistakenForMixed() throws Exception {
        Path f = dir.resolve("sjis.csv");
        Files.write(f, "区名,人口,ｶﾅ\n川崎区,1,ｱ\n幸区,2,ｲ\n中原区,3,ｳ\n高津区,4,ｴ\n".getBytes(TextEncoding.CP932.charset()));
        assertEquals("CP932", DelimitedText.read(f, null, null).source().encoding());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
