package jp.ebpm.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.ebpm.analysis.WorkbenchException;

class CsvSampleTest {

    @Test
    void parsesQuotesDoubledQuotesAndQuotedNewlines() {
        List<DelimitedText.Record> rows = CsvSample.parse("a,b\n\"x,1\",\"say \"\"hi\"\"\"\n\"two\nlines\",3\n", ',', 100);
        assertEquals(3, rows.size());
        assertEquals(List.of("x,1", "say \"hi\""), rows.get(1).fields());
        assertEquals(List.of("two\nlines", "3"), rows.get(2).fields());
        assertEquals(3L, rows.get(2).line());
    }

    @Test
    void detectsDelimiters() {
        assertEquals(',', CsvSample.detectDelimiter("a,b,c\n1,2,3\n"));
        assertEquals('\t', CsvSample.detectDelimiter("a\tb\tc\n1,5\t2\t3\n"));
        assertEquals(';', CsvSample.detectDelimiter("a;b\n1,5;2\n"));
        assertEquals('|', CsvSample.detectDelimiter("a|b|c\n1|2|3\n"));
    }

    @Test
    void detectsTitleLinesAndHeader() {
        String text = "人口統計表\n令和2年10月1日現在\n\n区,人口,世帯\n川崎区,1,2\n幸区,3,4\n";
        List<DelimitedText.Record> rows = CsvSample.parse(text, ',', 100);
        assertEquals(3, CsvSample.detectSkipLines(rows));
        assertTrue(CsvSample.detectHeader(rows.subList(3, rows.size())));
        assertFalse(CsvSample.detectHeader(CsvSample.parse("1,2\n3,4\n", ',', 10)));
    }

    @Test
    void duplicateAndEmptyNamesAreRefused() {
        WorkbenchException dup = assertThrows(WorkbenchException.class,
                () -> CsvSample.checkNames(List.of("区", "人口", "区"), "a.csv", 1, ""));
        assertTrue(dup.getMessage().contains("appears twice"), dup.getMessage());
        WorkbenchException empty = assertThrows(WorkbenchException.class,
                () -> CsvSample.checkNames(List.of("区", " "), "a.csv", 1, ""));
        assertTrue(empty.getMessage().contains("Column 2 has no name"), empty.getMessage());
    }

    @Test
    void combinesHeaderRows() {
        List<String> names = HeaderNames.combine(List.of(
                List.of("地域", "総数", "男", "", "女", ""),
                List.of("", "", "15歳未満", "15歳以上", "15歳未満", "15歳以上")), 6, false);
        assertEquals(List.of("地域", "総数", "男_15歳未満", "男_15歳以上", "女_15歳未満", "女_15歳以上"), names);
        assertEquals(List.of("地域", "a_b"), HeaderNames.combine(List.of(List.of("地域", "a"), List.of("地域", "b")), 2, true));
    }
}
