package dev.prdarts.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemorySizeTest {

    @ParameterizedTest
    @CsvSource({
        "6GB, 6442450944",
        "6G, 6442450944",
        "6 gb, 6442450944",
        "512MB, 536870912",
        "512m, 536870912",
        "1.5GiB, 1610612736",
        "2KiB, 2048",
        "1TB, 1099511627776",
        "1000, 1000",
        "64B, 64"
    })
    void parsesSizesInPowersOf1024(String text, long bytes) {
        assertEquals(bytes, MemorySize.parseBytes(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"6 XB", "-1", "lots", "", "0", "0GB", "0.5B", "6GBs", "1e9", "GB"})
    void rejectsBadSizesWithOneClearMessage(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MemorySize.parseBytes(text));
        assertEquals(
                "memory budget must be a positive size such as 6GB, 512MB, 6G or 1.5GiB"
                        + " (units B, K, M, G, T; powers of 1024), got '"
                        + text
                        + "'",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"6442450944, 6.0 GiB", "536870912, 512.0 MiB", "1536, 1.5 KiB", "100, 100 B"})
    void formatsInTheLargestFittingUnit(long bytes, String text) {
        assertEquals(text, MemorySize.format(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999TB"})
    void rejectsSizesBeyondLongRange(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MemorySize.parseBytes(text));
        assertTrue(e.getMessage().endsWith("got '" + text + "'"), e.getMessage());
    }
}
