package jp.ebpm.workbench.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DataTableTest {

    @Test
    void wideCharactersCountTwice() {
        // 3 ASCII letters + 2 kanji (hand count: 3 + 2 * 2)
        assertEquals(7, DataTable.displayWidth("abc区名"));
    }

    @Test
    void rowIndexListHoldsTheRowNumbersWithoutStoringThem() {
        RowIndexList list = new RowIndexList(10_000_000);
        assertEquals(10_000_000, list.size());
        assertEquals(9_999_999, list.get(9_999_999));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(10_000_000));
    }
}
