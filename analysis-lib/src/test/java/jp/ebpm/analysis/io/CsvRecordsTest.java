package jp.ebpm.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.ebpm.analysis.WorkbenchException;

class CsvRecordsTest {

    @Test
    void quotedFieldsBomAndBlankLines() {
        List<CsvRecords.Record> r = CsvRecords.parse("\uFEFFvariable,label\r\n\r\nq1,\"好き, とても\"\nq2,\"2行\n目\"\"引用\"\"\"\n",
                ',', "cb.csv");
        assertEquals(3, r.size());
        assertEquals(List.of("variable", "label"), r.get(0).fields());
        assertEquals(List.of("q1", "好き, とても"), r.get(1).fields());
        assertEquals(3, r.get(1).line());
        assertEquals(List.of("q2", "2行\n目\"引用\""), r.get(2).fields());
    }

    @Test
    void unclosedQuoteNamesFileAndLine() {
        WorkbenchException e = assertThrows(WorkbenchException.class,
                () -> CsvRecords.parse("a,b\n1,2\n3,\"open\n4,5\n", ',', "m.csv"));
        assertEquals(3L, e.line().orElseThrow());
        assertTrue(e.getMessage().startsWith("m.csv, line 3"), e.getMessage());
    }
}
