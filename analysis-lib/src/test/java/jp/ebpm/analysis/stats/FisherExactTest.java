package jp.ebpm.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Fisher's exact test, R fisher.test convention. */
class FisherExactTest {

    @Test
    void teaTastingCountsTiedTables() {
        // R 4.2.2 fisher.test(matrix(c(3,1,1,3),2)): p = 0.4857142857142858 (PSPP 1.6.2 prints 0.2571)
        assertEquals(0.4857142857142858, FisherExact.test(3, 1, 1, 3).pTwoSided(), 1e-12);
        // R: alternative="greater" 0.2428571428571429, "less" 0.9857142857142858
        assertEquals(0.24285714285714288, FisherExact.test(3, 1, 1, 3).pGreater(), 1e-12);
        assertEquals(0.9857142857142858, FisherExact.test(3, 1, 1, 3).pLess(), 1e-12);
    }

    @Test
    void fractionalCountsAreRoundedLikeR() {
        // ct04 vector: R fisher.test rounded {{2.8, 3.2}, {1, 2}} to {{3, 3}, {1, 2}}: p = 1
        assertEquals(1.0, FisherExact.test(2.8, 3.2, 1, 2).pTwoSided(), 1e-12);
    }

    @Test
    void extremeTableHasTinyP() {
        // hand computation: {{10,0},{0,10}}: two tables of probability 1/C(20,10) each → 2/184756
        assertEquals(2.0 / 184756, FisherExact.test(10, 0, 0, 10).pTwoSided(), 1e-15);
    }
}
