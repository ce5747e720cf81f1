package jp.ebpm.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Contingency statistics on hand-checked tables. */
class ContingencyTableTest {

    @Test
    void signedPhiFollowsTheDiagonal() {
        // hand computation: (ad - bc)/sqrt(R1 R2 C1 C2) = (9 - 1)/sqrt(4*4*4*4) = 0.5; swapped columns give -0.5
        assertEquals(0.5, ContingencyTable.of(new double[][] {{3, 1}, {1, 3}}).phiSigned(), 1e-15);
        assertEquals(-0.5, ContingencyTable.of(new double[][] {{1, 3}, {3, 1}}).phiSigned(), 1e-15);
        // PSPP prints phi unsigned
        assertEquals(0.5, ContingencyTable.of(new double[][] {{1, 3}, {3, 1}}).phi(), 1e-15);
    }

    @Test
    void emptyColumnDoesNotCountInDf() {
        ContingencyTable t = ContingencyTable.of(new double[][] {{5, 0, 3}, {2, 0, 6}});
        // df = (2-1)(2-1) = 1: the middle column has no cases
        assertEquals(1.0, t.pearson().df(), 0.0);
        assertTrue(Double.isNaN(t.adjustedResiduals()[0][1]));
    }

    @Test
    void singleRowHasNoTest() {
        ContingencyTable t = ContingencyTable.of(new double[][] {{5, 7}});
        assertTrue(Double.isNaN(t.pearson().p()));
        assertEquals(12.0, t.total(), 0.0);
    }

    @Test
    void chiSquaredTailKeepsPrecision() {
        // R: pchisq(184.32, 1, lower.tail=FALSE) = 5.5239445993750243e-42 (wilson_r.csv, w03)
        double p = Distributions.chiSquaredUpper(184.32, 1);
        assertEquals(5.5239445993750243e-42, p, 1e-6 * 5.5239445993750243e-42);
    }
}
