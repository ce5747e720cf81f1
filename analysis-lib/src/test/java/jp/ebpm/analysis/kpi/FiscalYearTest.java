package jp.ebpm.analysis.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FiscalYearTest {

    // Era years by hand: 令和 1 = 2019, 平成 1 = 1989, 昭和 1 = 1926, 大正 1 = 1912, 明治 1 = 1868.
    @ParameterizedTest
    @CsvSource({
        "2019, 2019", "FY2019, 2019", "fy 2021, 2021", "2019年度, 2019", "２０１９年度, 2019", "ＦＹ２０２１, 2021",
        "平成31, 2019", "平成31年度, 2019", "令和元, 2019", "令和元年度, 2019", "令和1, 2019", "令和１年度, 2019",
        "R1, 2019", "r3, 2021", "R3, 2021", "H30, 2018", "Ｈ３０, 2018", "令和3(2021)年度, 2021", "令和元(2019)年度, 2019",
        "平成29年度, 2017", "昭和64年, 1989", "平成元年度, 1989", "大正15, 1926", "昭和元, 1926", "明治45, 1912",
        "Reiwa 3, 2021", "heisei30, 2018", "令和３（２０２１）年度, 2021", "2018年度実績, -1"
    })
    void parsesWesternAndEraForms(String text, int year) {
        if (year < 0) {
            assertTrue(FiscalYear.tryParse(text).isEmpty());
        } else {
            assertEquals(year, FiscalYear.parse(text).year());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "令和0", "X3", "令和3(2022)年度", "1800", "平成"})
    void rejectsNonYears(String text) {
        assertThrows(IllegalArgumentException.class, () -> FiscalYear.parse(text));
    }

    @Test
    void formatsFy2019AsReiwaGannen() {
        // The government named FY2019 令和元年度; documented choice in docs/kpi.md.
        assertEquals("令和元(2019)年度", FiscalYear.of(2019).format(YearStyle.ERA));
        assertEquals("平成30(2018)年度", FiscalYear.of(2018).format(YearStyle.ERA));
        assertEquals("令和3(2021)年度", FiscalYear.of(2021).format(YearStyle.ERA));
        assertEquals("平成元(1989)年度", FiscalYear.of(1989).format(YearStyle.ERA));
        assertEquals("2021年度", FiscalYear.of(2021).format(YearStyle.WESTERN));
        assertEquals("FY2021", FiscalYear.of(2021).format(YearStyle.FY));
    }

    @Test
    void formattedFormsParseBack() {
        for (int y = 1870; y <= 2040; y++) {
            for (YearStyle s : YearStyle.values()) {
                assertEquals(y, FiscalYear.parse(FiscalYear.of(y).format(s)).year(), () -> "year " + " " + s);
            }
        }
    }

    @Test
    void dateToEraAtTheReiwaBoundary() {
        // 元号を改める政令: Reiwa from 2019-05-01.
        assertEquals(Era.HEISEI, Era.of(LocalDate.of(2019, 4, 30)));
        assertEquals(Era.REIWA, Era.of(LocalDate.of(2019, 5, 1)));
        assertEquals("平成31年4月30日", Era.formatDate(LocalDate.of(2019, 4, 30)));
        assertEquals("令和元年5月1日", Era.formatDate(LocalDate.of(2019, 5, 1)));
        assertEquals(Era.SHOWA, Era.of(LocalDate.of(1989, 1, 7)));
        assertEquals(Era.HEISEI, Era.of(LocalDate.of(1989, 1, 8)));
        assertEquals("昭和64年1月7日", Era.formatDate(LocalDate.of(1989, 1, 7)));
        assertEquals(Era.TAISHO, Era.of(LocalDate.of(1926, 12, 24)));
        assertEquals(Era.SHOWA, Era.of(LocalDate.of(1926, 12, 25)));
        assertEquals(Era.MEIJI, Era.of(LocalDate.of(1912, 7, 29)));
        assertEquals(Era.TAISHO, Era.of(LocalDate.of(1912, 7, 30)));
        assertThrows(IllegalArgumentException.class, () -> Era.of(LocalDate.of(1868, 10, 22)));
    }

    @Test
    void dateToFiscalYear() {
        // 年度 runs April to March (地方自治法 第208条).
        assertEquals(2018, FiscalYear.of(LocalDate.of(2019, 3, 31)).year());
        assertEquals(2019, FiscalYear.of(LocalDate.of(2019, 4, 1)).year());
        assertEquals(2019, FiscalYear.of(LocalDate.of(2019, 4, 30)).year());
        assertEquals(2019, FiscalYear.of(LocalDate.of(2019, 5, 1)).year());
        assertEquals(2019, FiscalYear.of(LocalDate.of(2020, 3, 31)).year());
        assertEquals(LocalDate.of(2020, 3, 31), FiscalYear.of(2019).end());
        assertEquals(LocalDate.of(2019, 4, 1), FiscalYear.of(2019).start());
    }
}
