package dev.prdarts.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchSizeConfigTest {

    @Test
    void defaultsAreThoseOfTheDesign() {
        BatchSizeConfig c = BatchSizeConfig.defaults();
        assertEquals(24, c.bMin());
        assertEquals(8, c.bMult());
        assertEquals(128, c.bMax());
        assertEquals(0.95, c.threshold());
        assertEquals(5, c.interval());
    }

    @Test
    void minAboveMaxIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new BatchSizeConfig(130, 8, 128, 0.95));
        assertEquals("batch-min (130) must be <= batch-max (128)", e.getMessage());
    }

    @Test
    void nonPositiveStepIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new BatchSizeConfig(24, 0, 128, 0.95));
        assertEquals("batch-mult must be > 0, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchSizeConfig(24, -8, 128, 0.95));
    }

    @Test
    void thresholdOutsideZeroToOneIsRejected() {
        for (double bad : new double[] {0, -0.1, 1.01, Double.NaN}) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> new BatchSizeConfig(24, 8, 128, bad));
            assertEquals("batch-threshold must be in (0, 1], got " + bad, e.getMessage());
        }
        assertEquals(1.0, new BatchSizeConfig(24, 8, 128, 1.0).threshold());
    }

    @Test
    void nonPositiveMinIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> new BatchSizeConfig(0, 8, 128, 0.95));
        assertEquals("batch-min must be >= 1, got 0", e.getMessage());
    }

    @Test
    void gridFloorRoundsDownToTheGrid() {
        BatchSizeConfig c = BatchSizeConfig.defaults();
        assertEquals(56, c.gridFloor(57));
        assertEquals(56, c.gridFloor(56));
        assertEquals(128, c.gridFloor(130));
        assertEquals(24, c.gridFloor(10));
        assertTrue(c.isGridSize(88));
        assertFalse(c.isGridSize(90));
        assertFalse(c.isGridSize(136));
    }
}
