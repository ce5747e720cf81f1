package jp.ebpm.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvPlanTest {

    private static CsvPlan plan(String text, ImportOptions o) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return CsvPlan.detect(Path.of("t.csv"), o, b, true);
    }

    @Test
    void statisticsTableWithYearsInTheHeader() {
        CsvPlan p = plan("人口の推移\n地域,2015,2020\n川崎区,χ,100\n幸区,1,2\n", ImportOptions.defaults().withStatistics(true));
        assertTrue(p.header());
        assertEquals(1, p.headerRows());
        assertEquals(List.of("地域", "2015", "2020"), p.names());
        assertEquals(2, p.firstLine());
        assertEquals(3, p.dataLine());
    }

    @Test
    void plainFileWithNumbersInFirstRowHasNoHeader() {
        CsvPlan p = plan("1,川崎区,2\n3,幸区,4\n", ImportOptions.defaults());
        assertFalse(p.header());
        assertEquals(List.of("column1", "column2", "column3"), p.names());
        assertEquals(1, p.dataLine());
    }

    @Test
    void threeHeaderRowsOfAStatisticsTable() {
        String t = "地域,人口,,,\n,男,,女,\n,0-14歳,15歳以上,0-14歳,15歳以上\n川崎区,1,2,3,4\n";
        CsvPlan p = plan(t, ImportOptions.defaults().withStatistics(true));
        assertEquals(3, p.headerRows());
        assertEquals(List.of("地域", "人口_男_0-14歳", "人口_男_15歳以上", "人口_女_0-14歳", "人口_女_15歳以上"), p.names());
    }

    @Test
    void userChoicesWin() {
        CsvPlan p = plan("a;b\n1;2\n", ImportOptions.defaults().withDelimiter(';').withHeader(false).withEncoding("utf-8"));
        assertEquals(';', p.delimiter());
        assertFalse(p.header());
        assertEquals(TextEncoding.UTF8, p.encoding());
    }
}
