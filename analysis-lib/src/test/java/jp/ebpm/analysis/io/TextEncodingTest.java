package jp.ebpm.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import jp.ebpm.analysis.WorkbenchException;

class TextEncodingTest {

    private static final String JA = "区名,人口,備考\n川崎区,232000,髙橋﨑①～ｶﾅ\n幸区,170000,ひらがなカタカナ\n";

    @Test
    void detectsUtf8AndBom() {
        assertEquals(TextEncoding.UTF8, TextEncoding.detect(JA.getBytes(StandardCharsets.UTF_8), true, "a.csv"));
        assertEquals(TextEncoding.UTF8, TextEncoding.detect("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII), true, "a.csv"));
        byte[] bom = ("\uFEFF" + JA).getBytes(StandardCharsets.UTF_8);
        assertEquals(TextEncoding.UTF8_BOM, TextEncoding.detect(bom, true, "a.csv"));
        assertEquals(JA, TextEncoding.decodeSample(bom, TextEncoding.UTF8_BOM, true, "a.csv"));
    }

    @Test
    void detectsCp932WithVendorCharacters() {
        byte[] b = JA.getBytes(jp.ebpm.analysis.io.TextEncoding.CP932.charset());
        assertEquals(TextEncoding.CP932, TextEncoding.detect(b, true, "a.csv"));
        assertEquals(JA, TextEncoding.decodeSample(b, TextEncoding.CP932, true, "a.csv"));
    }

    @Test
    void detectsEucJp() {
        String s = "区名,人口\n川崎区,232000\n幸区,170000\nひらがな,カタカナ\n";
        byte[] b = s.getBytes(Charset.forName("EUC-JP"));
        assertEquals(TextEncoding.EUC_JP, TextEncoding.detect(b, true, "a.csv"));
        assertEquals(s, TextEncoding.decodeSample(b, TextEncoding.EUC_JP, true, "a.csv"));
    }

    @Test
    void cutCharacterAtEndOfPartialSampleIsNotAnError() {
        byte[] full = "あいう\nえお".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);
        assertEquals(TextEncoding.UTF8, TextEncoding.detect(cut, false, "a.csv"));
        assertEquals("あいう\n", TextEncoding.decodeSample(cut, TextEncoding.UTF8, false, "a.csv"));
    }

    @Test
    void invalidBytesNameLineAndOffset() {
        byte[] b = "a,b\n1,2\n3,\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        // 0xFF at offset 10 on line 3 (hand count: "a,b\n" = 4 bytes, "1,2\n" = 4 bytes, "3," = 2 bytes)
        WorkbenchException e = assertThrows(WorkbenchException.class,
                () -> TextEncoding.decodeSample(b, TextEncoding.UTF8, true, "x.csv"));
        assertTrue(e.getMessage().contains("byte offset 10"), e.getMessage());
        assertEquals(3L, e.line().orElseThrow());
        assertEquals("x.csv", e.file().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"auto,", "utf-8,UTF8", "UTF8,UTF8", "cp932,CP932", "shift_jis,CP932", "sjis,CP932", "Shift_JIS,CP932",
            "windows-31j,CP932", "euc-jp,EUC_JP"})
    void parsesUserChoice(String word, String expected) {
        TextEncoding e = TextEncoding.parse(word);
        if (expected == null) {
            assertNull(e);
        } else {
            assertEquals(TextEncoding.valueOf(expected), e);
        }
    }

    @Test
    void unknownEncodingIsUsageError() {
        assertThrows(IllegalArgumentException.class, () -> TextEncoding.parse("latin-1"));
    }

    @Test
    void cp932IsWindows31jNotShiftJis() {
        // ～ (U+FF5E) exists in windows-31j as 0x8160; plain Shift_JIS maps 0x8160 to 〜 (U+301C)
        assertEquals("windows-31j", TextEncoding.CP932.charset().name());
    }
}
