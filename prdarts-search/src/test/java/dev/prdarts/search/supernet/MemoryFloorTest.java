package dev.prdarts.search.supernet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryFloorTest {

    private static final long GIB = 1L << 30;

    @Test
    void oneCellCountsItsPreprocessingWeightsAndGradientsAndItsOutput() {
        // C = 2 and one cell: cell 0 is cell L/3, a reduction to 2C = 4 channels on a 2x2 map
        long bytes = MemoryFloor.bytes(2, 1, 3, 3, 5);

        long weights = (6 + 6) * 4L; // (3C + 3C) inputs x 2C outputs
        long output = 5L * 4 * 4 * 2 * 2; // N x 4C x H x W
        assertEquals(4 * (2 * weights + output), bytes);
    }

    @Test
    void theSmokeNetworkNeedsLittleAndAHugeOneCannotFit() {
        long smoke = MemoryFloor.bytes(8, 5, 28, 28, 32);
        assertTrue(smoke > 0 && smoke < 64L << 20, "smoke floor " + smoke);

        assertTrue(MemoryFloor.bytes(100_000, 5, 28, 28, 32) > 100 * GIB);
        assertTrue(MemoryFloor.bytes(8, 100_000, 28, 28, 32) > 50 * GIB);
        assertEquals(Long.MAX_VALUE, MemoryFloor.bytes(Integer.MAX_VALUE, 1000, 28, 28, 128));
    }

    @Test
    void checkNamesTheSettingsTheBoundAndTheBudget() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                MemoryFloor.check(
                                        "search.channels = 100000", 100_000, 5, 28, 28, 32, GIB));
        assertTrue(
                e.getMessage().startsWith("search.channels = 100000 at batch size 32 on 28x28"),
                e.getMessage());
        assertTrue(e.getMessage().contains("over the memory budget of 1.0 GiB"), e.getMessage());

        MemoryFloor.check("smoke", 8, 5, 28, 28, 32, GIB);
    }
}
