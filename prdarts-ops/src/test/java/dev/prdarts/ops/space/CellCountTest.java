package dev.prdarts.ops.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CellCountTest {

    @Test
    void dartsLikeSpaceWithFifteenCandidatesHasAbout4Point6e11Cells() {
        assertEquals(15, CellCount.candidates(12));
        assertEquals(new BigInteger("461320312500"), CellCount.possibleCells(15));
        assertEquals("4.6e11", CellCount.approx(CellCount.possibleCells(15)));
    }

    @Test
    void dartsCatalogWithEightCandidatesHasAbout3Point0e9Cells() {
        assertEquals(new BigInteger("3019898880"), CellCount.possibleCells(8));
        assertEquals("3.0e9", CellCount.approx(CellCount.possibleCells(8)));
    }

    @Test
    void approxRoundsToTwoSignificantDigits() {
        assertEquals("1.8e2", CellCount.approx(BigInteger.valueOf(180)));
        assertEquals("1.0e3", CellCount.approx(BigInteger.valueOf(995)));
        assertEquals("5.0e0", CellCount.approx(BigInteger.valueOf(5)));
    }

    @Test
    void candidateCountsBelowOneAreRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CellCount.possibleCells(0));
        assertTrue(e.getMessage().contains("must be >= 1, got 0"), e.getMessage());
    }
}
