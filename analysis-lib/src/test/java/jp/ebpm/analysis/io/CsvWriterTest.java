package jp.ebpm.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one CSV writer: formula-like text is neutralised as in the .xlsx writer; numbers stay numbers (issue 16). */
class CsvWriterTest {

    private static String write(Object... cells) throws Exception {
        StringWriter w = new StringWriter();
        CsvWriter.forSpreadsheets(w).row(cells);
        return w.toString();
    }

    @Test
    void formulaLikeTextGetsAQuotePrefix() throws Exception {
        assertEquals("'=cmd|' /C calc'!A0,'+1+1,'-2+3,'@SUM(A1)\n", write("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"));
        assertEquals("'\t=1\n", write("\t=1"));
        assertEquals("\"'\r=1\"\n", write("\r=1"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"\n", write("=HYPERLINK(\"http://x\")"));
    }

    @Test
    void numbersAndOrdinaryTextAreUnchanged() throws Exception {
        assertEquals("-5,-2.5,1e-3,川崎区,a=b,,χ,-,+\n", write(-5, -2.5, "1e-3", "川崎区", "a=b", null, "χ", "-", "+"));
        // numbers copied through as text (e.g. from an input file) stay numbers
        assertEquals("-3.5,+81,-1e-3,'-1+2\n", write("-3.5", "+81", "-1e-3", "-1+2"));
        assertEquals("true,2021-04-01 09:30:00\n", write(true, java.time.LocalDateTime.of(2021, 4, 1, 9, 30)));
    }

    @Test
    @SuppressWarnings("deprecation")
    void thereIsNoUnguardedWriter() throws Exception {
        StringWriter w = new StringWriter();
        CsvWriter plain = CsvWriter.plain(w);
        assertTrue(plain.guardFormulas());
        plain.row(List.of("=1+1"));
        assertEquals("'=1+1\n", w.toString());
    }

    @Test
    void unguardUndoesThePrefixOnly() {
        for (String s : Arrays.asList("=1+1", "+x", "-", "@a", "\tx", "'quoted", "'", "plain", "")) {
            String written = CsvWriter.isFormulaLike(s) ? "'" + s : s;
            assertEquals(s, CsvWriter.unguard(written), s);
        }
        assertEquals("'plain", CsvWriter.unguard("'plain"));
        assertEquals("'-3", CsvWriter.unguard("'-3")); // the writer never prefixes a number, so this quote is data
    }

    @Test
    void numbersAsCsvText() {
        assertEquals(3L, CsvWriter.number(3.0));
        assertEquals(2.5, CsvWriter.number(2.5));
        assertEquals("", CsvWriter.number(Double.NaN));
    }
}
